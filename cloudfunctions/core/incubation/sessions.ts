import { C, type TEventDoc, type TRegistrationDoc } from '../collections';
import { registrationIdFor } from '../events/registration-id';
import type { TTransaction } from '../storage/port';
import type { TCourseDoc } from './docs';

/**
 * Attendance per session runs on the events core: an enrolled person holds an ordinary registration on every
 * session that has not started (the id events/registration-id.ts derives), so check-in by code, hand marking,
 * records and 我的活动 work on sessions unchanged. These helpers move those registrations and each session's
 * `registeredCount` inside the enrollment's transaction, so they always mirror the course: enrolled ⇔ registered
 * on every future session. Sessions have no capacity of their own (the course holds it) and take no sign-up
 * (events/rules.ts closedReason).
 */

const future = (course: TCourseDoc, now: number) => course.sessions.filter((s) => s.startAt > now);

/** Registers one person on every future, scheduled session. `fresh`: they never had registrations there (saves a step). */
export async function registerOnSessions(
  tx: TTransaction,
  course: TCourseDoc,
  person: { openid: string; name: string },
  now: number,
  fresh: boolean,
): Promise<void> {
  for (const s of future(course, now)) {
    const event = await tx.get<TEventDoc>(C.events, s.eventId);
    if (!event || event.status === 'cancelled') continue;
    const id = registrationIdFor(event._id, person.openid);
    const fields = {
      status: 'registered' as const,
      name: person.name,
      onBehalfBy: null,
      registeredAt: now,
      promotedAt: null,
      cancelledAt: null,
      lateCancel: false,
      startAt: event.startAt,
    };
    const updated = !fresh && (await tx.update(C.registrations, id, fields));
    if (!updated) {
      await tx.insert<TRegistrationDoc>(C.registrations, {
        _id: id,
        eventId: event._id,
        openid: person.openid,
        mobile: null,
        checkedInAt: null,
        checkInMethod: null,
        attended: false,
        ...fields,
      });
    }
    await tx.update(C.events, event._id, { registeredCount: event.registeredCount + 1 });
  }
}

/** Cancels one person's registrations on every future session they hold a place on. */
export async function leaveSessions(tx: TTransaction, course: TCourseDoc, openid: string, now: number): Promise<void> {
  for (const s of future(course, now)) {
    const id = registrationIdFor(s.eventId, openid);
    const registration = await tx.get<TRegistrationDoc>(C.registrations, id);
    if (registration?.status !== 'registered') continue;
    const event = await tx.get<TEventDoc>(C.events, s.eventId);
    if (!event) continue;
    await tx.update(C.registrations, id, { status: 'cancelled', cancelledAt: now });
    await tx.update(C.events, event._id, { registeredCount: Math.max(0, event.registeredCount - 1) });
  }
}
