import type { TFilter, TFindOptions, TStore, TStoredMeta } from '../storage/port';

/** An export reads everything a query matches; the port's largest page keeps the requests few. */
const PAGE = 100;

/** Every document a query matches, page by page through its index (the port's cursor; never a skip). */
export async function findAll<T extends TStoredMeta>(store: TStore, collection: string, where: TFilter, orderBy: TFindOptions['orderBy']): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.collection<T>(collection).find({ where, orderBy, limit: PAGE, cursor });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}
