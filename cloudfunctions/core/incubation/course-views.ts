import type { z } from 'zod';
import type { ZCourseCard, ZCourseDetail, ZMyEnrollment } from '../../../types/incubation';
import type { TEventDoc, TUserDoc } from '../collections';
import { toEventCard } from '../events/views';
import { audienceRefusal } from '../events/rules';
import { seatFor } from '../events/seats';
import { formatNoticeTime } from '../../../types/notices';
import type { TCourseDoc, TEnrollmentDoc } from './docs';

/** Projections of courses and enrollments onto the contract (types/incubation.ts). */

export function toCourseCard(c: TCourseDoc): z.output<typeof ZCourseCard> {
  return {
    id: c._id,
    communityId: c.communityId,
    title: c.title,
    teacher: c.teacher,
    partnerName: c.partnerName,
    place: c.place,
    status: c.status,
    firstStartAt: c.firstStartAt,
    lastEndAt: c.sessions[c.sessions.length - 1]?.endAt ?? c.firstStartAt,
    sessionCount: c.sessions.length,
    capacity: c.capacity,
    enrolledCount: c.registeredCount,
    placesLeft: Math.max(0, c.capacity - c.registeredCount),
    waitlistCount: c.waitlist.length,
    signupDeadline: c.signupDeadline,
    needId: c.needId,
  };
}

export function myEnrollmentView(c: TCourseDoc, e: TEnrollmentDoc): z.output<typeof ZMyEnrollment> {
  const position = e.status === 'waitlisted' ? c.waitlist.indexOf(e._id) + 1 : 0;
  return { id: e._id, status: e.status, waitlistPosition: position > 0 ? position : null };
}

/** Why enrollment is closed for everyone now, or null while it is open. */
export function enrollClosedReason(c: TCourseDoc, now: number): string | null {
  if (c.status === 'cancelled') return '课程已取消，不能报名';
  if (now > c.signupDeadline) return `报名已于${formatNoticeTime(c.signupDeadline)}截止`;
  if (now >= c.firstStartAt) return '课程已开课，报名已结束';
  return null;
}

/** Why this person may not enroll now (closed, audience, full line), or null if they may. */
export function enrollRefusal(c: TCourseDoc, user: TUserDoc | null, now: number): string | null {
  return (
    enrollClosedReason(c, now) ??
    audienceRefusal({ audience: c.audience, communityId: c.communityId, communityName: c.communityName }, { user, isHostMember: false })?.replace('本活动', '本课程') ??
    (seatFor(c) === 'full' ? '名额已满，候补也已满，请关注下一期课程' : null)
  );
}

/** A place can be given up until the last session starts (the sessions not yet started are freed). */
export function canLeave(c: TCourseDoc, now: number): boolean {
  return c.status === 'open' && now < (c.sessions[c.sessions.length - 1]?.startAt ?? 0);
}

export function toCourseDetail(
  c: TCourseDoc,
  sessions: TEventDoc[],
  who: { user: TUserDoc | null; enrollment: TEnrollmentDoc | null; canManage: boolean },
  now: number,
): z.output<typeof ZCourseDetail> {
  const active = who.enrollment && who.enrollment.status !== 'cancelled' ? who.enrollment : null;
  const refusal = active ? null : enrollRefusal(c, who.user, now);
  return {
    ...toCourseCard(c),
    description: c.description,
    sessions: sessions.map(toEventCard),
    myEnrollment: who.enrollment ? myEnrollmentView(c, who.enrollment) : null,
    can: { enroll: !active && refusal === null, cancel: active !== null && canLeave(c, now), manage: who.canManage },
    enrollClosedReason: refusal,
  };
}
