import { GROUP_STAGE_LABELS, GROWTH_LIMITS, type TGrowthFunction, type TQuietGroup } from '../../../types/growth';
import { C, type TGroupDoc } from '../collections';
import type { TActionImpl } from '../dispatch';
import { authed } from '../guards';
import type { TTransaction } from '../storage/port';
import { requireCommunityStaff } from './staff';
import { stageOf } from './stages';

type TImpl = TActionImpl<TGrowthFunction['actions']>;
const PAGE_SIZE = 20;
const DAY = 86_400_000;

function toQuietGroup(g: TGroupDoc): TQuietGroup {
  const stage = stageOf(g);
  return {
    id: g._id,
    name: g.name,
    stage,
    stageLabel: GROUP_STAGE_LABELS[stage],
    lastEventAt: g.lastEventAt ?? null,
    quietSince: g.quietSince ?? g.filedAt,
    leaderName: g.leaderName,
  };
}

/**
 * 90天无活动: the community's filed groups and circles whose latest held event (or, before any, their filing or
 * creation) is more than 90 days old, quietest first — a range on `quietSince` in index groups_quiet. A dissolved
 * group has no `quietSince`, so it never matches. Social workers of the community only.
 */
export const quietGroups: TImpl['quietGroups'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  await requireCommunityStaff(ctx, input.communityId);
  const since = ctx.clock.now() - GROWTH_LIMITS.quietDays * DAY;
  const page = await ctx.store.collection<TGroupDoc>(C.groups).find({
    where: { communityId: input.communityId, quietSince: { lt: since } },
    orderBy: [['quietSince', 'asc']],
    limit: PAGE_SIZE,
    cursor: input.cursor,
  });
  return { items: page.items.filter((g) => g.status !== 'dissolved').map(toQuietGroup), nextCursor: page.nextCursor, since };
};

/**
 * An event of these host groups was held (first recorded): each group's `lastEventAt`/`quietSince` move up to its
 * start, in the record's transaction (events/stats.ts calls this). Two requests per host whose value moves.
 */
export async function touchLastEvent(tx: TTransaction, hostGroupIds: string[], startAt: number): Promise<void> {
  for (const groupId of hostGroupIds) {
    const group = await tx.get<TGroupDoc>(C.groups, groupId);
    if (!group || group.status === 'dissolved') continue;
    if ((group.lastEventAt ?? -Infinity) >= startAt) continue;
    const quietSince = Math.max(startAt, group.quietSince ?? group.filedAt);
    await tx.update(C.groups, groupId, { lastEventAt: startAt, quietSince });
  }
}
