import { forbidden } from './app-error';
import { C, type TUserDoc } from './collections';
import type { TCaller, TContext } from './context';

/** A context whose caller the platform vouched for (the dispatcher refuses anonymous calls before any use case). */
export type TAuthedContext = TContext & { caller: TCaller };

export function authed(ctx: TContext): TAuthedContext {
  if (!ctx.caller) throw new Error('use case reached without a caller');
  return ctx as TAuthedContext;
}

export function findUser(ctx: TAuthedContext): Promise<TUserDoc | null> {
  return ctx.store.collection<TUserDoc>(C.users).get(ctx.caller.openid);
}

/** A reviewer is staff with at least one community in scope. Narrows the user for the caller. */
export type TReviewer = TUserDoc & { reviewCommunityIds: [string, ...string[]] };

export function isReviewer(user: TUserDoc | null): user is TReviewer {
  return Boolean(user && user.roles.length > 0 && user.reviewCommunityIds.length > 0);
}

export async function requireReviewer(ctx: TAuthedContext): Promise<TReviewer> {
  const user = await findUser(ctx);
  if (!isReviewer(user)) throw forbidden();
  return user;
}

export function reviewsCommunity(user: TUserDoc | null, communityId: string | null): boolean {
  return isReviewer(user) && communityId !== null && user.reviewCommunityIds.includes(communityId);
}
