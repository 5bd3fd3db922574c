import { C, type TEventDoc, type TRegistrationDoc } from '../collections';
import type { TTransaction } from '../storage/port';
import { bumpEventStats, bumpPersonStats, volunteerMinutesPerAttendance } from './stats';

/**
 * Moves one registration's attendance and everything that counts it, inside the caller's transaction: the
 * registration, the event's checkedInCount (attended by code or by hand), the event's record if one was written
 * (its attendance and volunteer minutes, and with them the group and community counters), and the person's own
 * counters. Setting what is already set writes nothing, so a repeat never counts twice.
 */
export async function setAttendance(
  tx: TTransaction,
  event: TEventDoc,
  reg: TRegistrationDoc,
  present: boolean,
  method: 'code' | 'hand',
  now: number,
): Promise<{ event: TEventDoc; reg: TRegistrationDoc }> {
  if (reg.attended === present) return { event, reg };
  const step = present ? 1 : -1;
  const regPatch = present
    ? { attended: true, checkedInAt: now, checkInMethod: method }
    : { attended: false, checkedInAt: null, checkInMethod: null };
  const perAttendance = volunteerMinutesPerAttendance(event);
  const record = event.record
    ? { ...event.record, attendance: event.record.attendance + step, volunteerMinutes: event.record.volunteerMinutes + step * perAttendance }
    : null;
  const eventPatch = { checkedInCount: event.checkedInCount + step, ...(record ? { record } : {}) };

  await tx.update(C.registrations, reg._id, regPatch);
  await tx.update(C.events, event._id, eventPatch);
  if (record) await bumpEventStats(tx, event, { eventsHeld: 0, attendances: step, volunteerMinutes: step * perAttendance });
  if (reg.openid) await bumpPersonStats(tx, reg.openid, event, step);
  return { event: { ...event, ...eventPatch }, reg: { ...reg, ...regPatch } as TRegistrationDoc };
}
