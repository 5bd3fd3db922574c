import { useRef, useState } from 'react';
import type { TReportFile } from '../../../types/reports';
import { errorMessage, isApiError } from '../../api';
import { isExpired, openReport, ReportOpenError } from './open-report';

/** What went wrong, in the words the server or the download chose (a field's message says which choice to change). */
function exportProblem(err: unknown): string {
  if (err instanceof ReportOpenError) return err.message;
  if (isApiError(err) && Object.keys(err.fields).length > 0) return Object.values(err.fields).join('；');
  return errorMessage(err);
}

/**
 * One export at a time: generate (a function call), then open what it answered. `last` keeps the latest file so
 * the page can open it again; once its link has run out, opening it generates a fresh one.
 */
export function useExport(generate: () => Promise<{ file: TReportFile }>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [last, setLast] = useState<{ file: TReportFile; at: number } | null>(null);
  const running = useRef(false);

  const run = async (reuse: TReportFile | null) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError('');
    try {
      const file = reuse && !isExpired(reuse) ? reuse : (await generate()).file;
      if (file !== reuse) setLast({ file, at: Date.now() });
      await openReport(file);
    } catch (err) {
      setError(exportProblem(err));
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return { busy, error, last, generate: () => run(null), openAgain: () => run(last?.file ?? null), reset: () => setLast(null) };
}
