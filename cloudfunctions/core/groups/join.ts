import type { z } from 'zod';
import { FILING_LIMITS } from '../../../types/filings';
import type { groupsFunction } from '../../../types/groups';
import type { TMembershipStatus } from '../../../types/membership';
import { AppError, invalidState, notFound } from '../app-error';
import { C, type TGroupDoc, type TMembershipDoc, type TSubCommitteeDoc, type TUserDoc } from '../collections';
import { checkPublicText } from '../content';
import type { TContext } from '../context';
import { authed, type TAuthedContext } from '../guards';
import type { TTransaction } from '../storage/port';
import { consumeRate, RATE_RULES } from '../rate-limit';
import { isOpenGroup } from './access';
import { moveGrowthCounters } from '../growth/counters';
import { movePendingCount, pendingDelta, pendingPatch } from './join-counter';
import { membershipIdFor } from './membership-id';

/** After the leader was told of someone's request, a new request by the same person is not announced again for this long. */
const JOIN_NOTICE_QUIET_MS = 24 * 60 * 60 * 1000;
import { toMyMembership } from './views';

type TActions = (typeof groupsFunction)['actions'];
type TIn<K extends keyof TActions> = z.output<TActions[K]['input']>;

/**
 * Member counts are counters on the group (and its sub-committee), moved in the same transaction as the
 * membership whose status changes, so a count shown to people never needs a scan and never drifts.
 * `group` is the group as this transaction already read it (saves a request). The count is bounded by what a
 * filing may state (FILING_LIMITS.members), so a change filing's snapshot always fits its contract.
 */
export async function adjustCounts(
  tx: TTransaction,
  member: TMembershipDoc,
  delta: 1 | -1,
  read?: TGroupDoc,
  pending: 1 | -1 | 0 = 0,
): Promise<void> {
  const group = read ?? (await tx.get<TGroupDoc>(C.groups, member.groupId));
  if (group && delta > 0 && group.memberCount >= FILING_LIMITS.members) {
    throw invalidState(`本组织成员已达${FILING_LIMITS.members}人上限，暂时不能再加入`);
  }
  // The waiting-requests counter rides in the same write of the group (one request, not two).
  if (group) {
    const memberCount = Math.max(0, group.memberCount + delta);
    await tx.update(C.groups, group._id, { memberCount, ...pendingPatch(group, pending) });
    // The community's member tally (the dashboard) moves with it; a circle's members are not counted there.
    await moveGrowthCounters(tx, group.communityId, group, { ...group, memberCount });
  }
  if (!member.subCommitteeId) return;
  const sc = await tx.get<TSubCommitteeDoc>(C.subcommittees, member.subCommitteeId);
  if (sc) await tx.update(C.subcommittees, sc._id, { memberCount: Math.max(0, sc.memberCount + delta) });
}

/**
 * 申请加入. Open groups take the resident at once; others wait for the leader. The membership id is derived
 * from group and person, and the whole move runs in one transaction, so joining twice — even concurrently —
 * leaves one membership and counts one member.
 */
export async function joinGroup(context: TContext, input: TIn<'join'>) {
  const ctx = authed(context);
  await consumeRate(ctx, RATE_RULES.join);
  if (input.message) await checkPublicText(ctx, [['message', input.message]], 'comment');
  const id = membershipIdFor(input.groupId, ctx.caller.openid);
  const user = await ctx.store.collection<TUserDoc>(C.users).get(ctx.caller.openid);
  const now = ctx.clock.now();

  const { membership, group, notify } = await ctx.store.transaction(async (tx) => {
    const group = await tx.get<TGroupDoc>(C.groups, input.groupId);
    if (!isOpenGroup(group)) throw notFound(); // a hobby circle is joined like a filed group
    const existing = await tx.get<TMembershipDoc>(C.memberships, id);
    if (existing && (existing.status === 'pending' || existing.status === 'active')) {
      return { membership: existing, group, notify: false };
    }

    const status: TMembershipStatus = group.joinPolicy === 'open' ? 'active' : 'pending';
    // The leader hears of a person's request once per quiet period, however often they cancel and apply again.
    const lastNotifiedAt = existing?.notifiedAt ?? null;
    const notify = status === 'pending' && (lastNotifiedAt === null || now - lastNotifiedAt >= JOIN_NOTICE_QUIET_MS);
    const fields = {
      status,
      role: 'member' as const,
      message: input.message?.trim() || null,
      mobile: input.mobile ?? existing?.mobile ?? null,
      note: null,
      subCommitteeId: null,
      requestedAt: now,
      joinedAt: status === 'active' ? now : null,
      notifiedAt: notify ? now : lastNotifiedAt,
    };
    let saved: TMembershipDoc;
    if (existing) {
      await tx.update(C.memberships, id, fields);
      saved = { ...existing, ...fields, version: existing.version + 1, updatedAt: now };
    } else {
      saved = await tx.insert<TMembershipDoc>(C.memberships, {
        _id: id,
        groupId: group._id,
        groupName: group.name,
        communityId: group.communityId,
        openid: ctx.caller.openid,
        name: user?.displayName ?? '微信用户',
        ...fields,
      });
    }
    if (status === 'active') await adjustCounts(tx, saved, 1, group);
    else await movePendingCount(tx, group, pendingDelta(existing?.status, status));
    return { membership: saved, group, notify };
  });

  // A 代办 group waiting for takeover has no leader in the app yet (docs/on-behalf.md): nobody to tell.
  if (notify && group.leaderOpenid) {
    await ctx.notifier.send({
      to: group.leaderOpenid,
      kind: 'join_requested',
      title: '新的入会申请',
      body: `${membership.name} 申请加入「${group.name}」`,
      page: `/package-manage/pages/members/index?groupId=${group._id}`,
      data: { groupName: group.name, applicant: membership.name, at: now },
    });
  }
  return { membership: toMyMembership(membership) };
}

type TMove = (current: TMembershipDoc) => { status: TMembershipDoc['status']; counted: boolean } | null;

/** A change the member makes to their own membership, in one transaction with the counters. */
async function moveOwnMembership(ctx: TAuthedContext, groupId: string, move: TMove) {
  const id = membershipIdFor(groupId, ctx.caller.openid);
  const membership = await ctx.store.transaction(async (tx) => {
    const current = await tx.get<TMembershipDoc>(C.memberships, id);
    if (!current) throw notFound();
    const next = move(current);
    if (!next) return current; // already there: repeating the request changes nothing
    const wasCounted = current.status === 'active';
    await tx.update(C.memberships, id, { status: next.status, subCommitteeId: null });
    if (wasCounted && !next.counted) await adjustCounts(tx, current, -1);
    const pending = pendingDelta(current.status, next.status);
    if (pending !== 0) {
      const group = await tx.get<TGroupDoc>(C.groups, current.groupId);
      if (group) await movePendingCount(tx, group, pending);
    }
    return { ...current, status: next.status, subCommitteeId: null };
  });
  return { membership: toMyMembership(membership) };
}

export async function cancelJoin(context: TContext, input: TIn<'cancelJoin'>) {
  return moveOwnMembership(authed(context), input.groupId, (m) => {
    if (m.status === 'cancelled') return null;
    if (m.status !== 'pending') throw invalidState('只有待审核的申请可以取消');
    return { status: 'cancelled', counted: false };
  });
}

export async function leaveGroup(context: TContext, input: TIn<'leave'>) {
  return moveOwnMembership(authed(context), input.groupId, (m) => {
    if (m.status === 'left') return null;
    if (m.status !== 'active') throw invalidState('您还不是该组织的成员');
    if (m.role === 'leader') throw new AppError('INVALID_STATE', undefined, '负责人不能直接退出，请先通过变更报备移交负责人');
    return { status: 'left', counted: false };
  });
}
