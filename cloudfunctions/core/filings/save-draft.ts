import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { filingsFunction, TFilingDraftFields } from '../../../types/filings';
import { invalidFields, invalidState, notFound } from '../app-error';
import { C, type TCommunityDoc, type TFilingDoc } from '../collections';
import type { TContext } from '../context';
import { authed, type TAuthedContext } from '../guards';
import { consumeRate, RATE_RULES } from '../rate-limit';
import type { TTransaction } from '../storage/port';
import { isEditable } from './state';
import { toFilingView } from './view';

type TInput = z.output<(typeof filingsFunction)['actions']['saveDraft']['input']>;

/** The same leader and request id always name the same draft, so a repeated or concurrent create makes one. */
export function draftIdFor(openid: string, requestId: string): string {
  return 'f_' + createHash('sha256').update(`${openid}:${requestId}`).digest('hex').slice(0, 24);
}

async function resolveCommunity(tx: TTransaction, fields: TFilingDraftFields, current: TFilingDoc | null) {
  const communityId = fields.communityId;
  if (communityId === undefined || communityId === current?.communityId) {
    return { communityId: current?.communityId ?? null, communityName: current?.communityName ?? null };
  }
  const community = await tx.get<TCommunityDoc>(C.communities, communityId);
  if (!community) throw invalidFields({ communityId: '请从列表中选择所属社区' });
  return { communityId: community._id, communityName: community.name };
}

function newDraft(ctx: TAuthedContext, id: string, fields: TFilingDraftFields, community: Awaited<ReturnType<typeof resolveCommunity>>) {
  return {
    _id: id,
    openid: ctx.caller.openid,
    kind: 'initial' as const,
    status: 'draft' as const,
    fields,
    ...community,
    groupId: null,
    submittedAt: null,
    decidedAt: null,
    lastComment: null,
    reviewedBy: null,
  };
}

/**
 * Saves what the leader has typed so far. Fields merge into the stored draft, so a client that sends only the
 * field that changed loses nothing. Formats are checked on submit; here only sizes (by the schema).
 * Read-merge-write runs in one transaction: overlapping autosaves and repeated creates serialise instead of
 * failing, and the same request id always lands on one filing.
 */
export async function saveDraft(context: TContext, input: TInput) {
  const ctx = authed(context);
  // Creating drafts is limited; saving into an existing one (autosave, every few seconds) is not.
  if (!input.filingId) await consumeRate(ctx, RATE_RULES.filing);
  const id = input.filingId ?? draftIdFor(ctx.caller.openid, input.requestId!);
  const saved = await ctx.store.transaction(async (tx) => {
    const current = await tx.get<TFilingDoc>(C.filings, id);
    if (current ? current.openid !== ctx.caller.openid : Boolean(input.filingId)) throw notFound();
    const community = await resolveCommunity(tx, input.fields, current);
    if (!current) return tx.insert<TFilingDoc>(C.filings, newDraft(ctx, id, input.fields, community));
    if (current.kind !== 'initial') throw invalidState('变更和注销报备不能修改，请重新提交');
    if (!isEditable(current.status)) throw invalidState('报备正在审核或已办结，不能修改');
    const patch = { fields: { ...current.fields, ...input.fields }, ...community };
    await tx.update(C.filings, id, patch);
    return { ...current, ...patch, version: current.version + 1, updatedAt: ctx.clock.now() };
  });
  return { filing: toFilingView(saved, { isOwner: true, isReviewer: false }) };
}
