// Used only by subpackages: Taro copies it into each one that imports it (sub-common), not into the main package.
import { useRef, useState } from 'react';
import { errorMessage, isApiError } from '../api';

/** One request at a time from a sheet or form: its busy flag and its errors (per field, or `_` for the whole). */
export function useSend() {
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const busy = useRef(false);
  const send = async <T,>(fn: () => Promise<T>): Promise<T | null> => {
    if (busy.current) return null;
    busy.current = true;
    setSending(true);
    setErrors({});
    try {
      return await fn();
    } catch (err) {
      if (isApiError(err) && Object.keys(err.fields).length > 0) setErrors(err.fields);
      else setErrors({ _: errorMessage(err) });
      return null;
    } finally {
      busy.current = false;
      setSending(false);
    }
  };
  return { sending, errors, setErrors, send };
}
