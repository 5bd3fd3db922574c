import { z } from 'zod';
import './validation';
import { defineFunction, zPage } from './define';
import { zCursor, zId, zMobile, zOptionalText, zRequestId, zText } from './fields';
import { EVENT_LIMITS } from './form-limits';

/**
 * Events (活动): the community's activities, with sign-up, a fair waitlist, check-in codes that change every
 * 30 seconds, hand-marked attendance, reminders and records with photos. One `events` function serves
 * residents and managers alike (fewer cold starts); reminders run in the timer-only `jobs` function.
 */

export { EVENT_LIMITS };
const L = EVENT_LIMITS;

export const EVENT_AUDIENCES = ['members', 'community', 'anyone'] as const;
export type TEventAudience = (typeof EVENT_AUDIENCES)[number];
export const EVENT_AUDIENCE_LABELS: Record<TEventAudience, string> = {
  members: '仅本组织成员',
  community: '本社区居民',
  anyone: '所有人',
};

export const EVENT_STATUSES = ['scheduled', 'cancelled'] as const;
export type TEventStatus = (typeof EVENT_STATUSES)[number];

export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'cancelled'] as const;
export type TRegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const REGISTRATION_STATUS_LABELS: Record<TRegistrationStatus, string> = {
  registered: '已报名',
  waitlisted: '候补中',
  cancelled: '已取消',
};

export const ZEventAudience = z.enum(EVENT_AUDIENCES, { error: '请选择谁可以报名' });

/** Milliseconds since the epoch, as the client's date and time pickers produce them. */
const zTime = (label: string) => z.number({ error: `请选择${label}` }).int(`${label}格式不正确`).positive(`请选择${label}`);

/** What a manager edits; the cross-field rules (end after start, deadline before start) are in `eventTimesProblems`. */
const eventFields = {
  title: zText('活动名称', L.title, 2),
  description: zOptionalText('活动介绍', L.description),
  startAt: zTime('开始时间'),
  endAt: zTime('结束时间'),
  place: zText('活动地点', L.place),
  capacity: z
    .number({ error: '请填写人数上限（数字）' })
    .int('人数上限请填写整数')
    .min(1, '人数上限至少为1人')
    .max(L.capacity, `人数上限不能超过${L.capacity}人，人数更多时请选择“不限人数”`)
    .nullable(),
  signupDeadline: zTime('报名截止时间'),
  audience: ZEventAudience,
  isVolunteer: z.boolean({ error: '请选择是否为志愿服务活动' }),
};

/** Cross-field rules on times, as `{ field: 中文提示 }`; `now` is the server's clock. Shared by client and server. */
export function eventTimesProblems(
  v: { startAt?: number; endAt?: number; signupDeadline?: number },
  now: number,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const { startAt, endAt, signupDeadline } = v;
  if (startAt !== undefined && startAt <= now) problems.startAt = '开始时间已经过去，请选择以后的时间';
  if (startAt !== undefined && startAt > now + L.aheadDays * 86_400_000) problems.startAt = '只能安排一年以内的活动';
  if (startAt !== undefined && endAt !== undefined) {
    if (endAt <= startAt) problems.endAt = '结束时间需晚于开始时间';
    else if (endAt - startAt > L.maxHours * 3_600_000) problems.endAt = `单次活动最长${L.maxHours}小时，更长的请分成几次`;
  }
  if (signupDeadline !== undefined && startAt !== undefined && signupDeadline > startAt) {
    problems.signupDeadline = '报名截止时间不能晚于开始时间';
  }
  if (signupDeadline !== undefined && signupDeadline <= now) problems.signupDeadline = '报名截止时间已经过去';
  return problems;
}

/** A weekly series: the first date is `startAt`, then every 7 days, `weeks` dates in all. */
export const ZRepeat = z.strictObject({
  weeks: z
    .number({ error: '请填写重复的周数' })
    .int('重复周数请填写整数')
    .min(2, '重复至少2周')
    .max(L.seriesMax, `每周重复最多${L.seriesMax}次，更多请分批创建`),
});

export const ZCreateEvent = z.strictObject({
  requestId: zRequestId,
  /** The hosting group, or null for a community event a social worker creates (座谈会, a course session). */
  groupId: zId('主办组织').nullable(),
  /** A community event names its community; a group event takes its group's. */
  communityId: zId('社区').optional(),
  coHostGroupId: zId('协办组织').optional(),
  ...eventFields,
  /** Optional when creating: an event without a description is fine (an empty one is stored). */
  description: eventFields.description.default(''),
  repeat: ZRepeat.optional(),
});

export const ZUpdateEvent = z
  .strictObject({
    eventId: zId('活动编号'),
    title: eventFields.title.optional(),
    description: eventFields.description.optional(),
    startAt: eventFields.startAt.optional(),
    endAt: eventFields.endAt.optional(),
    place: eventFields.place.optional(),
    capacity: eventFields.capacity.optional(),
    signupDeadline: eventFields.signupDeadline.optional(),
  })
  .refine((v) => Object.keys(v).length > 1, { message: '没有需要保存的修改', path: ['_'] });

/** A row of the 活动 list and of a group's events. */
export const ZEventCard = z.object({
  id: z.string(),
  title: z.string(),
  startAt: z.number(),
  endAt: z.number(),
  place: z.string(),
  hostNames: z.array(z.string()),
  status: z.enum(EVENT_STATUSES),
  audience: ZEventAudience,
  isVolunteer: z.boolean(),
  capacity: z.number().nullable(),
  registeredCount: z.number(),
  /** Null when unlimited. */
  placesLeft: z.number().nullable(),
  signupDeadline: z.number(),
  seriesId: z.string().nullable(),
  /** Past events with a record: attendance and whether photos exist. */
  hasRecord: z.boolean(),
  /** A session of a course: people enroll on the course's page (optional: older answers lack it). */
  courseId: z.string().nullable().optional(),
});
export type TEventCard = z.output<typeof ZEventCard>;

/** The caller's own registration, as 我的活动 and the event page show it. */
export const ZMyRegistration = z.object({
  id: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  /** 1-based place in the waitlist while waitlisted. */
  waitlistPosition: z.number().nullable(),
  checkedInAt: z.number().nullable(),
  lateCancel: z.boolean(),
});
export type TMyRegistration = z.output<typeof ZMyRegistration>;

export const ZEventRecord = z.object({
  summary: z.string(),
  /** Displayable URLs (temporary in production). */
  photoUrls: z.array(z.string()),
  attendance: z.number(),
  volunteerHours: z.number(),
  recordedAt: z.number(),
  /** Attendees' names: only for the hosts' managers and the community's social workers; null for everyone else. */
  attendeeNames: z.array(z.string()).nullable(),
  /**
   * The photos' file ids, in `photoUrls`' order, for the same people: recording again sends them back to keep
   * the photos. Null for everyone else (they need only the URLs).
   */
  photoIds: z.array(z.string()).nullable(),
});

export const ZEventDetail = ZEventCard.extend({
  description: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  hostGroupIds: z.array(z.string()),
  cancelReason: z.string().nullable(),
  waitlistCount: z.number(),
  checkedInCount: z.number(),
  myRegistration: ZMyRegistration.nullable(),
  record: ZEventRecord.nullable(),
  /** What the caller may do now; a closed sign-up says why in `signupClosedReason`. */
  can: z.object({ signUp: z.boolean(), cancel: z.boolean(), checkIn: z.boolean(), manage: z.boolean() }),
  signupClosedReason: z.string().nullable(),
  /** It carries a room booking of the base: cancelling it offers to free the room (optional: older answers lack it). */
  hasRoomBooking: z.boolean().optional(),
});
export type TEventDetail = z.output<typeof ZEventDetail>;

/** A row of the registration list, for the hosts' managers and the community's social workers. */
export const ZRegistrationRow = z.object({
  id: z.string(),
  name: z.string(),
  mobile: z.string().nullable(),
  status: z.enum(REGISTRATION_STATUSES),
  waitlistPosition: z.number().nullable(),
  /** 代报名: registered by a manager for someone without WeChat. */
  onBehalf: z.boolean(),
  checkedInAt: z.number().nullable(),
  checkInMethod: z.enum(['code', 'hand']).nullable(),
  lateCancel: z.boolean(),
  registeredAt: z.number(),
});
export type TRegistrationRow = z.output<typeof ZRegistrationRow>;

/** A row of 我的活动. */
export const ZMyEventRow = z.object({
  event: ZEventCard,
  registration: ZMyRegistration,
});

export const ZCheckInCode = z.object({
  /** Six digits, changing every `codeWindowSeconds`. */
  code: z.string(),
  /** What the QR code encodes (the event id and the code); attendees scan it inside the mini program. */
  qrText: z.string(),
  /** When this code stops being shown (the client fetches the next one then). */
  validUntil: z.number(),
  counts: z.object({ registered: z.number(), checkedIn: z.number(), waitlisted: z.number() }),
});

const ZEventOnly = z.object({ event: ZEventDetail });
const ZRegistrationOnly = z.object({ registration: ZMyRegistration });
const ZRowOnly = z.object({ registration: ZRegistrationRow });

export const eventsFunction = defineFunction('events', {
  /** Upcoming events of a community, soonest first. `eligible`: only those the caller may sign up to now. */
  list: {
    input: z.strictObject({ communityId: zId('社区'), filter: z.enum(['week', 'all', 'eligible']).optional(), cursor: zCursor }),
    output: zPage(ZEventCard),
  },
  /** A group's upcoming events (soonest first) or past ones with their records (latest first); co-hosts included. */
  groupEvents: {
    input: z.strictObject({ groupId: zId('组织编号'), when: z.enum(['upcoming', 'past']), cursor: zCursor }),
    output: zPage(ZEventCard),
  },
  detail: { input: z.strictObject({ eventId: zId('活动编号') }), output: ZEventOnly },
  /**
   * `mobile` (optional) lets the hosts reach the person; without it a member's phone comes from their membership.
   * Signing up again keeps the phone given before.
   */
  signUp: { input: z.strictObject({ eventId: zId('活动编号'), mobile: zMobile('手机号').optional() }), output: ZRegistrationOnly },
  cancelSignUp: { input: z.strictObject({ eventId: zId('活动编号') }), output: ZRegistrationOnly },
  /** 我的活动: upcoming (registered), waitlisted, attended; with the caller's volunteer hours. */
  mine: {
    input: z.strictObject({ tab: z.enum(['upcoming', 'waitlisted', 'attended']), cursor: zCursor }),
    output: zPage(ZMyEventRow).extend({ volunteerHours: z.number() }),
  },
  /** Typed or scanned code from the host's screen. Only for the caller's own registration. */
  checkIn: {
    input: z.strictObject({ eventId: zId('活动编号'), code: z.string({ error: '请输入签到码' }).regex(/^\d{6}$/, '签到码是6位数字') }),
    output: ZRegistrationOnly,
  },

  // ---- hosts' managers (and the community's social workers) ----
  create: { input: ZCreateEvent, output: z.object({ events: z.array(ZEventCard) }) },
  /** A change of time or place notifies everyone registered and waitlisted. */
  update: { input: ZUpdateEvent, output: ZEventOnly },
  /**
   * Cancels one date, or with `wholeSeries` every future date of its series; everyone registered and waitlisted is told.
   * `freeRoom`: also cancel the room booking each cancelled date carries, freeing its slots (docs/base.md).
   */
  cancel: {
    input: z.strictObject({ eventId: zId('活动编号'), reason: zText('取消原因', L.reason, 2), wholeSeries: z.boolean().optional(), freeRoom: z.boolean().optional() }),
    output: z.object({ cancelledIds: z.array(z.string()) }),
  },
  registrations: {
    input: z.strictObject({ eventId: zId('活动编号'), cursor: zCursor }),
    output: zPage(ZRegistrationRow),
  },
  /** 代报名: someone without WeChat, by name and phone; counts against capacity like anyone. */
  registerOnBehalf: {
    input: z.strictObject({ eventId: zId('活动编号'), name: zText('姓名', L.person), mobile: zMobile('手机号') }),
    output: ZRowOnly,
  },
  markAttendance: {
    input: z.strictObject({ registrationId: zId('报名编号'), present: z.boolean() }),
    output: ZRowOnly,
  },
  checkInCode: { input: z.strictObject({ eventId: zId('活动编号') }), output: ZCheckInCode },
  /** 活动记录 after the event: summary and up to 9 photos (file ids from the upload). Recording again replaces it. */
  record: {
    input: z.strictObject({
      eventId: zId('活动编号'),
      summary: zText('活动小结', L.summary, 5),
      photos: z.array(z.string().min(1).max(300), { error: '照片格式不正确' }).max(L.photos, `最多上传${L.photos}张照片`),
    }),
    output: ZEventOnly,
  },
});
export type TEventsFunction = typeof eventsFunction;
