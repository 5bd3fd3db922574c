import { z } from 'zod';
import './validation';
import { defineFunction, zPage } from './define';
import { ZEventCard } from './events';
import { zCursor, zId, zMobile, zOptionalText, zRequestId, zText } from './fields';
import { NEED_ANSWERS, NEED_CATEGORIES, NEED_STATUSES, ENROLLMENT_STATUSES } from './incubation-vocab';
import { INCUBATION_LIMITS } from './form-limits';
export * from './incubation-vocab';

/**
 * The incubation base's residents' side (docs/incubation.md): needs (需求/心愿) with "我也想", the partners who
 * teach (social workers only), courses made of session events with enrollment for the whole course, and seeds of
 * new hobby circles. Rooms and bookings are the `base` work; group stages and notes are the stages work.
 */

export { INCUBATION_LIMITS };
const L = INCUBATION_LIMITS;

const zTime = (label: string) => z.number({ error: `请选择${label}` }).int(`${label}格式不正确`).positive(`请选择${label}`);

/** A need as residents and social workers see it: never who posted it or who else asked. */
export const ZNeedRow = z.object({
  id: z.string(),
  communityId: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.enum(NEED_CATEGORIES),
  status: z.enum(NEED_STATUSES),
  /** The social worker's answer (why it cannot be arranged, or what was arranged). */
  answer: z.string().nullable(),
  /** How many people want it, the poster included. */
  demand: z.number(),
  postedAt: z.number(),
  /** The caller posted it or said 我也想. */
  iWant: z.boolean(),
  courseId: z.string().nullable(),
  /** A new hobby circle grown from it: its name. */
  circleName: z.string().nullable(),
});
export type TNeedRow = z.output<typeof ZNeedRow>;

export const ZPartner = z.object({
  id: z.string(),
  communityId: z.string(),
  name: z.string(),
  contactName: z.string(),
  /** Staff only: the partners list is for social workers. */
  contactMobile: z.string(),
  offers: z.string(),
});

export const ZCourseCard = z.object({
  id: z.string(),
  communityId: z.string(),
  title: z.string(),
  teacher: z.string(),
  partnerName: z.string().nullable(),
  place: z.string(),
  status: z.enum(['open', 'cancelled']),
  firstStartAt: z.number(),
  lastEndAt: z.number(),
  sessionCount: z.number(),
  capacity: z.number(),
  enrolledCount: z.number(),
  placesLeft: z.number(),
  waitlistCount: z.number(),
  signupDeadline: z.number(),
  needId: z.string().nullable(),
});

export const ZMyEnrollment = z.object({
  id: z.string(),
  status: z.enum(ENROLLMENT_STATUSES),
  /** 1-based place in the waitlist while waitlisted. */
  waitlistPosition: z.number().nullable(),
});

export const ZCourseDetail = ZCourseCard.extend({
  description: z.string(),
  /** The sessions, as the events core shows them (check-in and attendance run on these). */
  sessions: z.array(ZEventCard),
  myEnrollment: ZMyEnrollment.nullable(),
  can: z.object({ enroll: z.boolean(), cancel: z.boolean(), manage: z.boolean() }),
  enrollClosedReason: z.string().nullable(),
});

const ZNeedOnly = z.object({ need: ZNeedRow });
const ZEnrollmentOnly = z.object({ enrollment: ZMyEnrollment });

export const ZCreateCourse = z.strictObject({
  requestId: zRequestId,
  communityId: zId('社区'),
  /** The need it answers: its supporters are told, and it becomes 已安排. */
  needId: zId('需求编号').optional(),
  title: zText('课程名称', L.title, 2),
  description: zOptionalText('课程介绍', L.courseDescription),
  partnerId: zId('合作伙伴').optional(),
  teacher: zText('授课老师', L.teacher),
  place: zText('上课地点', L.place),
  /** A room of the base: each session claims its slots (all or none). */
  roomId: zId('活动室').optional(),
  /** The first session; the others follow weekly. */
  startAt: zTime('第一次课开始时间'),
  endAt: zTime('第一次课结束时间'),
  sessions: z
    .number({ error: '请填写课程节数' })
    .int('课程节数请填写整数')
    .min(1, '课程至少1节')
    .max(L.sessions, `一门课程最多${L.sessions}节，更多请分期开设`),
  capacity: z.number({ error: '请填写招收人数（数字）' }).int('招收人数请填写整数').min(1, '招收人数至少为1人').max(L.capacity, `招收人数不能超过${L.capacity}人`),
  signupDeadline: zTime('报名截止时间'),
  audience: z.enum(['community', 'anyone'], { error: '请选择谁可以报名' }),
});

export const incubationFunction = defineFunction('incubation', {
  /** A community's needs ranked by demand (most wanted first); merged ones are not listed. */
  needs: {
    input: z.strictObject({ communityId: zId('社区'), cursor: zCursor }),
    output: zPage(ZNeedRow),
  },
  /** A resident posts a need for the community chosen in 我的; the poster counts as its first supporter. */
  postNeed: {
    input: z.strictObject({
      requestId: zRequestId,
      title: zText('需求标题', L.title, 4),
      description: zOptionalText('需求说明', L.description),
      category: z.enum(NEED_CATEGORIES, { error: '请选择需求类别' }),
    }),
    output: ZNeedOnly,
  },
  /** 我也想: once per person, however often tapped. */
  support: { input: z.strictObject({ needId: zId('需求编号') }), output: ZNeedOnly },

  // ---- social workers (and admins) of the need's community ----
  answerNeed: {
    input: z.strictObject({
      needId: zId('需求编号'),
      status: z.enum(NEED_ANSWERS, { error: '请选择处理结果' }),
      answer: zOptionalText('答复', L.answer),
    }),
    output: ZNeedOnly,
  },
  /** Folds a duplicate into the need kept: its supporters (each once) and demand move there. */
  mergeNeeds: {
    input: z.strictObject({ keepId: zId('保留的需求'), mergeId: zId('合并的需求') }),
    output: z.object({ need: ZNeedRow, moved: z.number() }),
  },
  partners: {
    input: z.strictObject({ communityId: zId('社区'), cursor: zCursor }),
    output: zPage(ZPartner),
  },
  /** Adds a partner (with `requestId`) or edits one (with `partnerId`). */
  savePartner: {
    input: z.strictObject({
      requestId: zRequestId.optional(),
      partnerId: zId('合作伙伴').optional(),
      communityId: zId('社区'),
      name: zText('合作伙伴名称', L.partnerName, 2),
      contactName: zText('联系人', L.person),
      contactMobile: zMobile('联系电话'),
      offers: zText('可提供的服务', L.offers, 2),
    }),
    output: z.object({ partner: ZPartner }),
  },
  /** Sessions are events of the community (weekly from the first); everyone who wanted the need is told. */
  createCourse: { input: ZCreateCourse, output: z.object({ course: ZCourseDetail }) },
  /** Grows a new hobby circle from a need: a contact person, and its supporters invited. */
  seedCircle: {
    input: z.strictObject({
      needId: zId('需求编号'),
      name: zText('兴趣小组名称', L.circleName, 2),
      contactName: zText('联系人', L.person),
      contactMobile: zMobile('联系电话'),
    }),
    output: ZNeedOnly,
  },

  /**
   * Cancels every session not yet started (past ones keep their records), frees the room's slots for them and
   * returns the need to 收集中; the enrolled are told once.
   */
  cancelCourse: {
    input: z.strictObject({ courseId: zId('课程编号'), reason: zText('取消原因', L.answer, 2) }),
    output: z.object({ course: ZCourseCard, cancelledIds: z.array(z.string()) }),
  },

  // ---- everyone ----
  courses: {
    input: z.strictObject({ communityId: zId('社区'), cursor: zCursor }),
    output: zPage(ZCourseCard),
  },
  course: { input: z.strictObject({ courseId: zId('课程编号') }), output: z.object({ course: ZCourseDetail }) },
  /** Enrollment for the whole course: a place, or the back of the waitlist when full. */
  enroll: { input: z.strictObject({ courseId: zId('课程编号') }), output: ZEnrollmentOnly },
  cancelEnrollment: { input: z.strictObject({ courseId: zId('课程编号') }), output: ZEnrollmentOnly },
});
export type TIncubationFunction = typeof incubationFunction;
