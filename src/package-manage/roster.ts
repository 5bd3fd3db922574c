import type { TMemberRow } from '../../types';
import { api } from '../api';

/** Enough for any picker: a group this size has sub-committees, not one long list. */
const MAX_PAGES = 10;

/** Every active member (up to 200), for choosing a sub-committee lead or a new leader. */
export async function fetchActiveRoster(groupId: string): Promise<TMemberRow[]> {
  const rows: TMemberRow[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await api.manage.members({ groupId, status: 'active', cursor });
    rows.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return rows;
}
