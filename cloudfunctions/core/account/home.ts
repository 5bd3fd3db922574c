import type { TContext } from '../context';
import { listMyFilings } from '../filings/queries';
import { listMyGroups } from '../groups/queries';
import { authed, findUser } from '../guards';
import { offersFor } from '../behalf/takeover';
import { toMe } from './queries';
import { staffScopeOf } from '../scope';
import { countReviewsWaiting, waitingFor } from './waiting';

/**
 * 我的 in one call. The user, the first page of my filings and of my groups are read at once; then my community
 * and, for a reviewer, the count of their queue. Join requests waiting are summed from the groups already read
 * for the list (the counters on the groups I run among my latest 20), so they cost no request of their own.
 */
export async function getHome(context: TContext) {
  const ctx = authed(context);
  const [user, filings, groups] = await Promise.all([findUser(ctx), listMyFilings(ctx, {}), listMyGroups(ctx, {})]);
  // One scope for both (an officer's costs one query on communities; a social worker's none).
  const scope = await staffScopeOf(ctx, user);
  // 代办 waiting for this person: one indexed read, and only for someone who verified a phone number.
  const [me, reviews, offers] = await Promise.all([toMe(ctx, user, undefined, scope), countReviewsWaiting(ctx, user, scope), offersFor(ctx, user, 1)]);
  const joinRequests = groups.items.reduce((sum, g) => sum + g.waitingRequests, 0);
  const takeover = offers[0] ?? null;
  return { me, groups, filings, waiting: { joinRequests, reviews }, takeover, phoneVerified: Boolean(user?.verifiedMobile) };
}

/** The counts alone (home band, tab bar badge). */
export async function getWaiting(context: TContext) {
  const ctx = authed(context);
  return { waiting: await waitingFor(ctx, await findUser(ctx)) };
}
