import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { manageFunction } from '../../../types/manage';
import { invalidFields, notFound } from '../app-error';
import { C, type TGroupDoc, type TMembershipDoc, type TSubCommitteeDoc } from '../collections';
import { checkPublicText } from '../content';
import type { TContext } from '../context';
import { authed } from '../guards';
import { loadGroupAccess, requireManager } from '../groups/access';
import { listSubCommittees } from '../groups/queries';
import { searchTokens } from '../groups/search';
import { toDetail, toSubCommittee } from '../groups/views';
import { DuplicateIdError } from '../storage/port';
import { moveBetweenSubCommittees } from './members';

type TActions = (typeof manageFunction)['actions'];
type TIn<K extends keyof TActions> = z.output<TActions[K]['input']>;

/** Minor fields (introduction, cover text, activity time, join policy) apply at once: no filing needed. */
export async function updateGroup(context: TContext, input: TIn<'update'>) {
  const ctx = authed(context);
  const [access, subCommittees] = await Promise.all([loadGroupAccess(ctx, input.groupId), listSubCommittees(ctx, input.groupId)]);
  requireManager(access);
  const { groupId, ...changes } = input;
  await checkPublicText(ctx, [
    ['intro', changes.intro ?? ''],
    ['coverText', changes.coverText ?? ''],
    ['activityTime', changes.activityTime ?? ''],
  ]);
  const patch: Partial<TGroupDoc> = { ...changes, lastActiveAt: ctx.clock.now() };
  if (changes.intro !== undefined) patch.tokens = searchTokens(access.group.name, changes.intro);
  const saved = await ctx.store.transaction(async (tx) => {
    const group = await tx.get<TGroupDoc>(C.groups, groupId);
    if (!group || group.status !== 'active') throw notFound();
    await tx.update(C.groups, groupId, patch);
    return { ...group, ...patch };
  });
  return { group: toDetail({ ...access, group: saved }, subCommittees.items) };
}

/** The same manager and request id name the same sub-committee, so a double tap adds one. */
function subCommitteeIdFor(groupId: string, requestId: string) {
  return 'sc_' + createHash('sha256').update(`${groupId}:${requestId}`).digest('hex').slice(0, 20);
}

/** 分会: a sub-committee led by an active member of the group, who becomes its first member. */
export async function addSubCommittee(context: TContext, input: TIn<'addSubCommittee'>) {
  const ctx = authed(context);
  const access = await loadGroupAccess(ctx, input.groupId);
  requireManager(access);
  await checkPublicText(ctx, [
    ['name', input.name],
    ['intro', input.intro ?? ''],
  ]);
  const id = subCommitteeIdFor(input.groupId, input.requestId);
  try {
    const created = await ctx.store.transaction(async (tx) => {
      const lead = await tx.get<TMembershipDoc>(C.memberships, input.leadMembershipId);
      if (!lead || lead.groupId !== input.groupId || lead.status !== 'active') {
        throw invalidFields({ leadMembershipId: '分会负责人需是本组织已加入的成员' });
      }
      const sc = await tx.insert<TSubCommitteeDoc>(C.subcommittees, {
        _id: id,
        groupId: input.groupId,
        name: input.name,
        intro: input.intro ?? '',
        leadMembershipId: lead._id,
        leadName: lead.name,
        memberCount: 0,
      });
      await tx.update(C.memberships, lead._id, { subCommitteeId: id });
      await moveBetweenSubCommittees(tx, input.groupId, lead.subCommitteeId, id);
      return { ...sc, memberCount: 1 };
    });
    return { subCommittee: toSubCommittee(created) };
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error;
    const existing = await ctx.store.collection<TSubCommitteeDoc>(C.subcommittees).get(id);
    if (!existing) throw error;
    return { subCommittee: toSubCommittee(existing) };
  }
}
