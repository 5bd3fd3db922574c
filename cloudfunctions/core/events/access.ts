import { notFound } from '../app-error';
import { C, type TEventDoc, type TMembershipDoc, type TRegistrationDoc, type TUserDoc } from '../collections';
import { reviewsCommunity, type TAuthedContext } from '../guards';
import { membershipIdFor } from '../groups/membership-id';
import { registrationIdFor } from './registration-id';

/**
 * Who the caller is to one event, for the event page. Managers are the leaders and deputies of the hosting groups
 * (host and co-host); the social workers (and admins) reviewing the event's community manage every event of it.
 * Writes check the same rule inside their transaction (host-access.ts runsEventInTx).
 */
export interface TEventAccess {
  event: TEventDoc;
  user: TUserDoc | null;
  /** The caller's own registration (by derived id), whatever its status. */
  registration: TRegistrationDoc | null;
  /** Active membership in a hosting group: members-only events admit them. */
  isHostMember: boolean;
  canManage: boolean;
}

/** The caller's active memberships of the event's hosting groups: one request (by id) for host and co-host. */
export async function hostMemberships(ctx: TAuthedContext, event: Pick<TEventDoc, 'hostGroupIds'>): Promise<TMembershipDoc[]> {
  if (event.hostGroupIds.length === 0) return [];
  const ids = event.hostGroupIds.map((g) => membershipIdFor(g, ctx.caller.openid));
  const page = await ctx.store.collection<TMembershipDoc>(C.memberships).find({ where: { _id: { in: ids } }, limit: ids.length });
  return page.items.filter((m) => m.status === 'active');
}

/**
 * Everything the event page needs about the caller. The ids of user and own registration are known up front, so
 * they are read together with the event; then the memberships of its hosts: two round trips of wait.
 */
export async function loadEventAccess(ctx: TAuthedContext, eventOrId: string | TEventDoc): Promise<TEventAccess> {
  const eventId = typeof eventOrId === 'string' ? eventOrId : eventOrId._id;
  const [event, user, registration] = await Promise.all([
    typeof eventOrId === 'string' ? ctx.store.collection<TEventDoc>(C.events).get(eventId) : eventOrId,
    ctx.store.collection<TUserDoc>(C.users).get(ctx.caller.openid),
    ctx.store.collection<TRegistrationDoc>(C.registrations).get(registrationIdFor(eventId, ctx.caller.openid)),
  ]);
  if (!event) throw notFound();
  const memberships = await hostMemberships(ctx, event);
  const isManager = memberships.some((m) => m.role === 'leader' || m.role === 'deputy');
  return {
    event,
    user,
    registration,
    isHostMember: memberships.length > 0,
    canManage: isManager || (await reviewsCommunity(ctx, user, event.communityId)),
  };
}
