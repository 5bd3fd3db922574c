import type { TWaiting } from '../../../types/account';
import { C, type TFilingDoc, type TGroupDoc, type TMembershipDoc, type TUserDoc } from '../collections';
import { isReviewer, type TAuthedContext } from '../guards';
import { staffScopeOf, type TStaffScope } from '../scope';
import { waitingRequestsOf } from '../groups/join-counter';

/** A person runs few groups; the cap only guards the read. */
const MANAGED_LIMIT = 20;

/**
 * Filings waiting in the reviewer's communities: an index-backed count on filings_review_queue (status,
 * communityId), one request, no documents read. Zero, without a request, for anyone who reviews nothing.
 */
export async function countReviewsWaiting(ctx: TAuthedContext, user: TUserDoc | null, knownScope?: TStaffScope | null): Promise<number> {
  if (!isReviewer(user)) return 0;
  const scope = knownScope !== undefined ? knownScope : await staffScopeOf(ctx, user);
  const ids = scope?.communityIds ?? [];
  if (ids.length === 0) return 0;
  return ctx.store.collection<TFilingDoc>(C.filings).count({ status: 'submitted', communityId: ids.length === 1 ? ids[0]! : { in: ids } });
}

/** Join requests waiting in the groups the caller runs: the counters on those groups, never a count of memberships. */
export async function countJoinRequestsWaiting(ctx: TAuthedContext): Promise<number> {
  const managed = await ctx.store.collection<TMembershipDoc>(C.memberships).find({
    where: { openid: ctx.caller.openid, status: 'active', role: { in: ['leader', 'deputy'] } },
    orderBy: [['updatedAt', 'desc']],
    limit: MANAGED_LIMIT,
  });
  const groupIds = managed.items.map((m) => m.groupId);
  if (groupIds.length === 0) return 0; // most people run no group: no second read
  const groups = await ctx.store.collection<TGroupDoc>(C.groups).find({ where: { _id: { in: groupIds } }, limit: MANAGED_LIMIT });
  return groups.items.reduce((sum, g) => sum + waitingRequestsOf(g), 0);
}

export async function waitingFor(ctx: TAuthedContext, user: TUserDoc | null): Promise<TWaiting> {
  const [joinRequests, reviews] = await Promise.all([countJoinRequestsWaiting(ctx), countReviewsWaiting(ctx, user)]);
  return { joinRequests, reviews };
}
