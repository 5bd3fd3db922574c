import type { z } from 'zod';
import type { manageFunction } from '../../../types/manage';
import { forbidden, invalidState, notFound } from '../app-error';
import { C, type TMembershipDoc, type TSubCommitteeDoc } from '../collections';
import { checkPublicText } from '../content';
import type { TContext } from '../context';
import { authed, type TAuthedContext } from '../guards';
import { loadGroupAccess, managerAccessInTx, type TGroupAccess } from '../groups/access';
import { adjustCounts } from '../groups/join';
import { movePendingCount, pendingDelta } from '../groups/join-counter';
import { toMemberRow } from '../groups/views';
import type { TPatch, TTransaction } from '../storage/port';

type TActions = (typeof manageFunction)['actions'];
type TIn<K extends keyof TActions> = z.output<TActions[K]['input']>;

export const PAGE_SIZE = 20;

/** Join requests (oldest first, so nobody waits forever) or the roster, for managers and reviewers only. */
export async function listMembers(context: TContext, input: TIn<'members'>) {
  const ctx = authed(context);
  const access = await loadGroupAccess(ctx, input.groupId);
  if (!access.isManager && !access.isReviewer) throw notFound(); // the roster is internal data
  const page = await ctx.store.collection<TMembershipDoc>(C.memberships).find({
    where: { groupId: input.groupId, status: input.status },
    orderBy: [['requestedAt', 'asc']],
    limit: PAGE_SIZE,
    cursor: input.cursor,
  });
  return { items: page.items.map((m) => toMemberRow(m, access)), nextCursor: page.nextCursor };
}

interface TMemberMove {
  /** Throws when the membership, as read inside the transaction, may not make this move; null = already done. */
  decide(current: TMembershipDoc, access: TGroupAccess): TPatch | null;
  /** +1 / -1 on the counters, or 0. */
  countDelta?: (current: TMembershipDoc) => 1 | -1 | 0;
  afterTx?(tx: TTransaction, current: TMembershipDoc, next: TMembershipDoc): Promise<void>;
}

/**
 * A manager's change to someone's membership: checked and counted inside one transaction. The caller's role is
 * checked on their membership as read in that transaction, so a deputy removed a moment ago cannot act, and
 * memberships stay NOT_FOUND to anyone who does not run the group.
 */
async function moveMember(ctx: TAuthedContext, membershipId: string, move: TMemberMove) {
  return ctx.store.transaction(async (tx) => {
    const current = await tx.get<TMembershipDoc>(C.memberships, membershipId);
    if (!current) throw notFound();
    const access = await managerAccessInTx(tx, ctx, current.groupId, 'manager', notFound);
    const patch = move.decide(current, access);
    if (!patch) return { member: toMemberRow(current, access), doc: current, changed: false, access };
    const delta = move.countDelta?.(current) ?? 0;
    const pending = typeof patch.status === 'string' ? pendingDelta(current.status, patch.status as TMembershipDoc['status']) : 0;
    await tx.update(C.memberships, membershipId, patch);
    if (delta !== 0) await adjustCounts(tx, current, delta, access.group, pending);
    else await movePendingCount(tx, access.group, pending);
    const next = { ...current, ...patch } as TMembershipDoc;
    await move.afterTx?.(tx, current, next);
    return { member: toMemberRow(next, access), doc: next, changed: true, access };
  });
}

export async function decideJoin(context: TContext, input: TIn<'decideJoin'>) {
  const ctx = authed(context);
  if (input.note) await checkPublicText(ctx, [['note', input.note]], 'comment');
  const approve = input.decision === 'approve';
  const { member, doc, changed, access } = await moveMember(ctx, input.membershipId, {
    decide(current) {
      if (current.status === (approve ? 'active' : 'declined')) return null;
      if (current.status !== 'pending') throw invalidState('该申请已处理或已取消');
      return approve
        ? { status: 'active', joinedAt: ctx.clock.now(), note: input.note ?? null }
        : { status: 'declined', note: input.note ?? null };
    },
    countDelta: (current) => (approve && current.status === 'pending' ? 1 : 0),
  });
  if (!changed) return { member }; // a repeated decision: the applicant was told the first time
  await ctx.notifier.send({
    to: doc.openid,
    kind: 'join_decided',
    title: approve ? '入会申请已通过' : '入会申请未通过',
    body: input.note ?? `「${access.group.name}」${approve ? '欢迎您的加入' : '暂未通过您的申请'}`,
    page: `/package-group/pages/detail/index?id=${access.group._id}`,
    data: { groupName: access.group.name, result: approve ? '已通过' : '未通过', note: input.note ?? '', at: ctx.clock.now() },
  });
  return { member };
}

export async function removeMember(context: TContext, input: TIn<'removeMember'>) {
  const ctx = authed(context);
  if (input.note) await checkPublicText(ctx, [['note', input.note]], 'comment'); // the removed member reads it
  const { member } = await moveMember(ctx, input.membershipId, {
    decide(current, access) {
      if (current.status === 'removed') return null;
      if (current.status !== 'active') throw invalidState('只能移出已加入的成员');
      if (current.role === 'leader') throw invalidState('负责人不能被移出');
      if (current.role === 'deputy' && !access.isLeader) throw forbidden(); // deputies do not remove each other
      return { status: 'removed', role: 'member', subCommitteeId: null, note: input.note ?? null };
    },
    countDelta: (current) => (current.status === 'active' ? -1 : 0),
  });
  return { member };
}

export async function setDeputy(context: TContext, input: TIn<'setDeputy'>) {
  const ctx = authed(context);
  const { member } = await moveMember(ctx, input.membershipId, {
    decide(current, access) {
      if (!access.isLeader) throw forbidden(); // appointing deputies is a leadership change
      if (current.status !== 'active') throw invalidState('只能任命已加入的成员');
      if (current.role === 'leader') throw invalidState('负责人不能被设为副负责人');
      const role = input.deputy ? 'deputy' : 'member';
      return current.role === role ? null : { role };
    },
  });
  return { member };
}

export async function assignSubCommittee(context: TContext, input: TIn<'assignSubCommittee'>) {
  const ctx = authed(context);
  const { member } = await moveMember(ctx, input.membershipId, {
    decide(current) {
      if (current.status !== 'active') throw invalidState('只能安排已加入的成员');
      return current.subCommitteeId === input.subCommitteeId ? null : { subCommitteeId: input.subCommitteeId };
    },
    async afterTx(tx, current, next) {
      await moveBetweenSubCommittees(tx, current.groupId, current.subCommitteeId, next.subCommitteeId);
    },
  });
  return { member };
}

/** Moves one member's weight from one sub-committee's counter to another's; the target must be this group's. */
export async function moveBetweenSubCommittees(tx: TTransaction, groupId: string, from: string | null, to: string | null) {
  if (to) {
    const target = await tx.get<TSubCommitteeDoc>(C.subcommittees, to);
    if (!target || target.groupId !== groupId) throw notFound();
    await tx.update(C.subcommittees, to, { memberCount: target.memberCount + 1 });
  }
  if (from) {
    const source = await tx.get<TSubCommitteeDoc>(C.subcommittees, from);
    if (source) await tx.update(C.subcommittees, from, { memberCount: Math.max(0, source.memberCount - 1) });
  }
}
