import { C, type TEventDoc, type TMembershipDoc, type TUserDoc } from '../collections';
import { membershipIdFor } from '../groups/membership-id';
import { reviewsCommunity, type TAuthedContext } from '../guards';
import type { TTransaction } from '../storage/port';

/**
 * Who runs an event: the leader or a deputy of any hosting group (the co-host's included), or a social worker (or
 * admin) whose scope holds the event's community. Reads the caller's membership of each host, then the user only
 * if no membership settled it.
 */
type TReader = <T extends TMembershipDoc | TUserDoc>(collection: string, id: string) => Promise<T | null>;

async function runsEventWith(read: TReader, ctx: TAuthedContext, event: TEventDoc, tx?: TTransaction): Promise<boolean> {
  const openid = ctx.caller.openid;
  for (const groupId of event.hostGroupIds) {
    const m = await read<TMembershipDoc>(C.memberships, membershipIdFor(groupId, openid));
    if (m?.status === 'active' && (m.role === 'leader' || m.role === 'deputy')) return true;
  }
  return reviewsCommunity(ctx, await read<TUserDoc>(C.users, openid), event.communityId, tx);
}

/**
 * Inside a write's transaction: a role checked before the transaction could go stale (a deputy removed meanwhile),
 * one read here cannot, because the write commits only if nothing it read changed.
 */
export function runsEventInTx(tx: TTransaction, ctx: TAuthedContext, event: TEventDoc): Promise<boolean> {
  return runsEventWith((collection, id) => tx.get(collection, id), ctx, event, tx);
}

/** For reads (the check-in code screen): the same rule outside a transaction. */
export function runsEvent(ctx: TAuthedContext, event: TEventDoc): Promise<boolean> {
  return runsEventWith((collection, id) => ctx.store.collection(collection).get(id) as never, ctx, event);
}
