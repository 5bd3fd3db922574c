import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { manageFunction } from '../../../types/manage';
import { AppError, invalidFields } from '../app-error';
import { C, type TGroupDoc, type TMembershipDoc, type TSubCommitteeDoc } from '../collections';
import { checkPublicText } from '../content';
import type { TContext } from '../context';
import { authed } from '../guards';
import { managerAccessInTx } from '../groups/access';
import { listSubCommittees } from '../groups/queries';
import { searchTokens } from '../groups/search';
import { toDetail, toSubCommittee } from '../groups/views';
import { DuplicateIdError } from '../storage/port';
import { moveBetweenSubCommittees } from './members';

type TActions = (typeof manageFunction)['actions'];
type TIn<K extends keyof TActions> = z.output<TActions[K]['input']>;

/**
 * Minor fields (introduction, cover text, activity time, join policy) apply at once: no filing needed. The
 * caller's role is checked on what the transaction reads, so a deputy removed a moment ago cannot edit.
 */
export async function updateGroup(context: TContext, input: TIn<'update'>) {
  const ctx = authed(context);
  const { groupId, ...changes } = input;
  await checkPublicText(ctx, [
    ['intro', changes.intro ?? ''],
    ['coverText', changes.coverText ?? ''],
    ['activityTime', changes.activityTime ?? ''],
  ]);
  const [saved, subCommittees] = await Promise.all([
    ctx.store.transaction(async (tx) => {
      const access = await managerAccessInTx(tx, ctx, groupId, 'manager');
      const patch: Partial<TGroupDoc> = { ...changes, lastActiveAt: ctx.clock.now() };
      if (changes.intro !== undefined) patch.tokens = searchTokens(access.group.name, changes.intro);
      await tx.update(C.groups, groupId, patch);
      return { ...access, group: { ...access.group, ...patch } };
    }),
    listSubCommittees(ctx, groupId),
  ]);
  return { group: toDetail(saved, subCommittees.items, ctx.clock.now()) };
}

/** The same manager and request id name the same sub-committee, so a double tap adds one. */
function subCommitteeIdFor(groupId: string, requestId: string) {
  return 'sc_' + createHash('sha256').update(`${groupId}:${requestId}`).digest('hex').slice(0, 20);
}

/**
 * 分会: a sub-committee led by an active member of the group, who becomes its first member. Role, lead and
 * counters are all read and written in one transaction. A double tap adds one; the same request id sent with
 * another name or lead is REQUEST_REUSED.
 */
export async function addSubCommittee(context: TContext, input: TIn<'addSubCommittee'>) {
  const ctx = authed(context);
  await checkPublicText(ctx, [
    ['name', input.name],
    ['intro', input.intro ?? ''],
  ]);
  const id = subCommitteeIdFor(input.groupId, input.requestId);
  try {
    const created = await ctx.store.transaction(async (tx) => {
      await managerAccessInTx(tx, ctx, input.groupId, 'manager');
      const lead = await tx.get<TMembershipDoc>(C.memberships, input.leadMembershipId);
      if (!lead || lead.groupId !== input.groupId || lead.status !== 'active') {
        throw invalidFields({ leadMembershipId: '分会负责人需是本组织已加入的成员' });
      }
      // The lead is its first member: created with a count of 1 instead of read back and incremented.
      const sc = await tx.insert<TSubCommitteeDoc>(C.subcommittees, {
        _id: id,
        groupId: input.groupId,
        name: input.name,
        intro: input.intro ?? '',
        leadMembershipId: lead._id,
        leadName: lead.name,
        memberCount: 1,
      });
      await tx.update(C.memberships, lead._id, { subCommitteeId: id });
      await moveBetweenSubCommittees(tx, input.groupId, lead.subCommitteeId, null);
      return sc;
    });
    return { subCommittee: toSubCommittee(created) };
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error;
    const existing = await ctx.store.collection<TSubCommitteeDoc>(C.subcommittees).get(id);
    if (!existing) throw error;
    if (existing.name !== input.name || existing.leadMembershipId !== input.leadMembershipId) throw new AppError('REQUEST_REUSED');
    return { subCommittee: toSubCommittee(existing) };
  }
}
