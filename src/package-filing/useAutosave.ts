import { useCallback, useEffect, useRef, useState } from 'react';
import type { TFilingView } from '../../types';
import { api, errorMessage, isApiError, isTransient } from '../api';
import { isPristine, toDraftFields, type TFilingForm } from './form-model';

export type TSaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

const DEBOUNCE_MS = 1500;
const RETRY_MS = 5000;

interface TAutosaveOptions {
  /** Keeps the local copy in step after every change and every save. */
  onLocal: (form: TFilingForm, filingId: string | null, unsaved: boolean) => void;
  /** A draft the server refused (e.g. too long): its field hints. */
  onFieldErrors: (fields: Record<string, string>) => void;
}

export interface TAutosave {
  state: TSaveState;
  failure: string;
  savedAt: number | null;
  filingId: () => string | null;
  requestId: () => string;
  /** Starts tracking a loaded or restored form; `unsaved` schedules a save right away. */
  reset: (form: TFilingForm, filingId: string | null, requestId: string, unsaved: boolean) => void;
  change: (form: TFilingForm) => void;
  /** Saves now and resolves with the saved filing (null when nothing was ever saved); throws if saving failed. */
  flush: () => Promise<TFilingView | null>;
}

/**
 * Debounced, single-flight autosave. The first save creates the draft with a client-minted `requestId`
 * (retrying it cannot create two); later saves name the returned `filingId`. Saves never overlap: a change made
 * while one is in flight is saved right after it.
 */
export function useAutosave({ onLocal, onFieldErrors }: TAutosaveOptions): TAutosave {
  const [state, setState] = useState<TSaveState>('idle');
  const [failure, setFailure] = useState('');
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const formRef = useRef<TFilingForm | null>(null);
  const filingIdRef = useRef<string | null>(null);
  const requestIdRef = useRef('');
  const lastSavedRef = useRef<TFilingView | null>(null);
  const dirtyRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chainRef = useRef<Promise<unknown>>(Promise.resolve());
  const callbacks = useRef({ onLocal, onFieldErrors });
  callbacks.current = { onLocal, onFieldErrors };

  const clearTimer = () => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
  };

  const saveOnce = useCallback(async (): Promise<TFilingView | null> => {
    const form = formRef.current;
    if (!form || !dirtyRef.current) return lastSavedRef.current;
    if (!filingIdRef.current && isPristine(form)) {
      dirtyRef.current = false;
      setState('idle');
      return null;
    }
    dirtyRef.current = false;
    setState('saving');
    try {
      const fields = toDraftFields(form);
      const input = filingIdRef.current ? { filingId: filingIdRef.current, fields } : { requestId: requestIdRef.current, fields };
      const { filing } = await api.filings.saveDraft(input);
      filingIdRef.current = filing.id;
      lastSavedRef.current = filing;
      setSavedAt(Date.now());
      setState(dirtyRef.current ? 'pending' : 'saved');
      callbacks.current.onLocal(formRef.current ?? form, filing.id, dirtyRef.current);
      return filing;
    } catch (err) {
      dirtyRef.current = true;
      setFailure(errorMessage(err));
      setState('failed');
      if (isApiError(err, 'VALIDATION_FAILED')) callbacks.current.onFieldErrors(err.fields);
      // A dropped connection heals by itself; try again without waiting for the next keystroke.
      if (isTransient(err)) {
        clearTimer();
        timerRef.current = setTimeout(() => void enqueue(), RETRY_MS);
      }
      throw err;
    }
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const enqueue = useCallback((): Promise<TFilingView | null> => {
    clearTimer();
    const run = chainRef.current.then(saveOnce);
    chainRef.current = run.catch(() => undefined);
    return run;
  }, [saveOnce]);

  const change = useCallback(
    (form: TFilingForm) => {
      formRef.current = form;
      dirtyRef.current = true;
      setState('pending');
      callbacks.current.onLocal(form, filingIdRef.current, true);
      clearTimer();
      timerRef.current = setTimeout(() => void enqueue().catch(() => undefined), DEBOUNCE_MS);
    },
    [enqueue],
  );

  const reset = useCallback(
    (form: TFilingForm, filingId: string | null, requestId: string, unsaved: boolean) => {
      formRef.current = form;
      filingIdRef.current = filingId;
      requestIdRef.current = requestId;
      dirtyRef.current = unsaved;
      setState(unsaved ? 'pending' : 'idle');
      if (unsaved) void enqueue().catch(() => undefined);
    },
    [enqueue],
  );

  const flush = useCallback(() => enqueue(), [enqueue]);

  useEffect(() => clearTimer, []);

  return {
    state,
    failure,
    savedAt,
    filingId: () => filingIdRef.current,
    requestId: () => requestIdRef.current,
    reset,
    change,
    flush,
  };
}
