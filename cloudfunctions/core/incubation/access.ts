import { forbidden, notFound } from '../app-error';
import { C, type TUserDoc } from '../collections';
import { isReviewer, reviewsCommunity, type TAuthedContext } from '../guards';
import type { TTransaction } from '../storage/port';

/**
 * Social workers (and admins) run their communities' needs, partners and courses. Someone who is not staff at all
 * gets FORBIDDEN; staff of another community get NOT_FOUND (docs/access.md), as with filings. Read inside the
 * write's transaction, so a scope removed meanwhile cannot act.
 */
export function staffVerdict(user: TUserDoc | null, communityId: string): void {
  if (!isReviewer(user)) throw forbidden();
  if (!reviewsCommunity(user, communityId)) throw notFound();
}

export async function requireStaffInTx(tx: TTransaction, ctx: TAuthedContext, communityId: string): Promise<TUserDoc> {
  const user = await tx.get<TUserDoc>(C.users, ctx.caller.openid);
  staffVerdict(user, communityId);
  return user!;
}

export async function requireStaff(ctx: TAuthedContext, communityId: string): Promise<TUserDoc> {
  const user = await ctx.store.collection<TUserDoc>(C.users).get(ctx.caller.openid);
  staffVerdict(user, communityId);
  return user!;
}
