import type { z } from 'zod';
import type { ZEventRecord } from '../../../types/events';
import { C, type TEventDoc, type TRegistrationDoc } from '../collections';
import type { TAuthedContext } from '../guards';

type TEventRecord = z.output<typeof ZEventRecord>;

/** Names shown under a record: one index page (registrations_event); an event with more attendees shows the first. */
const NAMES_PAGE = 100;

/**
 * The 活动记录 as the event page and the group's page show it: the summary, photos as displayable URLs (the file
 * port: `/files/local/…` locally, temporary URLs in production), attendance and volunteer hours from the record,
 * and the attendees' names and photo file ids only for those who run the event (`seesNames`: the hosts' managers and the community's
 * social workers); everyone else gets null, and no registration is read for them.
 */
export async function recordView(ctx: TAuthedContext, event: TEventDoc, seesNames: boolean): Promise<TEventRecord | null> {
  const r = event.record;
  if (!r) return null;
  const [photoUrls, attendeeNames] = await Promise.all([
    ctx.files.urlsFor(r.photos),
    seesNames ? attendeesOf(ctx, event._id) : Promise.resolve(null),
  ]);
  return {
    summary: r.summary,
    photoUrls,
    attendance: r.attendance,
    volunteerHours: Math.round(r.volunteerMinutes / 6) / 10,
    recordedAt: r.recordedAt,
    attendeeNames,
    photoIds: seesNames ? r.photos : null,
  };
}

async function attendeesOf(ctx: TAuthedContext, eventId: string): Promise<string[]> {
  const page = await ctx.store.collection<TRegistrationDoc>(C.registrations).find({
    where: { eventId, attended: true },
    orderBy: [['registeredAt', 'asc']],
    limit: NAMES_PAGE,
  });
  return page.items.map((reg) => reg.name);
}
