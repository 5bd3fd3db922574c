import type { TEventsFunction } from '../../../types/events';
import { notFound } from '../app-error';
import { C, type TEventDoc, type TRegistrationDoc } from '../collections';
import type { TActionImpl } from '../dispatch';
import { authed } from '../guards';
import { runsEvent } from './host-access';
import { registrationRowView } from './registration-views';

type TImpl = TActionImpl<TEventsFunction['actions']>;

export const REGISTRATIONS_PAGE = 20;

/**
 * 报名名单, with phones and places in line: for the hosts' managers and the community's social workers only.
 * Registration data is internal, so to everyone else the list does not exist (NOT_FOUND), even though the event
 * is public. In sign-up order (index registrations_event); cancelled ones stay listed, late ones marked.
 */
export const listRegistrations: TImpl['registrations'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const event = await ctx.store.collection<TEventDoc>(C.events).get(input.eventId);
  if (!event || !(await runsEvent(ctx, event))) throw notFound();
  const page = await ctx.store.collection<TRegistrationDoc>(C.registrations).find({
    where: { eventId: event._id },
    orderBy: [['registeredAt', 'asc']],
    limit: REGISTRATIONS_PAGE,
    cursor: input.cursor,
  });
  return { items: page.items.map((r) => registrationRowView(event, r)), nextCursor: page.nextCursor };
};
