import type { z } from 'zod';
import { EVENT_LIMITS, eventTimesProblems } from '../../../types/events';
import type { TIncubationFunction, ZCreateCourse } from '../../../types/incubation';
import { formatNoticeTime } from '../../../types/notices';
import { AppError, invalidFields, invalidState, notFound } from '../app-error';
import { asConflict, claimRoom } from '../base/slots';
import { C, type TCommunityDoc, type TEventDoc } from '../collections';
import { checkPublicText } from '../content';
import type { TActionImpl } from '../dispatch';
import { newCheckInSecret } from '../events/check-in-code';
import { authed, type TAuthedContext } from '../guards';
import { requestFingerprint } from '../manage/change-filing';
import { RATE_RULES } from '../rate-limit';
import { DuplicateIdError, type TTransaction } from '../storage/port';
import { requireStaffInTx } from './access';
import { toCourseDetail } from './course-views';
import type { TCourseDoc, TCourseSession, TNeedDoc, TPartnerDoc } from './docs';
import { courseIdFor, sessionIdFor } from './ids';
import { coursePage, tellSupporters } from './tell';
import { moveNeedTallies } from '../stats/need-tallies';

/**
 * 开设课程: a social worker turns a need into a course (or opens one directly). One transaction writes the course,
 * one event per session (weekly from the first, `courseId` set, written as events/create.ts writes a community
 * event), the room's slots for every session when a room is named (base/slots.ts: all or none, a taken slot is
 * refused naming its holder), and the need becomes 已安排 with the course linked. After the commit everyone who
 * wanted the need is told (course_opened).
 */
type TImpl = TActionImpl<TIncubationFunction['actions']>;
type TCreate = z.output<typeof ZCreateCourse>;

const DAY = 86_400_000;
const WEEK = 7 * DAY;

function inputProblems(input: TCreate, now: number): Record<string, string> {
  const problems = eventTimesProblems(input, now);
  if (!problems.startAt && input.startAt + (input.sessions - 1) * WEEK > now + EVENT_LIMITS.aheadDays * DAY) {
    problems.sessions = '最后一节课超出了一年，请减少课程节数';
  }
  return problems;
}

const sessionsOf = (courseId: string, input: TCreate): TCourseSession[] =>
  Array.from({ length: input.sessions }, (_, i) => ({
    eventId: sessionIdFor(courseId, i),
    startAt: input.startAt + i * WEEK,
    endAt: input.endAt + i * WEEK,
  }));

/** The need it answers: of this community, not merged, not yet a course or a circle. */
async function needToArrange(tx: TTransaction, needId: string, communityId: string): Promise<TNeedDoc> {
  const need = await tx.get<TNeedDoc>(C.needs, needId);
  if (!need || need.communityId !== communityId) throw invalidFields({ needId: '没有找到这条需求，请从本社区的需求列表选择' });
  if (need.status === 'merged') throw invalidState('这条需求已合并到其他需求，请从保留的那条开设课程');
  if (need.courseId || need.circle) throw invalidState('这条需求已经开设了课程或兴趣小组');
  return need;
}

function sessionDoc(course: TCourseDoc, s: TCourseSession, i: number): Omit<TEventDoc, 'createdAt' | 'updatedAt' | 'version'> {
  return {
    _id: s.eventId,
    status: 'scheduled',
    title: `${course.title}（第${i + 1}课）`,
    description: course.description,
    startAt: s.startAt,
    endAt: s.endAt,
    place: course.place,
    capacity: null,
    signupDeadline: Math.min(course.signupDeadline, s.startAt),
    audience: course.audience,
    isVolunteer: false,
    communityId: course.communityId,
    communityName: course.communityName,
    hostGroupIds: [],
    hostGroupId: null,
    coHostGroupId: null,
    hostNames: [`${course.communityName}居委会`],
    createdBy: course.createdBy,
    seriesId: course.sessions.length > 1 ? `s_${course._id}` : null,
    requestFingerprint: course.requestFingerprint,
    cancelReason: null,
    cancelledAt: null,
    registeredCount: 0,
    checkedInCount: 0,
    waitlist: [],
    checkInSecret: newCheckInSecret(),
    record: null,
    remindedAt: null,
    courseId: course._id,
    // The course holds the room's slots for every session: events/update.ts then refuses to move a session away from them.
    roomId: course.roomId,
  };
}

async function replay(ctx: TAuthedContext, courseId: string, fingerprint: string): Promise<TCourseDoc> {
  const course = await ctx.store.collection<TCourseDoc>(C.courses).get(courseId);
  if (!course || course.createdBy !== ctx.caller.openid || course.requestFingerprint !== fingerprint) throw new AppError('REQUEST_REUSED');
  return course;
}

export const createCourse: TImpl['createCourse'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const problems = inputProblems(input, ctx.clock.now());
  if (Object.keys(problems).length > 0) throw invalidFields(problems);
  await checkPublicText(
    ctx,
    [['title', input.title], ['description', input.description], ['teacher', input.teacher], ['place', input.place]],
    'profile',
    RATE_RULES.eventCreate,
  );
  const { requestId, ...request } = input;
  const fingerprint = requestFingerprint(request);
  const courseId = courseIdFor(ctx.caller.openid, requestId);
  const sessions = sessionsOf(courseId, input);

  const write = () =>
    ctx.store.transaction(async (tx) => {
      await requireStaffInTx(tx, ctx, input.communityId);
      const community = await tx.get<TCommunityDoc>(C.communities, input.communityId);
      if (!community) throw notFound();
      const need = input.needId ? await needToArrange(tx, input.needId, input.communityId) : null;
      const partner = input.partnerId ? await tx.get<TPartnerDoc>(C.partners, input.partnerId) : null;
      if (input.partnerId && partner?.communityId !== input.communityId) {
        throw invalidFields({ partnerId: '没有找到这个合作伙伴，请从本社区的合作伙伴中选择' });
      }
      const course = await tx.insert<TCourseDoc>(C.courses, {
        _id: courseId,
        communityId: community._id,
        communityName: community.name,
        title: input.title,
        description: input.description,
        teacher: input.teacher,
        partnerId: partner?._id ?? null,
        partnerName: partner?.name ?? null,
        place: input.place,
        roomId: input.roomId ?? null,
        audience: input.audience,
        status: 'open',
        needId: need?._id ?? null,
        sessions,
        firstStartAt: sessions[0]!.startAt,
        capacity: input.capacity,
        registeredCount: 0,
        waitlist: [],
        signupDeadline: input.signupDeadline,
        createdBy: ctx.caller.openid,
        requestFingerprint: fingerprint,
      });
      const events: TEventDoc[] = [];
      for (const [i, s] of sessions.entries()) events.push(await tx.insert<TEventDoc>(C.events, sessionDoc(course, s, i)));
      if (input.roomId) {
        const room = await claimRoom(tx, ctx, {
          roomId: input.roomId,
          ranges: sessions.map(({ startAt, endAt }) => ({ startAt, endAt })),
          holder: { kind: 'course', id: courseId, name: community.name, title: input.title, groupId: null },
        });
        if (room.communityId !== community._id) throw invalidFields({ roomId: '请选择本社区孵化基地的活动室' });
      }
      if (need) {
        const answer = `已开设课程「${input.title}」，${formatNoticeTime(sessions[0]!.startAt)}开课，欢迎报名`;
        await tx.update(C.needs, need._id, { status: 'arranged', answer, answeredBy: ctx.caller.openid, courseId });
        await moveNeedTallies(tx, need.communityId, need.status, 'arranged');
      }
      return { course, events, created: true };
    });

  let result: { course: TCourseDoc; events: TEventDoc[]; created: boolean };
  try {
    result = await write();
  } catch (error) {
    if (input.roomId && error instanceof DuplicateIdError && error.collection === C.roomslots) {
      throw await asConflict(ctx, error, input.roomId, sessions);
    }
    if (!(error instanceof DuplicateIdError)) throw error;
    const course = await replay(ctx, courseId, fingerprint);
    const found = await ctx.store.collection<TEventDoc>(C.events).find({ where: { _id: { in: sessions.map((s) => s.eventId) } }, limit: sessions.length });
    result = { course, events: [...found.items].sort((a, b) => a.startAt - b.startAt), created: false };
  }

  const { course, events } = result;
  if (result.created && course.needId) {
    await tellSupporters(ctx, course.needId, (to) => ({
      to,
      kind: 'course_opened',
      title: '您想学的课程开课了',
      body: `「${course.title}」${formatNoticeTime(course.firstStartAt)}开课，地点：${course.place}，共${course.sessions.length}节，欢迎报名`,
      page: coursePage(course._id),
      data: { courseTitle: course.title, startAt: course.firstStartAt, place: course.place },
    }));
  }
  return { course: toCourseDetail(course, events, { user: null, enrollment: null, canManage: true }, ctx.clock.now()) };
};
