import type { TIncubationFunction } from '../../../types/incubation';
import { AppError, invalidState, notFound } from '../app-error';
import { C, type TUserDoc } from '../collections';
import type { TActionImpl } from '../dispatch';
import { releasePlace, leaveWaitlist, seatFor, type TSeats } from '../events/seats';
import { authed } from '../guards';
import { consumeRate, RATE_RULES } from '../rate-limit';
import { DuplicateIdError, type TTransaction } from '../storage/port';
import { canLeave, enrollClosedReason, enrollRefusal, myEnrollmentView } from './course-views';
import type { TCourseDoc, TEnrollmentDoc } from './docs';
import { enrollmentIdFor } from './ids';
import { leaveSessions, registerOnSessions } from './sessions';

/**
 * 报名课程 and 取消: enrollment for the whole course, with events/seats.ts's arithmetic on the course document
 * (capacity, `registeredCount`, the waitlist in arrival order). Each is one transaction over the course, the
 * enrollments it touches and their session registrations, so all of a course's moves serialize on the course
 * document, as sign-ups do on an event (docs/events.md, docs/incubation.md).
 */
type TImpl = TActionImpl<TIncubationFunction['actions']>;

/** Gives freed places to the first in line: their enrollment and their sessions, in the same transaction. */
async function promoteInTx(tx: TTransaction, course: TCourseDoc, ids: string[], now: number): Promise<void> {
  for (const id of ids) {
    const e = await tx.get<TEnrollmentDoc>(C.enrollments, id);
    if (!e) continue;
    await tx.update(C.enrollments, id, { status: 'enrolled', promotedAt: now });
    await registerOnSessions(tx, course, e, now, false);
  }
}

export const enroll: TImpl['enroll'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  await consumeRate(ctx, RATE_RULES.eventSignUp);
  const id = enrollmentIdFor(input.courseId, ctx.caller.openid);
  const run = () =>
    ctx.store.transaction(async (tx) => {
      const now = ctx.clock.now();
      const course = await tx.get<TCourseDoc>(C.courses, input.courseId);
      if (!course) throw notFound();
      const existing = await tx.get<TEnrollmentDoc>(C.enrollments, id);
      if (existing && existing.status !== 'cancelled') return { course, enrollment: existing };
      const user = await tx.get<TUserDoc>(C.users, ctx.caller.openid);
      const refusal = enrollRefusal(course, user, now);
      if (refusal) throw new AppError(enrollClosedReason(course, now) || seatFor(course) === 'full' ? 'INVALID_STATE' : 'FORBIDDEN', undefined, refusal);
      const seat = seatFor(course) as 'registered' | 'waitlisted';
      const fields = { status: seat === 'registered' ? ('enrolled' as const) : ('waitlisted' as const), enrolledAt: now, promotedAt: null, cancelledAt: null };
      const name = user?.displayName ?? '微信用户';
      let enrollment: TEnrollmentDoc;
      if (existing) {
        await tx.update(C.enrollments, id, fields);
        enrollment = { ...existing, ...fields };
      } else {
        enrollment = await tx.insert<TEnrollmentDoc>(C.enrollments, { _id: id, courseId: course._id, openid: ctx.caller.openid, name, ...fields });
      }
      const seats: TSeats =
        seat === 'registered'
          ? { capacity: course.capacity, registeredCount: course.registeredCount + 1, waitlist: course.waitlist }
          : { capacity: course.capacity, registeredCount: course.registeredCount, waitlist: [...course.waitlist, id] };
      await tx.update(C.courses, course._id, { registeredCount: seats.registeredCount, waitlist: seats.waitlist });
      if (seat === 'registered') await registerOnSessions(tx, course, { openid: ctx.caller.openid, name }, now, !existing);
      return { course: { ...course, ...seats } as TCourseDoc, enrollment };
    });
  // The same person tapping twice at once: the first inserted the enrollment; run again and find it.
  const { course, enrollment } = await run().catch((error: unknown) => {
    if (error instanceof DuplicateIdError && error.collection === C.enrollments) return run();
    throw error;
  });
  return { enrollment: myEnrollmentView(course, enrollment) };
};

export const cancelEnrollment: TImpl['cancelEnrollment'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const id = enrollmentIdFor(input.courseId, ctx.caller.openid);
  const { course, enrollment } = await ctx.store.transaction(async (tx) => {
    const now = ctx.clock.now();
    const enrollment = await tx.get<TEnrollmentDoc>(C.enrollments, id);
    const course = await tx.get<TCourseDoc>(C.courses, input.courseId);
    if (!enrollment || !course) throw notFound();
    if (enrollment.status === 'cancelled') return { course, enrollment }; // a repeat changes nothing
    if (!canLeave(course, now)) throw invalidState('课程的最后一节课已经开始，不能再取消报名');
    const wasEnrolled = enrollment.status === 'enrolled';
    const patch = { status: 'cancelled' as const, cancelledAt: now };
    await tx.update(C.enrollments, id, patch);
    if (wasEnrolled) await leaveSessions(tx, course, ctx.caller.openid, now);
    const { promoted, seats } = wasEnrolled ? releasePlace(course) : { promoted: [], seats: leaveWaitlist(course, id) };
    const after = { ...course, ...seats } as TCourseDoc;
    await promoteInTx(tx, after, promoted, now);
    await tx.update(C.courses, course._id, { registeredCount: seats.registeredCount, waitlist: seats.waitlist });
    return { course: after, enrollment: { ...enrollment, ...patch } };
  });
  return { enrollment: myEnrollmentView(course, enrollment) };
};
