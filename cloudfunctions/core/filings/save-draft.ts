import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { filingsFunction, TFilingDraftFields } from '../../../types/filings';
import { AppError, invalidFields, invalidState } from '../app-error';
import { C, type TCommunityDoc, type TFilingDoc } from '../collections';
import { authed, type TAuthedContext } from '../guards';
import type { TContext } from '../context';
import { DuplicateIdError } from '../storage/port';
import { loadOwnFiling } from './load';
import { isEditable } from './state';
import { toFilingView } from './view';

type TInput = z.output<(typeof filingsFunction)['actions']['saveDraft']['input']>;

/** The same leader and request id always name the same draft, so a repeated or concurrent create makes one. */
export function draftIdFor(openid: string, requestId: string): string {
  return 'f_' + createHash('sha256').update(`${openid}:${requestId}`).digest('hex').slice(0, 24);
}

async function resolveCommunity(ctx: TAuthedContext, communityId: string | undefined, current: TFilingDoc | null) {
  if (communityId === undefined || communityId === current?.communityId) {
    return { communityId: current?.communityId ?? null, communityName: current?.communityName ?? null };
  }
  const community = await ctx.store.collection<TCommunityDoc>(C.communities).get(communityId);
  if (!community) throw invalidFields({ communityId: '请从列表中选择所属社区' });
  return { communityId: community._id, communityName: community.name };
}

async function createDraft(ctx: TAuthedContext, id: string, fields: TFilingDraftFields) {
  const community = await resolveCommunity(ctx, fields.communityId, null);
  try {
    return await ctx.store.collection<TFilingDoc>(C.filings).insert({
      _id: id,
      openid: ctx.caller.openid,
      kind: 'initial',
      status: 'draft',
      fields,
      ...community,
      groupId: null,
      submittedAt: null,
      decidedAt: null,
      lastComment: null,
      reviewedBy: null,
    });
  } catch (error) {
    if (error instanceof DuplicateIdError) return null; // a concurrent create with the same request id won
    throw error;
  }
}

async function updateDraft(ctx: TAuthedContext, current: TFilingDoc, fields: TFilingDraftFields) {
  if (!isEditable(current.status)) throw invalidState('报备正在审核或已办结，不能修改');
  const community = await resolveCommunity(ctx, fields.communityId, current);
  const merged = { ...current.fields, ...fields };
  const applied = await ctx.store
    .collection<TFilingDoc>(C.filings)
    .updateIfVersion(current._id, current.version, { fields: merged, ...community });
  if (!applied) throw new AppError('CONFLICT');
  return { ...current, fields: merged, ...community, version: current.version + 1, updatedAt: ctx.clock.now() };
}

/**
 * Saves what the leader has typed so far. Fields merge into the stored draft, so a client that sends only the
 * field that changed loses nothing. Formats are checked on submit; here only sizes (by the schema).
 */
export async function saveDraft(context: TContext, input: TInput) {
  const ctx = authed(context);
  let doc: TFilingDoc | null = null;
  if (input.filingId) {
    doc = await updateDraft(ctx, await loadOwnFiling(ctx, input.filingId), input.fields);
  } else {
    const id = draftIdFor(ctx.caller.openid, input.requestId!);
    const existing = await ctx.store.collection<TFilingDoc>(C.filings).get(id);
    doc = existing ? await updateDraft(ctx, existing, input.fields) : await createDraft(ctx, id, input.fields);
    doc ??= await updateDraft(ctx, await loadOwnFiling(ctx, id), input.fields);
  }
  return { filing: toFilingView(doc, { isOwner: true, isReviewer: false }) };
}
