import { C, type TStatDoc } from '../collections';
import { chinaMonth, communityStatId } from '../events/stats';
import type { TTransaction } from '../storage/port';

/**
 * Room use on the dashboard: per community and month (China time), the dates live bookings hold and their minutes.
 * They sit on the community's monthly counter document (`st_community_<id>_<yyyymm>`, beside events held and
 * attendances) and move in the transaction that books (+) or ends a live booking (−: cancel, decline, an event
 * cancelled with its room). A weekly booking counts each of its dates in the month of that date. Course sessions
 * hold rooms through their course, not a booking, and are counted as events, not here.
 */
export async function moveRoomUse(
  tx: TTransaction,
  communityId: string,
  ranges: ReadonlyArray<{ startAt: number; endAt: number }>,
  sign: 1 | -1,
): Promise<void> {
  const byMonth = new Map<string, { bookings: number; minutes: number }>();
  for (const r of ranges) {
    const month = chinaMonth(r.startAt);
    const m = byMonth.get(month) ?? { bookings: 0, minutes: 0 };
    m.bookings += 1;
    m.minutes += Math.round((r.endAt - r.startAt) / 60_000);
    byMonth.set(month, m);
  }
  for (const [month, m] of byMonth) {
    const id = communityStatId(communityId, month);
    const current = await tx.get<TStatDoc>(C.stats, id);
    const roomBookings = Math.max(0, (current?.roomBookings ?? 0) + sign * m.bookings);
    const roomMinutes = Math.max(0, (current?.roomMinutes ?? 0) + sign * m.minutes);
    if (current) await tx.update(C.stats, id, { roomBookings, roomMinutes });
    else {
      await tx.insert<TStatDoc>(C.stats, {
        _id: id, scope: 'community', scopeId: communityId, month, eventsHeld: 0, attendances: 0, volunteerMinutes: 0, roomBookings, roomMinutes,
      });
    }
  }
}
