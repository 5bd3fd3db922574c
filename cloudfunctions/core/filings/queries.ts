import type { z } from 'zod';
import type { filingsFunction } from '../../../types/filings';
import { C, type TAuditDoc, type TFilingDoc } from '../collections';
import type { TContext } from '../context';
import { authed, findUser, requireReviewer } from '../guards';
import { staffScopeOf } from '../scope';
import { loadVisibleFiling } from './load';
import { toFilingSummary, toFilingView, toHistoryEntry } from './view';

type TActions = (typeof filingsFunction)['actions'];
type TIn<K extends keyof TActions> = z.output<TActions[K]['input']>;

export const PAGE_SIZE = 20;
/** History is short (a handful of transitions); the cap only guards the read. */
const HISTORY_LIMIT = 100;

/** One filing with its history, for its owner or a reviewer of its community. */
export async function getFiling(context: TContext, input: TIn<'get'>) {
  const ctx = authed(context);
  const user = await findUser(ctx);
  const { doc, viewer } = await loadVisibleFiling(ctx, input.filingId, user);
  const history = await ctx.store.collection<TAuditDoc>(C.audit).find({
    // Transitions only: other lines about this filing (a refused attempt, an export) carry no `seq`.
    where: { entityId: doc._id, seq: { gte: 0 } },
    orderBy: [['seq', 'asc']],
    limit: HISTORY_LIMIT,
  });
  return { filing: toFilingView(doc, viewer), history: history.items.map(toHistoryEntry) };
}

/** The caller's own filings, most recently changed first. */
export async function listMyFilings(context: TContext, input: TIn<'mine'>) {
  const ctx = authed(context);
  const page = await ctx.store.collection<TFilingDoc>(C.filings).find({
    where: { openid: ctx.caller.openid },
    orderBy: [['updatedAt', 'desc']],
    limit: PAGE_SIZE,
    cursor: input.cursor,
  });
  return { items: page.items.map(toFilingSummary), nextCursor: page.nextCursor };
}

/** Filings waiting for this reviewer, oldest first: whoever waited longest is served first. */
export async function listReviewQueue(context: TContext, input: TIn<'queue'>) {
  const ctx = authed(context);
  const reviewer = await requireReviewer(ctx);
  const communities = (await staffScopeOf(ctx, reviewer))?.communityIds ?? [];
  if (communities.length === 0) return { items: [], nextCursor: null, now: ctx.clock.now() };
  const page = await ctx.store.collection<TFilingDoc>(C.filings).find({
    // One community (a social worker) is a single range of filings_review_queue, already in order; a street
    // admin's few communities are one range each, merged by the database.
    where: { status: 'submitted', communityId: communities.length === 1 ? communities[0]! : { in: communities } },
    orderBy: [['submittedAt', 'asc']],
    limit: PAGE_SIZE,
    cursor: input.cursor,
  });
  return {
    items: page.items.map((doc) => ({
      id: doc._id,
      kind: doc.kind,
      name: doc.fields.name ?? '',
      category: doc.fields.category ?? null,
      communityName: doc.communityName,
      leaderName: doc.fields.leaderName ?? '',
      submittedAt: doc.submittedAt ?? doc.updatedAt,
    })),
    nextCursor: page.nextCursor,
    now: ctx.clock.now(),
  };
}
