import { useCallback, useRef, useState } from 'react';
import type { TGroupDetail } from '../../types';
import { api, errorMessage } from '../api';

export interface TGroupState {
  group: TGroupDetail | null;
  error: string | null;
  /** Fetches again; the current group stays on screen while it does (no loading flash). */
  reload: () => Promise<void>;
  setGroup: (group: TGroupDetail) => void;
}

/** The group a management page is about: its current values, the caller's role and the pending-filing flag. */
export function useGroup(groupId: string): TGroupState {
  const [group, setGroup] = useState<TGroupDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setError(null);
    if (!groupId) {
      setError('缺少组织编号，请从组织页面重新进入');
      return;
    }
    try {
      const res = await api.groups.detail({ groupId });
      if (mine === generation.current) setGroup(res.group);
    } catch (err) {
      if (mine === generation.current) setError(errorMessage(err));
    }
  }, [groupId]);

  return { group, error, reload, setGroup };
}
