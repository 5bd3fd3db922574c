import type { TIncubationFunction } from '../../../types/incubation';
import { notFound } from '../app-error';
import { C, type TEventDoc, type TUserDoc } from '../collections';
import type { TActionImpl } from '../dispatch';
import { authed } from '../guards';
import { reviewsCommunity } from '../guards';
import { toCourseCard, toCourseDetail } from './course-views';
import type { TCourseDoc, TEnrollmentDoc } from './docs';
import { enrollmentIdFor } from './ids';

/** Courses are public to every signed-in person, like events; who enrolled is not (the sessions' lists are the hosts'). */
type TImpl = TActionImpl<TIncubationFunction['actions']>;

export const listCourses: TImpl['courses'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const page = await ctx.store.collection<TCourseDoc>(C.courses).find({
    where: { communityId: input.communityId },
    orderBy: [['firstStartAt', 'desc']],
    limit: 20,
    cursor: input.cursor,
  });
  return { items: page.items.map(toCourseCard), nextCursor: page.nextCursor };
};

/** The course page: the course, the caller (user and own enrollment, read together), then its sessions by id. */
export const courseDetail: TImpl['course'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const [course, user, enrollment] = await Promise.all([
    ctx.store.collection<TCourseDoc>(C.courses).get(input.courseId),
    ctx.store.collection<TUserDoc>(C.users).get(ctx.caller.openid),
    ctx.store.collection<TEnrollmentDoc>(C.enrollments).get(enrollmentIdFor(input.courseId, ctx.caller.openid)),
  ]);
  if (!course) throw notFound();
  const ids = course.sessions.map((s) => s.eventId);
  const found = await ctx.store.collection<TEventDoc>(C.events).find({ where: { _id: { in: ids } }, limit: ids.length });
  const sessions = [...found.items].sort((a, b) => a.startAt - b.startAt);
  return {
    course: toCourseDetail(course, sessions, { user, enrollment, canManage: await reviewsCommunity(ctx, user, course.communityId) }, ctx.clock.now()),
  };
};
