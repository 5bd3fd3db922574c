import { forbidden, notFound } from '../app-error';
import { C, type TGroupDoc, type TMembershipDoc, type TUserDoc } from '../collections';
import { reviewsCommunity, type TAuthedContext } from '../guards';
import type { TTransaction } from '../storage/port';
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

/** A group people can see and join: filed (`active`) or a hobby circle not filed yet (`circle`, docs/growth.md). */
export function isOpenGroup(group: TGroupDoc | null): group is TGroupDoc {
  return Boolean(group && (group.status === 'active' || group.status === 'circle'));
}

export async function loadGroupAccess(ctx: TAuthedContext, groupId: string): Promise<TGroupAccess> {
  const [group, membership, user] = await Promise.all([
    ctx.store.collection<TGroupDoc>(C.groups).get(groupId),
    ctx.store.collection<TMembershipDoc>(C.memberships).get(membershipIdFor(groupId, ctx.caller.openid)),
    ctx.store.collection<TUserDoc>(C.users).get(ctx.caller.openid),
  ]);
  if (!isOpenGroup(group)) throw notFound();
  const active = membership?.status === 'active' ? membership : null;
  return {
    group,
    membership,
    user,
    isLeader: active?.role === 'leader',
    isManager: active?.role === 'leader' || active?.role === 'deputy',
    isReviewer: await reviewsCommunity(ctx, user, group.communityId),
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
 * The group and the caller's own membership as read inside a write's transaction. Role checks made before the
 * transaction can go stale (a deputy removed meanwhile would still act); checks on these documents cannot,
 * because the write commits only if neither changed. Reviewers do not act through these paths.
 */
export async function managerAccessInTx(
  tx: TTransaction,
  ctx: TAuthedContext,
  groupId: string,
  need: 'manager' | 'leader',
  refuse: () => Error = forbidden,
): Promise<TGroupAccess> {
  const group = await tx.get<TGroupDoc>(C.groups, groupId);
  if (!isOpenGroup(group)) throw notFound();
  const membership = await tx.get<TMembershipDoc>(C.memberships, membershipIdFor(groupId, ctx.caller.openid));
  const active = membership?.status === 'active' ? membership : null;
  const isLeader = active?.role === 'leader';
  const isManager = isLeader || active?.role === 'deputy';
  if (need === 'leader' ? !isLeader : !isManager) throw refuse();
  return { group, membership, user: null, isLeader, isManager, isReviewer: false };
}
