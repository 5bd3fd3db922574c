import { notFound } from '../app-error';
import { C, type TFilingDoc, type TMembershipDoc, type TUserDoc } from '../collections';
import { membershipIdFor } from '../groups/membership-id';
import { reviewsCommunity, type TAuthedContext } from '../guards';
import { DeniedError, isStaff } from '../scope';
import type { TViewer } from './view';

export interface TVisibleFiling {
  doc: TFilingDoc;
  viewer: TViewer;
}

/** A change or dissolution filing belongs to its group: it follows the group's current roles, not authorship. */
function isGroupFiling(doc: TFilingDoc): doc is TFilingDoc & { groupId: string } {
  return doc.kind !== 'initial' && doc.groupId !== null;
}

/** Whether the caller runs the group now (leader or deputy), as their membership says at this moment. */
async function managesGroupNow(ctx: TAuthedContext, groupId: string): Promise<boolean> {
  const m = await ctx.store.collection<TMembershipDoc>(C.memberships).get(membershipIdFor(groupId, ctx.caller.openid));
  return m?.status === 'active' && (m.role === 'leader' || m.role === 'deputy');
}

/**
 * A filing the caller may see: their own initial filing; a change or dissolution filing of a group they run
 * now (a deputy who filed one and was later removed no longer sees it, nor the leader's phone in it); or a
 * non-draft filing in a community they review. Anything else is NOT_FOUND, so its existence does not leak.
 * Only the author who still runs the group acts on it (withdraw); other managers read it.
 */
export async function loadVisibleFiling(
  ctx: TAuthedContext,
  filingId: string,
  user: TUserDoc | null,
): Promise<TVisibleFiling> {
  const doc = await ctx.store.collection<TFilingDoc>(C.filings).get(filingId);
  if (!doc) throw notFound();
  const isAuthor = doc.openid === ctx.caller.openid;
  const isReviewer = doc.status !== 'draft' && (await reviewsCommunity(ctx, user, doc.communityId));
  const groupFiling = isGroupFiling(doc);
  // A reviewer who did not file it needs no membership read: they see it as reviewer either way.
  const runsGroup = groupFiling && (isAuthor || !isReviewer) && (await managesGroupNow(ctx, doc.groupId));
  if (groupFiling ? !runsGroup && !isReviewer : !isAuthor && !isReviewer) {
    // Staff reaching outside their scope is on record; a resident guessing ids is not.
    if (isStaff(user) && doc.status !== 'draft') throw new DeniedError('NOT_FOUND', doc.communityId, { entity: 'filing', entityId: doc._id });
    throw notFound();
  }
  return { doc, viewer: { isOwner: isAuthor && (!groupFiling || runsGroup), isReviewer } };
}

/** The caller's own filing (for a group filing, only while they still run the group), or NOT_FOUND. */
export async function loadOwnFiling(ctx: TAuthedContext, filingId: string): Promise<TFilingDoc> {
  const doc = await ctx.store.collection<TFilingDoc>(C.filings).get(filingId);
  if (!doc || doc.openid !== ctx.caller.openid) throw notFound();
  if (isGroupFiling(doc) && !(await managesGroupNow(ctx, doc.groupId))) throw notFound();
  return doc;
}
