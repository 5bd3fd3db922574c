import type { z } from 'zod';
import { GROUP_CATEGORY_LABELS, type TFilingKind } from '../../../types/domain';
import { ZFilingDraftFields, type TFieldChange, type TFilingDraftFields } from '../../../types/filings';
import type { manageFunction } from '../../../types/manage';
import { FILED_CHANGE_LABELS } from '../../../types/membership';
import { createHash } from 'node:crypto';
import { AppError, invalidFields, invalidState } from '../app-error';
import { C, type TAuditDoc, type TFilingDoc, type TGroupDoc, type TMembershipDoc } from '../collections';
import { checkPublicText } from '../content';
import type { TContext } from '../context';
import { draftIdFor } from '../filings/save-draft';
import { auditEntry } from '../filings/transition';
import { toFilingView } from '../filings/view';
import { authed, type TAuthedContext } from '../guards';
import { managerAccessInTx } from '../groups/access';
import type { TTransaction } from '../storage/port';

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
async function diff(tx: TTransaction, g: TGroupDoc, changes: TIn<'fileChange'>['changes']): Promise<TGroupFilingContent> {
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
    const next = await tx.get<TMembershipDoc>(C.memberships, changes.leaderMembershipId);
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

interface TGroupFilingContent {
  changes: TFieldChange[];
  proposed: Record<string, unknown>;
  fields: TFilingDraftFields;
}

interface TGroupFilingRequest {
  kind: Exclude<TFilingKind, 'initial'>;
  groupId: string;
  requestId: string;
  /** Who may file it, checked on the caller's membership as read inside the transaction. */
  need: 'manager' | 'leader';
  /** A digest of what was asked: a replay of the same request id must ask the same thing. */
  fingerprint: string;
  reason: string | null;
  /** What is filed, computed from the group as read inside the transaction. */
  content(tx: TTransaction, group: TGroupDoc): Promise<TGroupFilingContent>;
}

/** Key order does not change the digest: the same request always hashes the same. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function requestFingerprint(request: unknown): string {
  return createHash('sha256').update(stableJson(request)).digest('hex').slice(0, 32);
}

/**
 * Files a change or dissolution for review. One such filing per group at a time (the group records which).
 * Everything is decided on documents read inside the one transaction: the caller's role (a deputy removed a
 * moment ago cannot file), the pending slot, the snapshot. The request id makes a double tap file once; the
 * same id sent with a different request is REQUEST_REUSED, never an unrelated earlier filing.
 */
async function fileForGroup(ctx: TAuthedContext, request: TGroupFilingRequest) {
  const id = draftIdFor(ctx.caller.openid, request.requestId);
  const now = ctx.clock.now();
  const filing = await ctx.store.transaction(async (tx) => {
    const { group, membership } = await managerAccessInTx(tx, ctx, request.groupId, request.need);
    const existing = await tx.get<TFilingDoc>(C.filings, id);
    if (existing) {
      if (existing.openid !== ctx.caller.openid || existing.requestFingerprint !== request.fingerprint) {
        throw new AppError('REQUEST_REUSED');
      }
      return existing;
    }
    if (group.status === 'circle') throw invalidState('兴趣小组还没有备案：请提交成立报备，并选择这个兴趣小组');
    if (group.pendingFilingId) throw invalidState('已有一份变更或注销报备正在审核，请等审核结果出来后再提交');
    const { changes, proposed, fields } = await request.content(tx, group);
    // The snapshot is shown through ZFilingView later: a record that does not fit must fail here, before any write.
    const fits = ZFilingDraftFields.safeParse(fields);
    if (!fits.success) throw new Error(`group ${group._id} snapshot does not fit the filing contract: ${fits.error.message}`);
    const created = await tx.insert<TFilingDoc>(C.filings, {
      _id: id,
      openid: ctx.caller.openid,
      kind: request.kind,
      status: 'submitted',
      fields,
      communityId: group.communityId,
      communityName: group.communityName,
      groupId: group._id,
      proposed,
      changes,
      reason: request.reason,
      requestFingerprint: request.fingerprint,
      submittedAt: now,
      decidedAt: null,
      lastComment: null,
      reviewedBy: null,
    });
    await tx.update(C.groups, group._id, { pendingFilingId: id });
    const actorName = membership?.name ?? '负责人';
    await tx.insert<TAuditDoc>(C.audit, auditEntry(ctx, { filingId: id, communityId: created.communityId, seq: created.version, from: null, to: 'submitted', actorName, reason: request.reason, at: now }));
    return created;
  });
  return { filing: toFilingView(filing, { isOwner: true, isReviewer: false }) };
}

/** 变更报备: filed fields change only when the community's social worker approves. Leadership transfer is the leader's. */
export async function fileChange(context: TContext, input: TIn<'fileChange'>) {
  const ctx = authed(context);
  await checkPublicText(ctx, [
    ['changes.name', input.changes.name ?? ''],
    ['changes.charter', input.changes.charter ?? ''],
    ['changes.venue', input.changes.venue ?? ''],
    ['reason', input.reason ?? ''],
  ]);
  return fileForGroup(ctx, {
    kind: 'change',
    groupId: input.groupId,
    requestId: input.requestId,
    need: input.changes.leaderMembershipId ? 'leader' : 'manager',
    fingerprint: requestFingerprint({ kind: 'change', groupId: input.groupId, changes: input.changes, reason: input.reason ?? null }),
    reason: input.reason ?? null,
    content: (tx, group) => diff(tx, group, input.changes),
  });
}

/** 注销报备: the leader asks to dissolve; once approved the group leaves the directory, its history stays. */
export async function dissolveGroup(context: TContext, input: TIn<'dissolve'>) {
  const ctx = authed(context);
  await checkPublicText(ctx, [['reason', input.reason]]);
  return fileForGroup(ctx, {
    kind: 'dissolution',
    groupId: input.groupId,
    requestId: input.requestId,
    need: 'leader',
    fingerprint: requestFingerprint({ kind: 'dissolution', groupId: input.groupId, reason: input.reason }),
    reason: input.reason,
    content: async (_tx, group) => ({ changes: [], proposed: {}, fields: snapshotOf(group) }),
  });
}
