import type { TNeedStatus } from '../../../types/incubation-vocab';
import { C, type TGrowthStatDoc } from '../collections';
import { growthStatId } from '../growth/counters';
import type { TStore, TTransaction } from '../storage/port';
import type { TNeedDoc } from '../incubation/docs';

/**
 * Residents' needs on the dashboard: open (收集中) and answered (已安排 or 暂不能安排). A merged need lives on in the
 * one it was merged into, so it counts in neither. The two numbers sit on the community's counter document
 * (`gs_<communityId>`) and move in the transaction that changes a need's status: posting, answering, merging,
 * seeding a circle or a course from it, cancelling that course.
 */
export interface TNeedTallies {
  needsOpen: number;
  needsAnswered: number;
}

function tallyOf(status: TNeedStatus | null): TNeedTallies {
  return {
    needsOpen: status === 'collecting' ? 1 : 0,
    needsAnswered: status === 'arranged' || status === 'declined' ? 1 : 0,
  };
}

/** Moves the community's need tallies for one need going `from` → `to` (null: did not exist). Two requests when they move. */
export async function moveNeedTallies(tx: TTransaction, communityId: string, from: TNeedStatus | null, to: TNeedStatus | null): Promise<void> {
  const b = tallyOf(from);
  const a = tallyOf(to);
  if (a.needsOpen === b.needsOpen && a.needsAnswered === b.needsAnswered) return;
  const id = growthStatId(communityId);
  const current = await tx.get<TGrowthStatDoc>(C.growthstats, id);
  const next: TNeedTallies = {
    needsOpen: Math.max(0, (current?.needsOpen ?? 0) + a.needsOpen - b.needsOpen),
    needsAnswered: Math.max(0, (current?.needsAnswered ?? 0) + a.needsAnswered - b.needsAnswered),
  };
  if (current) await tx.update(C.growthstats, id, { ...next });
  else {
    await tx.insert<TGrowthStatDoc>(C.growthstats, {
      _id: id,
      communityId,
      filedGroups: 0,
      modelGroups: 0,
      circles: 0,
      incubating: 0,
      partyBranches: 0,
      partyMembers: 0,
      partyLeaders: 0,
      ...next,
    });
  }
}

/** The community's needs counted from scratch (tests, and a repair after data was loaded by hand). */
export async function recountNeeds(store: TStore, communityId: string): Promise<TNeedTallies> {
  const total: TNeedTallies = { needsOpen: 0, needsAnswered: 0 };
  for (const listed of [true, false]) {
    let cursor: string | undefined;
    do {
      const page = await store.collection<TNeedDoc>(C.needs).find({ where: { communityId, listed }, orderBy: [['demand', 'desc']], limit: 100, cursor });
      for (const n of page.items) {
        const t = tallyOf(n.status);
        total.needsOpen += t.needsOpen;
        total.needsAnswered += t.needsAnswered;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return total;
}

/** Writes a recount of the needs as the community's need tallies (the demo seed loads needs without the use cases). */
export async function writeNeedRecount(store: TStore, communityId: string): Promise<TNeedTallies> {
  const counts = await recountNeeds(store, communityId);
  await store.transaction(async (tx) => {
    const id = growthStatId(communityId);
    const current = await tx.get<TGrowthStatDoc>(C.growthstats, id);
    if (current) await tx.update(C.growthstats, id, { ...counts });
    else {
      await tx.insert<TGrowthStatDoc>(C.growthstats, {
        _id: id, communityId, filedGroups: 0, modelGroups: 0, circles: 0, incubating: 0, partyBranches: 0, partyMembers: 0, partyLeaders: 0, ...counts,
      });
    }
  });
  return counts;
}
