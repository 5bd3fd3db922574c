import type { TGrowthFunction, TUnconfirmedGroup } from '../../../types/growth';
import type { TManageFunction } from '../../../types/manage';
import { forbidden, invalidState } from '../app-error';
import { logAudit } from '../audit/log';
import { C, type TGroupDoc } from '../collections';
import type { TActionImpl } from '../dispatch';
import { managerAccessInTx } from '../groups/access';
import { authed, findUser } from '../guards';
import { refuseOutsideScope, staffScopeOf } from '../scope';
import { annualOf, chinaYear } from './year';

const PAGE_SIZE = 20;

/**
 * 年度确认: the group's leader or a deputy says the filed record is still true this year. The role is checked on the
 * membership read inside the write's transaction; a second confirm in the same year writes nothing.
 */
export const confirmYear: TActionImpl<TManageFunction['actions']>['confirmYear'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const now = ctx.clock.now();
  const year = chinaYear(now);
  await ctx.store.transaction(async (tx) => {
    const { group } = await managerAccessInTx(tx, ctx, input.groupId, 'manager');
    if (group.status !== 'active') throw invalidState('兴趣小组还没有备案，备案后再做年度确认');
    if ((group.confirmedYear ?? 0) >= year) return;
    await tx.update(C.groups, group._id, { confirmedYear: year, confirmedAt: now });
    await logAudit(ctx, { action: 'group:confirmYear', entity: 'group', entityId: group._id, communityId: group.communityId, detail: String(year) }, tx);
  });
  return { annual: annualOf({ status: 'active', confirmedYear: year }, now)! };
};

function toUnconfirmed(g: TGroupDoc): TUnconfirmedGroup {
  const confirmedYear = g.confirmedYear ?? 0;
  return {
    id: g._id,
    name: g.name,
    leaderName: g.leaderName,
    leaderMobile: g.leaderMobile,
    confirmedYear: confirmedYear > 0 ? confirmedYear : null,
    filedAt: g.filedAt,
  };
}

/**
 * The community's filed groups not confirmed this year, those silent longest first (index groups_unconfirmed: a
 * range on confirmedYear), with the count for the header. Staff of the community only; staff of another community
 * are refused and the attempt is logged.
 */
export const listUnconfirmed: TActionImpl<TGrowthFunction['actions']>['unconfirmed'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const scope = await staffScopeOf(ctx, await findUser(ctx));
  if (!scope) throw forbidden();
  await refuseOutsideScope(ctx, scope, input.communityId, { action: 'growth.unconfirmed', entity: 'community', entityId: input.communityId });
  const year = chinaYear(ctx.clock.now());
  const where = { communityId: input.communityId, status: 'active', confirmedYear: { lt: year } };
  const groups = ctx.store.collection<TGroupDoc>(C.groups);
  const [page, total] = await Promise.all([
    groups.find({ where, orderBy: [['confirmedYear', 'asc']], limit: PAGE_SIZE, cursor: input.cursor }),
    groups.count(where),
  ]);
  return { items: page.items.map(toUnconfirmed), nextCursor: page.nextCursor, year, total };
};
