import type { z } from 'zod';
import type { filingsFunction } from '../../../types/filings';
import { C, type TAuditDoc, type TFilingDoc } from '../collections';
import type { TContext } from '../context';
import { forbidden } from '../app-error';
import { authed, findUser } from '../guards';
import { refuseOutsideScope, staffScopeOf } from '../scope';
import type { TFilter } from '../storage/port';
import { emptyHeader, inCommunities, isOverdue, queueHeader } from '../workbench/queue-header';
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

/**
 * The workbench queue (docs/workbench.md): filings in the caller's scope with the status asked (待审核 unless
 * told), oldest submission first: whoever waited longest is served first. One community (a social worker, or a
 * filter) is a single range of filings_review_queue (or filings_review_kind with a kind), already in order; a
 * street's or district's communities are one range each, merged by the database. A community outside the scope
 * is refused and the attempt logged. The first page also carries the header (counts across the whole scope).
 */
export async function listReviewQueue(context: TContext, input: TIn<'queue'>) {
  const ctx = authed(context);
  const user = await findUser(ctx);
  const scope = await staffScopeOf(ctx, user);
  if (!user || !scope) throw forbidden();
  const now = ctx.clock.now();
  // Staff whose every community was retired: nothing to list, and nothing outside the scope to name either.
  if (scope.communityIds.length === 0 && !input.communityId) {
    return { items: [], nextCursor: null, now, header: input.cursor ? null : emptyHeader(user) };
  }
  if (input.communityId) {
    await refuseOutsideScope(ctx, scope, input.communityId, { action: 'filings.queue', entity: 'community', entityId: input.communityId });
  }
  const where: TFilter = {
    status: input.status ?? 'submitted',
    communityId: inCommunities(input.communityId ? [input.communityId] : scope.communityIds),
    ...(input.kind ? { kind: input.kind } : {}),
  };
  const [page, header] = await Promise.all([
    ctx.store.collection<TFilingDoc>(C.filings).find({ where, orderBy: [['submittedAt', 'asc']], limit: PAGE_SIZE, cursor: input.cursor }),
    input.cursor ? null : queueHeader(ctx, user, scope, now),
  ]);
  return {
    items: page.items.map((doc) => ({
      id: doc._id,
      kind: doc.kind,
      status: doc.status,
      name: doc.fields.name ?? '',
      category: doc.fields.category ?? null,
      communityName: doc.communityName,
      leaderName: doc.fields.leaderName ?? '',
      submittedAt: doc.submittedAt ?? doc.updatedAt,
      overdue: isOverdue(doc, now),
    })),
    nextCursor: page.nextCursor,
    now,
    header,
  };
}
