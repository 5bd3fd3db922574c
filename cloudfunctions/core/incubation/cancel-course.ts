import type { TIncubationFunction } from '../../../types/incubation';
import { formatNoticeTime } from '../../../types/notices';
import { invalidState, notFound } from '../app-error';
import { releaseRoom } from '../base/slots';
import { C, type TEventDoc } from '../collections';
import { checkPublicText } from '../content';
import type { TActionImpl } from '../dispatch';
import { eventPage, tellRegistrants } from '../events/fanout';
import { authed } from '../guards';
import { requireStaffInTx } from './access';
import { toCourseCard } from './course-views';
import type { TCourseDoc, TNeedDoc } from './docs';
import { moveNeedTallies } from '../stats/need-tallies';

/**
 * 取消课程: one transaction cancels every session that has not started (as events' cancel does: registrations
 * stay, so 我的活动 shows 已取消), frees the room's slots of those sessions (base/slots.ts releaseRoom over the
 * ranges the course claimed), marks the course cancelled, and returns its need to 收集中 with the reason, so it
 * can become another course. After the commit the people on the first cancelled session (the enrolled) are told
 * once. Cancelling again changes nothing and tells nobody twice.
 */
type TImpl = TActionImpl<TIncubationFunction['actions']>;

export const cancelCourse: TImpl['cancelCourse'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  await checkPublicText(ctx, [['reason', input.reason]]);
  const { course, cancelled } = await ctx.store.transaction(async (tx) => {
    const now = ctx.clock.now();
    const course = await tx.get<TCourseDoc>(C.courses, input.courseId);
    if (!course) throw notFound();
    await requireStaffInTx(tx, ctx, course.communityId);
    if (course.status === 'cancelled') return { course, cancelled: [] as TEventDoc[] };
    const future = course.sessions.filter((s) => s.startAt > now);
    if (future.length === 0) throw invalidState('课程的最后一节课已经开始，不能再取消');
    const cancelled: TEventDoc[] = [];
    for (const s of future) {
      const event = await tx.get<TEventDoc>(C.events, s.eventId);
      if (!event || event.status === 'cancelled') continue;
      const patch = { status: 'cancelled' as const, cancelReason: input.reason, cancelledAt: now };
      await tx.update(C.events, event._id, patch);
      cancelled.push({ ...event, ...patch });
    }
    if (course.roomId) await releaseRoom(tx, { roomId: course.roomId, ranges: future.map(({ startAt, endAt }) => ({ startAt, endAt })) });
    await tx.update(C.courses, course._id, { status: 'cancelled' });
    const need = course.needId ? await tx.get<TNeedDoc>(C.needs, course.needId) : null;
    if (need?.courseId === course._id) {
      await tx.update(C.needs, need._id, { status: 'collecting', courseId: null, answer: `课程「${course.title}」已取消：${input.reason}` });
      await moveNeedTallies(tx, need.communityId, need.status, 'collecting');
    }
    return { course: { ...course, status: 'cancelled' as const }, cancelled };
  });

  const first = cancelled[0];
  if (first) {
    await tellRegistrants(ctx, first, (to) => ({
      to,
      kind: 'event_cancelled',
      title: '课程已取消',
      body: `课程「${course.title}」还没上的${cancelled.length}节课已取消：${input.reason}`,
      page: eventPage(first._id),
      data: { eventTitle: course.title, startAt: first.startAt, reason: input.reason },
    }));
  }
  return { course: toCourseCard(course), cancelledIds: cancelled.map((e) => e._id) };
};
