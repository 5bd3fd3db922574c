import { notFound } from '../app-error';
import { C, type TFilingDoc, type TUserDoc } from '../collections';
import { reviewsCommunity, type TAuthedContext } from '../guards';
import type { TViewer } from './view';

export interface TVisibleFiling {
  doc: TFilingDoc;
  viewer: TViewer;
}

/**
 * A filing the caller may see: their own, or a non-draft one in a community they review. Anything else —
 * someone else's draft, another community's filing — is NOT_FOUND, so its existence does not leak.
 */
export async function loadVisibleFiling(
  ctx: TAuthedContext,
  filingId: string,
  user: TUserDoc | null,
): Promise<TVisibleFiling> {
  const doc = await ctx.store.collection<TFilingDoc>(C.filings).get(filingId);
  if (!doc) throw notFound();
  const isOwner = doc.openid === ctx.caller.openid;
  const isReviewer = doc.status !== 'draft' && reviewsCommunity(user, doc.communityId);
  if (!isOwner && !isReviewer) throw notFound();
  return { doc, viewer: { isOwner, isReviewer } };
}

/** The caller's own filing, or NOT_FOUND. */
export async function loadOwnFiling(ctx: TAuthedContext, filingId: string): Promise<TFilingDoc> {
  const doc = await ctx.store.collection<TFilingDoc>(C.filings).get(filingId);
  if (!doc || doc.openid !== ctx.caller.openid) throw notFound();
  return doc;
}
