/**
 * Length limits the schemas enforce and the forms show (live counters, instant errors), zod-free so any page,
 * main package included, may import them without pulling zod in. The schemas import these, never a copy.
 */

/** A mainland mobile number is exactly this many digits. */
export const MOBILE_DIGITS = 11;

/** 组织管理, 成员管理 and 变更/注销报备 (types/manage.ts). */
export const MANAGE_LIMITS = {
  note: 200,
  coverText: 30,
  subCommitteeName: 30,
  subCommitteeIntro: 200,
  changeReason: 200,
  dissolveReason: 200,
} as const;

/** 申请加入 and the directory search (types/groups.ts). */
export const GROUP_LIMITS = {
  joinMessage: 200,
  query: 20,
} as const;

/** The filing (types/filings.ts): limits shared by the full (submit) and draft schemas. */
export const FILING_LIMITS = {
  name: 40,
  purpose: 500,
  person: 20,
  venue: 100,
  activityTime: 100,
  charter: 10000,
  supervisor: 60,
  roster: 500,
  members: 10000,
  /** The social worker's comment on a decision. */
  reviewComment: 500,
  /** A Party branch (党支部) needs at least three full Party members. */
  branchMinPartyMembers: 3,
} as const;

/** Events (types/events.ts). */
export const EVENT_LIMITS = {
  title: 30,
  description: 1000,
  place: 60,
  /** Capacity 1..EVENT_LIMITS.capacity, or null for unlimited. */
  capacity: 2000,
  /** A series repeats weekly, at most this many dates. */
  seriesMax: 26,
  /** Events may be planned at most this far ahead. */
  aheadDays: 366,
  /** The longest single event. */
  maxHours: 12,
  /** People waiting for a place (the event document holds their order). */
  waitlist: 200,
  summary: 500,
  photos: 9,
  /** A compressed phone photo; anything bigger was not compressed. */
  photoBytes: 2 * 1024 * 1024,
  reason: 200,
  /** A name typed for someone signed up on their behalf (代报名). */
  person: 20,
  /** Check-in opens this long before the start and stays open until the end. */
  checkInOpensMinutes: 30,
  /** A code changes every this many seconds; the previous window's code is still accepted for the grace. */
  codeWindowSeconds: 30,
  codeGraceSeconds: 15,
  /** Cancelling a registration later than this before the start is allowed but recorded as late. */
  lateCancelHours: 2,
} as const;

/** Needs, partners, courses (types/incubation.ts). */
export const INCUBATION_LIMITS = {
  title: 30,
  description: 500,
  answer: 200,
  partnerName: 40,
  person: 20,
  offers: 200,
  courseDescription: 1000,
  teacher: 30,
  place: 60,
  /** Sessions of one course: each enrollment registers the person to every future session in one transaction. */
  sessions: 16,
  capacity: 500,
  circleName: 30,
} as const;

/** The incubation base's rooms and bookings (types/base.ts). */
export const BASE_LIMITS = {
  name: 20,
  address: 60,
  roomName: 20,
  capacity: 500,
  equipment: 12,
  equipmentName: 10,
  title: 30,
  reason: 200,
  /** A weekly booking runs for at most this many weeks (a term). */
  weeks: 20,
} as const;

/** Social workers' notes and stages (types/growth.ts). */
export const GROWTH_LIMITS = {
  note: 1000,
  reason: 200,
  /** How far back a note may be dated. */
  noteBackDays: 366,
  /** A group with no event for this long is listed for the social worker. */
  quietDays: 90,
} as const;

/** Administration of places (types/admin.ts): a community's name. */
export const ADMIN_LIMITS = {
  placeNameMin: 2,
  placeName: 20,
} as const;
