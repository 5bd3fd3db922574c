import { useCallback, useRef, useState } from 'react';
import type { TEventDetail } from '../../types';
import { api, errorMessage } from '../api';

/** The event a management page is about; it stays on screen while it is fetched again. */
export function useEvent(eventId: string) {
  const [event, setEvent] = useState<TEventDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setError(null);
    if (!eventId) return setError('缺少活动编号，请从活动页面重新进入');
    try {
      const res = await api.events.detail({ eventId });
      if (mine === generation.current) setEvent(res.event);
    } catch (err) {
      if (mine === generation.current) setError(errorMessage(err));
    }
  }, [eventId]);

  return { event, error, reload, setEvent };
}
