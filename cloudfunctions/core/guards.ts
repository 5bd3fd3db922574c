import { forbidden } from './app-error';
import { C, type TUserDoc } from './collections';
import type { TCaller, TContext } from './context';
import { coversCommunity, isStaff } from './scope';
import type { TTransaction } from './storage/port';

/** A context whose caller the platform vouched for (the dispatcher refuses anonymous calls before any use case). */
export type TAuthedContext = TContext & { caller: TCaller };

export function authed(ctx: TContext): TAuthedContext {
  if (!ctx.caller) throw new Error('use case reached without a caller');
  return ctx as TAuthedContext;
}

export function findUser(ctx: TAuthedContext): Promise<TUserDoc | null> {
  return ctx.store.collection<TUserDoc>(C.users).get(ctx.caller.openid);
}

/** A reviewer is staff: a role and at least one assignment (the scope itself is derived in scope.ts). */
export type TReviewer = TUserDoc;

export function isReviewer(user: TUserDoc | null): user is TReviewer {
  return isStaff(user);
}

export async function requireReviewer(ctx: TAuthedContext): Promise<TReviewer> {
  const user = await findUser(ctx);
  if (!isReviewer(user)) throw forbidden();
  return user;
}

/** Whether the person's assignments cover the community (a capability check: refusals go through requireCovers). */
export function reviewsCommunity(
  ctx: TAuthedContext,
  user: TUserDoc | null,
  communityId: string | null,
  tx?: TTransaction,
): Promise<boolean> {
  return coversCommunity(ctx, user, communityId, tx);
}
