import type { TGrowthOverview } from '../../../types/growth';
import { C, type TGroupDoc, type TGrowthStatDoc } from '../collections';
import type { TStore, TTransaction } from '../storage/port';
import { stageOf } from './stages';
import { addTallies, groupTallies, moveTallies, sameTallies, zeroTallies, type TGroupTallies } from '../stats/group-tallies';

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

type TCounted = Pick<TGroupDoc, 'status' | 'stage' | 'hasPartyBranch' | 'partyMemberCount' | 'partyLeaderCount' | 'category' | 'memberCount'>;

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
 * no longer exists), the dashboard's tallies (stats/group-tallies.ts) with them. Two requests (read, write) when
 * anything changed, none otherwise. Returns the growth counters after, or null when nothing moved.
 */
export async function moveGrowthCounters(
  tx: TTransaction,
  communityId: string,
  before: TCounted | null,
  after: TCounted | null,
): Promise<TGrowthCounts | null> {
  const b = contribution(before);
  const a = contribution(after);
  const bt = groupTallies(before);
  const at = groupTallies(after);
  if (KEYS.every((k) => a[k] === b[k]) && sameTallies(at, bt)) return null;
  const id = growthStatId(communityId);
  const current = await tx.get<TGrowthStatDoc>(C.growthstats, id);
  const next = zeroCounts();
  for (const k of KEYS) next[k] = Math.max(0, (current?.[k] ?? 0) + a[k] - b[k]);
  const tallies = moveTallies(current, bt, at);
  if (current) await tx.update(C.growthstats, id, { ...next, ...tallies });
  else await tx.insert<TGrowthStatDoc>(C.growthstats, { _id: id, communityId, ...next, ...tallies });
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

/** The dashboard's group tallies of the community, counted from scratch (every status, dissolved included). */
export async function recountTallies(store: TStore, communityId: string): Promise<TGroupTallies> {
  const total = zeroTallies();
  for (const status of ['active', 'circle', 'dissolved'] as const) {
    let cursor: string | undefined;
    do {
      const page = await store.collection<TGroupDoc>(C.groups).find({
        where: { communityId, status },
        orderBy: [['lastActiveAt', 'desc']],
        limit: 100,
        cursor,
      });
      for (const g of page.items) addTallies(total, groupTallies(g));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return total;
}

/**
 * Writes a recount as the community's counters and group tallies (seeding, or a repair after data was loaded by
 * hand). The need tallies on the same document are left as they are (stats/need-tallies.ts recounts those).
 */
export async function writeRecount(store: TStore, communityId: string): Promise<TGrowthCounts> {
  const counts = await recountGrowth(store, communityId);
  const tallies = await recountTallies(store, communityId);
  await store.transaction(async (tx) => {
    const id = growthStatId(communityId);
    const current = await tx.get<TGrowthStatDoc>(C.growthstats, id);
    if (current) await tx.update(C.growthstats, id, { ...counts, ...tallies });
    else await tx.insert<TGrowthStatDoc>(C.growthstats, { _id: id, communityId, ...counts, ...tallies });
  });
  return counts;
}
