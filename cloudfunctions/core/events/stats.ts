import { C, type TEventDoc, type TStatDoc } from '../collections';
import { touchLastEvent } from '../growth/quiet';
import type { TTransaction } from '../storage/port';

/**
 * Counters for reports and for 我的活动, moved by id inside the transaction that changes what they count (a record,
 * an attendance), so they always equal a recount (tests/integration/event-counters.test.ts proves it):
 * - per host group and per community, per month of the event's start (China time): events held (events with a
 *   record), attendances and volunteer minutes **as recorded** — a record adds its figures, a re-record or a later
 *   attendance change to a recorded event adds the difference;
 * - per person (`st_person_<openid>`, all time): attendances and volunteer minutes, moved by every check-in and
 *   hand mark, recorded or not (我的活动 shows volunteer hours before the leader writes the record).
 */
const CHINA_OFFSET_MS = 8 * 3_600_000; // China has no daylight saving time

/** `202611`: the month of an instant in China time. */
export function chinaMonth(ms: number): string {
  const d = new Date(ms + CHINA_OFFSET_MS);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export const groupStatId = (groupId: string, month: string) => `st_group_${groupId}_${month}`;
export const communityStatId = (communityId: string, month: string) => `st_community_${communityId}_${month}`;
export const personStatId = (openid: string) => `st_person_${openid}`;
export const PERSON_MONTH = 'all';

export interface TStatDelta {
  eventsHeld: number;
  attendances: number;
  volunteerMinutes: number;
}

/** Minutes one attendance of this event is worth as volunteer service (0 unless it is a volunteer event). */
export function volunteerMinutesPerAttendance(event: Pick<TEventDoc, 'isVolunteer' | 'startAt' | 'endAt'>): number {
  return event.isVolunteer ? Math.round((event.endAt - event.startAt) / 60_000) : 0;
}

const isZero = (d: TStatDelta) => d.eventsHeld === 0 && d.attendances === 0 && d.volunteerMinutes === 0;

/** Adds `delta` to one counter document, creating it at zero first. Two requests (read, then write). */
async function bump(tx: TTransaction, id: string, scope: TStatDoc['scope'], scopeId: string, month: string, delta: TStatDelta) {
  const current = await tx.get<TStatDoc>(C.stats, id);
  if (!current) {
    await tx.insert<TStatDoc>(C.stats, { _id: id, scope, scopeId, month, ...delta });
    return;
  }
  await tx.update(C.stats, id, {
    eventsHeld: current.eventsHeld + delta.eventsHeld,
    attendances: current.attendances + delta.attendances,
    volunteerMinutes: current.volunteerMinutes + delta.volunteerMinutes,
  });
}

/** The recorded figures of an event changed by `delta`: each host group's and the community's month counters. */
export async function bumpEventStats(tx: TTransaction, event: TEventDoc, delta: TStatDelta): Promise<void> {
  if (isZero(delta)) return;
  // A first record is an event held: its hosts are no longer quiet (the 90-day list, docs/growth.md).
  if (delta.eventsHeld > 0) await touchLastEvent(tx, event.hostGroupIds, event.startAt);
  const month = chinaMonth(event.startAt);
  for (const groupId of event.hostGroupIds) await bump(tx, groupStatId(groupId, month), 'group', groupId, month, delta);
  await bump(tx, communityStatId(event.communityId, month), 'community', event.communityId, month, delta);
}

/** One person's attendance changed by `attendances` (±1) at this event. */
export async function bumpPersonStats(tx: TTransaction, openid: string, event: TEventDoc, attendances: number): Promise<void> {
  if (attendances === 0) return;
  const delta = { eventsHeld: 0, attendances, volunteerMinutes: attendances * volunteerMinutesPerAttendance(event) };
  await bump(tx, personStatId(openid), 'person', openid, PERSON_MONTH, delta);
}
