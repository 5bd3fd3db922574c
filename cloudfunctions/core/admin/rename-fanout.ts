import { C, type TCommunityDoc } from '../collections';
import type { TAuthedContext } from '../guards';
import type { TFilter, TFindOptions, TSortDirection, TStoredMeta } from '../storage/port';

/**
 * A community's name is copied into the records people read without a second request (a group card, a filing, an
 * event's 「仅限塔谈社区居民」, a base). A rename carries the new name to the LIVE ones (docs/administration.md):
 * active groups and circles, filings not yet decided, events from now on, the community's courses, bases and rooms.
 * Decided filings and past events keep the name they were made under: they are the record of that time.
 *
 * Bounded: each query is index-backed and read in pages of 100, at most MAX_PER_KIND documents per kind (a
 * community has a few hundred live records); each document is one compare-and-set of `communityName` alone, retried
 * on a concurrent change, so a record edited meanwhile keeps its edit.
 */
const MAX_PER_KIND = 1000;
const PAGE = 100;
const BATCH = 10;

interface TTarget {
  collection: string;
  where: (communityId: string, now: number) => TFilter;
  orderBy: Array<[string, TSortDirection]>;
}

const TARGETS: TTarget[] = [
  // groups_directory
  { collection: C.groups, where: (id) => ({ communityId: id, status: { in: ['active', 'circle'] } }), orderBy: [['lastActiveAt', 'desc']] },
  // filings_review_queue (drafts keep the community they were started for)
  {
    collection: C.filings,
    where: (id) => ({ status: { in: ['draft', 'submitted', 'returned'] }, communityId: id }),
    orderBy: [['submittedAt', 'asc']],
  },
  // events_community_start: from now on
  { collection: C.events, where: (id, now) => ({ communityId: id, startAt: { gte: now } }), orderBy: [['startAt', 'asc']] },
  { collection: C.courses, where: (id) => ({ communityId: id }), orderBy: [['firstStartAt', 'desc']] },
  { collection: C.bases, where: (id) => ({ communityId: id }), orderBy: [['createdAt', 'asc']] },
  { collection: C.rooms, where: (id) => ({ communityId: id }), orderBy: [['createdAt', 'asc']] },
];

type TNamed = TStoredMeta & { communityName?: string | null };

async function setName(ctx: TAuthedContext, collection: string, doc: TNamed, name: string): Promise<boolean> {
  const coll = ctx.store.collection<TNamed>(collection);
  let current: TNamed | null = doc;
  for (let attempt = 0; attempt < 4 && current; attempt += 1) {
    if (current.communityName === name) return false;
    if (await coll.updateIfVersion(current._id, current.version, { communityName: name })) return true;
    current = await coll.get(current._id);
  }
  return false;
}

/** Carries the new name to the community's live records; answers how many it changed. */
export async function renameFanout(ctx: TAuthedContext, community: TCommunityDoc, name: string): Promise<number> {
  const now = ctx.clock.now();
  let updated = 0;
  for (const target of TARGETS) {
    let cursor: string | undefined;
    for (let read = 0; read < MAX_PER_KIND; read += PAGE) {
      const options: TFindOptions = { where: target.where(community._id, now), orderBy: target.orderBy, limit: PAGE, cursor };
      const page = await ctx.store.collection<TNamed>(target.collection).find(options);
      for (let i = 0; i < page.items.length; i += BATCH) {
        const done = await Promise.all(page.items.slice(i, i + BATCH).map((doc) => setName(ctx, target.collection, doc, name)));
        updated += done.filter(Boolean).length;
      }
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
  }
  return updated;
}
