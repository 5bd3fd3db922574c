import type { TFindPage } from '../storage/port';

/** A list page is at most this long, like every list of the app. */
export const PAGE_SIZE = 20;
/** Index pages read per request when rows are dropped after the query (as groups' search does). */
export const MAX_SCANS = 3;

/**
 * Reads index pages until PAGE_SIZE rows survive `keep` or MAX_SCANS pages were read. Each read asks only for the
 * rows still missing, so the cursor continues exactly where the scan stopped: a page may come back shorter than
 * 20 (even empty, with a cursor), never longer, and nothing is skipped.
 */
export async function scanPages<T, R>(
  read: (limit: number, cursor: string | undefined) => Promise<TFindPage<T>>,
  keep: (rows: T[]) => Promise<R[]> | R[],
  cursor: string | undefined,
): Promise<{ items: R[]; nextCursor: string | null }> {
  const items: R[] = [];
  let next: string | null = null;
  let at = cursor;
  for (let scan = 0; scan < MAX_SCANS && items.length < PAGE_SIZE; scan++) {
    const page = await read(PAGE_SIZE - items.length, at);
    items.push(...(await keep(page.items)));
    next = page.nextCursor;
    if (!next) break;
    at = next;
  }
  return { items, nextCursor: next };
}
