import { forbidden } from '../app-error';
import { C, type TUserDoc } from '../collections';
import { isReviewer, type TAuthedContext } from '../guards';
import { requireCovers } from '../scope';
import type { TTransaction } from '../storage/port';

/**
 * Social workers (and admins) run their communities' needs, partners and courses. Someone who is not staff at all
 * gets FORBIDDEN; staff of another community get NOT_FOUND (docs/access.md), as with filings. Read inside the
 * write's transaction, so a scope removed meanwhile cannot act.
 */
export async function staffVerdict(ctx: TAuthedContext, user: TUserDoc | null, communityId: string, tx?: TTransaction): Promise<TUserDoc> {
  if (!isReviewer(user)) throw forbidden();
  return requireCovers(ctx, user, communityId, { entity: 'community', entityId: communityId }, 'notFound', tx);
}

export async function requireStaffInTx(tx: TTransaction, ctx: TAuthedContext, communityId: string): Promise<TUserDoc> {
  return staffVerdict(ctx, await tx.get<TUserDoc>(C.users, ctx.caller.openid), communityId, tx);
}

export async function requireStaff(ctx: TAuthedContext, communityId: string): Promise<TUserDoc> {
  return staffVerdict(ctx, await ctx.store.collection<TUserDoc>(C.users).get(ctx.caller.openid), communityId);
}
