import { useCallback, useMemo, useRef, useState } from 'react';
import type { TMemberRow } from '../../types';
import { api } from '../api';
import { usePagedList, type TPage, type TPagedList } from '../lib/usePagedList';

export interface TMemberList extends TPagedList<TMemberRow> {
  /** Replaces a row in place with the server's answer (or drops it when it left this list's status). */
  put: (row: TMemberRow) => void;
}

/**
 * One status of a group's memberships, paged by cursor. Actions patch rows in place through `put`, so the list never
 * flashes; a reload brings the server's order back and forgets the patches.
 */
export function useMemberList(
  groupId: string,
  status: 'pending' | 'active',
  /** The first page when the page already has it in hand (manage.membersOverview); null = ask `manage.members`. */
  firstPage?: () => Promise<TPage<TMemberRow>> | null,
): TMemberList {
  const firstRef = useRef(firstPage);
  firstRef.current = firstPage;
  const fetchPage = useCallback(
    (cursor: string | undefined) => (!cursor && firstRef.current?.()) || api.manage.members({ groupId, status, cursor }),
    [groupId, status],
  );
  const list = usePagedList<TMemberRow>(fetchPage);
  const [patches, setPatches] = useState<Record<string, TMemberRow>>({});

  const reload = useCallback(async () => {
    await list.reload();
    setPatches({});
  }, [list.reload]); // eslint-disable-line react-hooks/exhaustive-deps

  const put = useCallback((row: TMemberRow) => setPatches((prev) => ({ ...prev, [row.id]: row })), []);

  const items = useMemo(
    () => list.items.map((r) => patches[r.id] ?? r).filter((r) => r.status === status),
    [list.items, patches, status],
  );
  return { ...list, items, reload, put };
}
