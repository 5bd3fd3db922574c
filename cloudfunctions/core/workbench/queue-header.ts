import type { TQueueHeader } from '../../../types/filings';
import { OVERDUE_AFTER_MS } from '../../../types/workbench-vocab';
import { C, type TCommunityDoc, type TFilingDoc, type TUserDoc } from '../collections';
import type { TAuthedContext } from '../guards';
import type { TStaffScope } from '../scope';
import type { TCondition } from '../storage/port';

/** One community is an equality (a single range of the index), several an `in` (one range each). */
export function inCommunities(ids: string[]): TCondition {
  return ids.length === 1 ? ids[0]! : { in: ids };
}

/** The communities in scope are few (a street has a handful, a district a few dozen); the cap only guards the read. */
const COMMUNITIES_LIMIT = 100;

/**
 * The workbench's header across the whole scope, whatever the list's filters: filings waiting and, of those, the
 * overdue ones (two index-backed counts on filings_review_queue: no document read), and the communities by name.
 */
export async function queueHeader(ctx: TAuthedContext, user: TUserDoc, scope: TStaffScope, now: number): Promise<TQueueHeader> {
  const filings = ctx.store.collection<TFilingDoc>(C.filings);
  const communityId = inCommunities(scope.communityIds);
  const [waiting, overdue, communities] = await Promise.all([
    filings.count({ status: 'submitted', communityId }),
    filings.count({ status: 'submitted', communityId, submittedAt: { lt: now - OVERDUE_AFTER_MS } }),
    ctx.store.collection<TCommunityDoc>(C.communities).find({ where: { _id: { in: scope.communityIds } }, limit: COMMUNITIES_LIMIT }),
  ]);
  return {
    waiting,
    overdue,
    communities: communities.items
      .map((c) => ({ id: c._id, name: c.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN')),
    officer: user.roles.includes('admin'),
  };
}

/** The header of someone with no live community in scope (no request needed). */
export function emptyHeader(user: TUserDoc): TQueueHeader {
  return { waiting: 0, overdue: 0, communities: [], officer: user.roles.includes('admin') };
}

/** Waiting, and submitted longer ago than the street office has to answer. */
export function isOverdue(doc: Pick<TFilingDoc, 'status' | 'submittedAt'>, now: number): boolean {
  return doc.status === 'submitted' && doc.submittedAt !== null && now - doc.submittedAt > OVERDUE_AFTER_MS;
}
