import { EVENT_LIMITS, type TEventsFunction } from '../../../types/events';
import { formatNoticeTime } from '../../../types/notices';
import { forbidden, invalidState, notFound } from '../app-error';
import { endBooking } from '../base/bookings';
import { releaseRoom } from '../base/slots';
import type { TBookingDoc } from '../base/docs';
import { C, type TEventDoc } from '../collections';
import { checkPublicText } from '../content';
import type { TActionImpl } from '../dispatch';
import { authed, type TAuthedContext } from '../guards';
import { eventPage, tellRegistrants } from './fanout';
import { runsEventInTx } from './host-access';

type TImpl = TActionImpl<TEventsFunction['actions']>;

/** The future dates of a series (index events_series); a series never has more than EVENT_LIMITS.seriesMax. */
async function futureDatesOf(ctx: TAuthedContext, seriesId: string, now: number): Promise<string[]> {
  const page = await ctx.store.collection<TEventDoc>(C.events).find({
    where: { seriesId, startAt: { gt: now } },
    orderBy: [['startAt', 'asc']],
    limit: EVENT_LIMITS.seriesMax,
  });
  return page.items.map((e) => e._id);
}

/**
 * 取消活动 with a reason: one date, or with `wholeSeries` every date of its series that has not started (past
 * dates keep their records). One transaction for all of them, the caller's role read inside it. A cancelled
 * event stays visible as 已取消 with its reason; its registrations stay as they were, so 我的活动 shows it too.
 * Cancelling again changes nothing and tells nobody twice. After the commit everyone registered or waitlisted on
 * a newly cancelled date is told. With `freeRoom` each newly cancelled date's room booking is cancelled too.
 */
export const cancelEvent: TImpl['cancel'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  await checkPublicText(ctx, [['reason', input.reason]]);
  // The series' other dates are found by a query, so before the transaction (which reads and writes by id only).
  const target = input.wholeSeries ? await ctx.store.collection<TEventDoc>(C.events).get(input.eventId) : null;
  const others = target?.seriesId ? await futureDatesOf(ctx, target.seriesId, ctx.clock.now()) : [];
  const ids = [input.eventId, ...others.filter((id) => id !== input.eventId)];

  const { cancelled, all } = await ctx.store.transaction(async (tx) => {
    const now = ctx.clock.now();
    const event = await tx.get<TEventDoc>(C.events, input.eventId);
    if (!event) throw notFound();
    if (!(await runsEventInTx(tx, ctx, event))) throw forbidden();
    const cancelled: TEventDoc[] = [];
    const all: string[] = [];
    for (const id of ids) {
      const e = id === event._id ? event : await tx.get<TEventDoc>(C.events, id);
      // Only dates of the same series and hosts (the list was read before the transaction), never a started one.
      if (!e || now >= e.startAt || (id !== event._id && e.seriesId !== event.seriesId)) continue;
      all.push(e._id);
      if (e.status === 'cancelled') continue;
      const patch = { status: 'cancelled' as const, cancelReason: input.reason, cancelledAt: now };
      await tx.update(C.events, e._id, patch);
      cancelled.push({ ...e, ...patch });
      // The room it booked is freed in the same transaction when the person chose to (a booking already ended stays).
      const booking = input.freeRoom && e.bookingId ? await tx.get<TBookingDoc>(C.bookings, e.bookingId) : null;
      if (booking && (booking.status === 'pending' || booking.status === 'approved')) {
        await endBooking(tx, booking, { status: 'cancelled', cancelledAt: now });
      }
      // A course session holds its room through the course, not a booking: free just this session's slots.
      if (input.freeRoom && e.courseId && e.roomId) await releaseRoom(tx, { roomId: e.roomId, ranges: [{ startAt: e.startAt, endAt: e.endAt }] });
    }
    if (all.length === 0) throw invalidState('活动已经开始，不能取消');
    return { cancelled, all };
  });

  for (const e of cancelled) {
    await tellRegistrants(ctx, e, (to) => ({
      to,
      kind: 'event_cancelled',
      title: '活动已取消',
      body: `「${e.title}」（${formatNoticeTime(e.startAt)}）已取消：${input.reason}`,
      page: eventPage(e._id),
      data: { eventTitle: e.title, startAt: e.startAt, reason: input.reason },
    }));
  }
  return { cancelledIds: all };
};
