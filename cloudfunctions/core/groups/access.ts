import { forbidden, notFound } from '../app-error';
import { C, type TGroupDoc, type TMembershipDoc, type TUserDoc } from '../collections';
import { reviewsCommunity, type TAuthedContext } from '../guards';
import { membershipIdFor } from './membership-id';

/** What the caller is to one group. Reads group, own membership and user in parallel: one round trip of wait. */
export interface TGroupAccess {
  group: TGroupDoc;
  membership: TMembershipDoc | null;
  user: TUserDoc | null;
  isLeader: boolean;
  /** Leader or deputy: runs the group day to day. */
  isManager: boolean;
  /** A social worker or admin whose scope includes the group's community. */
  isReviewer: boolean;
}

export async function loadGroupAccess(ctx: TAuthedContext, groupId: string): Promise<TGroupAccess> {
  const [group, membership, user] = await Promise.all([
    ctx.store.collection<TGroupDoc>(C.groups).get(groupId),
    ctx.store.collection<TMembershipDoc>(C.memberships).get(membershipIdFor(groupId, ctx.caller.openid)),
    ctx.store.collection<TUserDoc>(C.users).get(ctx.caller.openid),
  ]);
  if (!group || group.status !== 'active') throw notFound();
  const active = membership?.status === 'active' ? membership : null;
  return {
    group,
    membership,
    user,
    isLeader: active?.role === 'leader',
    isManager: active?.role === 'leader' || active?.role === 'deputy',
    isReviewer: reviewsCommunity(user, group.communityId),
  };
}

/** The group is public, so someone who may not run it is FORBIDDEN, not NOT_FOUND. */
export function requireManager(access: TGroupAccess): void {
  if (!access.isManager) throw forbidden();
}

/** Leadership and dissolution are the leader's alone (a deputy can do everything else). */
export function requireLeader(access: TGroupAccess): void {
  if (!access.isLeader) throw forbidden();
}

/**
 * A membership a manager acts on. Memberships are a group's internal data: to anyone who does not run that
 * group they are NOT_FOUND, whatever their role elsewhere.
 */
export async function loadManagedMembership(ctx: TAuthedContext, membershipId: string) {
  const member = await ctx.store.collection<TMembershipDoc>(C.memberships).get(membershipId);
  if (!member) throw notFound();
  const access = await loadGroupAccess(ctx, member.groupId);
  if (!access.isManager) throw notFound();
  return { member, access };
}
