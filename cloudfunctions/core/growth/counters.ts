import type { TGrowthOverview } from '../../../types/growth';
import { C, type TGroupDoc, type TGrowthStatDoc } from '../collections';
import type { TStore, TTransaction } from '../storage/port';
import { stageOf } from './stages';

/**
 * A community's growth counters (filed groups, 示范, circles, 培育中, Party branches, Party members, Party members
 * among leaders) live in one document per community, moved in the same transaction as the group change that
 * moves them, by the difference between what the group counted for before and after. So they always equal a
 * recount (tests/integration/growth-counters.test.ts). Unfiled circles count only as circles: their Party facts
 * and they themselves never count as filed.
 */
export type TGrowthCounts = Omit<TGrowthOverview, 'communityId'>;
const KEYS = ['filedGroups', 'modelGroups', 'circles', 'incubating', 'partyBranches', 'partyMembers', 'partyLeaders'] as const;

export const growthStatId = (communityId: string) => `gs_${communityId}`;

export const zeroCounts = (): TGrowthCounts => ({
  filedGroups: 0,
  modelGroups: 0,
  circles: 0,
  incubating: 0,
  partyBranches: 0,
  partyMembers: 0,
  partyLeaders: 0,
});

type TCounted = Pick<TGroupDoc, 'status' | 'stage' | 'hasPartyBranch' | 'partyMemberCount' | 'partyLeaderCount'>;

/** What one group adds to its community's counters. */
export function contribution(group: TCounted | null): TGrowthCounts {
  const c = zeroCounts();
  if (!group || group.status === 'dissolved') return c;
  const stage = stageOf(group);
  if (stage === 'circle') c.circles = 1;
  if (stage === 'incubating') c.incubating = 1;
  if (group.status !== 'active') return c;
  c.filedGroups = 1;
  c.modelGroups = stage === 'model' ? 1 : 0;
  c.partyBranches = group.hasPartyBranch ? 1 : 0;
  c.partyMembers = group.partyMemberCount;
  c.partyLeaders = group.partyLeaderCount ?? 0;
  return c;
}

/**
 * Moves the community's counters from what `before` counted to what `after` counts (null: did not exist /
 * no longer exists). Two requests (read, write) when anything changed, none otherwise. Returns the counters after.
 */
export async function moveGrowthCounters(
  tx: TTransaction,
  communityId: string,
  before: TCounted | null,
  after: TCounted | null,
): Promise<TGrowthCounts | null> {
  const b = contribution(before);
  const a = contribution(after);
  if (KEYS.every((k) => a[k] === b[k])) return null;
  const id = growthStatId(communityId);
  const current = await tx.get<TGrowthStatDoc>(C.growthstats, id);
  const next = zeroCounts();
  for (const k of KEYS) next[k] = Math.max(0, (current?.[k] ?? 0) + a[k] - b[k]);
  if (current) await tx.update(C.growthstats, id, next);
  else await tx.insert<TGrowthStatDoc>(C.growthstats, { _id: id, communityId, ...next });
  return next;
}

export function countsOf(doc: TGrowthStatDoc | null): TGrowthCounts {
  const c = zeroCounts();
  for (const k of KEYS) c[k] = doc?.[k] ?? 0;
  return c;
}

/** Every group of the community, counted from scratch (paged through the directory index by status). */
export async function recountGrowth(store: TStore, communityId: string): Promise<TGrowthCounts> {
  const total = zeroCounts();
  for (const status of ['active', 'circle'] as const) {
    let cursor: string | undefined;
    do {
      const page = await store.collection<TGroupDoc>(C.groups).find({
        where: { communityId, status },
        orderBy: [['lastActiveAt', 'desc']],
        limit: 100,
        cursor,
      });
      for (const g of page.items) {
        const c = contribution(g);
        for (const k of KEYS) total[k] += c[k];
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return total;
}

/** Writes a recount as the community's counters (seeding, or a repair after data was loaded by hand). */
export async function writeRecount(store: TStore, communityId: string): Promise<TGrowthCounts> {
  const counts = await recountGrowth(store, communityId);
  await store.transaction(async (tx) => {
    const id = growthStatId(communityId);
    const current = await tx.get<TGrowthStatDoc>(C.growthstats, id);
    if (current) await tx.update(C.growthstats, id, counts);
    else await tx.insert<TGrowthStatDoc>(C.growthstats, { _id: id, communityId, ...counts });
  });
  return counts;
}
