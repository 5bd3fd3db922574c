import type { z } from 'zod';
import { GROUP_CATEGORY_LABELS, type TFilingKind } from '../../../types/domain';
import type { TFieldChange, TFilingDraftFields } from '../../../types/filings';
import type { manageFunction } from '../../../types/manage';
import { FILED_CHANGE_LABELS } from '../../../types/membership';
import { invalidFields, invalidState, notFound } from '../app-error';
import { C, type TAuditDoc, type TFilingDoc, type TGroupDoc, type TMembershipDoc } from '../collections';
import { checkPublicText } from '../content';
import type { TContext } from '../context';
import { draftIdFor } from '../filings/save-draft';
import { auditEntry } from '../filings/transition';
import { toFilingView } from '../filings/view';
import { authed, type TAuthedContext } from '../guards';
import { loadGroupAccess, requireLeader, requireManager, type TGroupAccess } from '../groups/access';

type TActions = (typeof manageFunction)['actions'];
type TIn<K extends keyof TActions> = z.output<TActions[K]['input']>;

/** The group's filed record in the shape of a filing, so a change filing carries a full snapshot. */
function snapshotOf(group: TGroupDoc): TFilingDraftFields {
  return {
    name: group.name,
    category: group.category,
    communityId: group.communityId,
    purpose: group.intro,
    leaderName: group.leaderName,
    leaderMobile: group.leaderMobile,
    memberCount: group.memberCount,
    venue: group.venue,
    activityTime: group.activityTime,
    charter: group.charter,
    supervisor: group.supervisor,
    partyMemberCount: group.partyMemberCount,
    hasPartyBranch: group.hasPartyBranch,
  };
}

/** Before → after for each proposed field that really differs; the new leader must be an active member with a phone. */
async function diff(ctx: TAuthedContext, access: TGroupAccess, changes: TIn<'fileChange'>['changes']) {
  const g = access.group;
  const list: TFieldChange[] = [];
  const proposed: Record<string, unknown> = {};
  const fields = snapshotOf(g);
  const add = (field: keyof typeof FILED_CHANGE_LABELS, before: string, after: string) =>
    before !== after && list.push({ field, label: FILED_CHANGE_LABELS[field], before, after });

  for (const key of ['name', 'charter', 'venue'] as const) {
    const after = changes[key];
    if (after === undefined || after === g[key]) continue;
    add(key, g[key], after);
    proposed[key] = after;
    fields[key] = after;
  }
  if (changes.category && changes.category !== g.category) {
    add('category', GROUP_CATEGORY_LABELS[g.category], GROUP_CATEGORY_LABELS[changes.category]);
    proposed.category = fields.category = changes.category;
  }
  if (changes.leaderMembershipId) {
    const next = await ctx.store.collection<TMembershipDoc>(C.memberships).get(changes.leaderMembershipId);
    if (!next || next.groupId !== g._id || next.status !== 'active') {
      throw invalidFields({ leaderMembershipId: '新负责人需是本组织已加入的成员' });
    }
    if (next.openid !== g.leaderOpenid) {
      if (!next.mobile) throw invalidFields({ leaderMembershipId: '新负责人还没有登记手机号，请先请其补充联系电话' });
      add('leader', g.leaderName, next.name);
      proposed.leaderMembershipId = next._id;
      fields.leaderName = next.name;
      fields.leaderMobile = next.mobile;
    }
  }
  if (list.length === 0) throw invalidFields({ _: '与当前备案内容相同，无需变更' });
  return { changes: list, proposed, fields };
}

interface TGroupFilingRequest {
  kind: Exclude<TFilingKind, 'initial'>;
  requestId: string;
  reason: string | null;
  changes: TFieldChange[];
  proposed: Record<string, unknown>;
  fields: TFilingDraftFields;
}

/**
 * Files a change or dissolution for review. One such filing per group at a time (the group records which);
 * the request id makes a double tap file once.
 */
async function fileForGroup(ctx: TAuthedContext, access: TGroupAccess, request: TGroupFilingRequest) {
  const id = draftIdFor(ctx.caller.openid, request.requestId);
  const now = ctx.clock.now();
  const actorName = access.membership?.name ?? access.user?.displayName ?? '负责人';
  const filing = await ctx.store.transaction(async (tx) => {
    const existing = await tx.get<TFilingDoc>(C.filings, id);
    if (existing) {
      if (existing.openid !== ctx.caller.openid) throw notFound();
      return existing;
    }
    const group = await tx.get<TGroupDoc>(C.groups, access.group._id);
    if (!group || group.status !== 'active') throw notFound();
    if (group.pendingFilingId) throw invalidState('已有一份变更或注销报备正在审核，请等审核结果出来后再提交');
    const created = await tx.insert<TFilingDoc>(C.filings, {
      _id: id,
      openid: ctx.caller.openid,
      kind: request.kind,
      status: 'submitted',
      fields: request.fields,
      communityId: group.communityId,
      communityName: group.communityName,
      groupId: group._id,
      proposed: request.proposed,
      changes: request.changes,
      reason: request.reason,
      submittedAt: now,
      decidedAt: null,
      lastComment: null,
      reviewedBy: null,
    });
    await tx.update(C.groups, group._id, { pendingFilingId: id });
    await tx.insert<TAuditDoc>(C.audit, auditEntry(ctx, { filingId: id, seq: created.version, from: null, to: 'submitted', actorName, reason: request.reason, at: now }));
    return created;
  });
  return { filing: toFilingView(filing, { isOwner: true, isReviewer: false }) };
}

/** 变更报备: filed fields change only when the community's social worker approves. Leadership transfer is the leader's. */
export async function fileChange(context: TContext, input: TIn<'fileChange'>) {
  const ctx = authed(context);
  const access = await loadGroupAccess(ctx, input.groupId);
  requireManager(access);
  if (input.changes.leaderMembershipId) requireLeader(access);
  await checkPublicText(ctx, [
    ['changes.name', input.changes.name ?? ''],
    ['changes.charter', input.changes.charter ?? ''],
    ['changes.venue', input.changes.venue ?? ''],
  ]);
  const { changes, proposed, fields } = await diff(ctx, access, input.changes);
  return fileForGroup(ctx, access, { kind: 'change', requestId: input.requestId, reason: input.reason ?? null, changes, proposed, fields });
}

/** 注销报备: the leader asks to dissolve; once approved the group leaves the directory, its history stays. */
export async function dissolveGroup(context: TContext, input: TIn<'dissolve'>) {
  const ctx = authed(context);
  const access = await loadGroupAccess(ctx, input.groupId);
  requireLeader(access);
  return fileForGroup(ctx, access, {
    kind: 'dissolution',
    requestId: input.requestId,
    reason: input.reason,
    changes: [],
    proposed: {},
    fields: snapshotOf(access.group),
  });
}
