import type { TEnrollmentStatus, TNeedCategory, TNeedStatus } from '../../../types/incubation';
import type { TStoredMeta } from '../storage/port';

/**
 * Stored shapes of needs, supports, partners, courses and enrollments (docs/incubation.md). Collection names are
 * in collections.ts's C.
 */

export interface TNeedDoc extends TStoredMeta {
  communityId: string;
  /** The poster: never shown to anyone. */
  openid: string;
  title: string;
  description: string;
  category: TNeedCategory;
  status: TNeedStatus;
  /** The list's index filter: false once merged. */
  listed: boolean;
  answer: string | null;
  answeredBy: string | null;
  /** Counter: the supports of this need, moved in the transaction that inserts each one. */
  demand: number;
  mergedInto: string | null;
  courseId: string | null;
  circle: { name: string; contactName: string; contactMobile: string; groupId: string | null } | null;
  requestFingerprint: string;
}

/** 我也想: `_id` derived from need and person (supportIdFor), so a person supports a need once. */
export interface TSupportDoc extends TStoredMeta {
  needId: string;
  openid: string;
  /** Moved here from a merged need. */
  fromNeedId: string | null;
  at: number;
}

export interface TPartnerDoc extends TStoredMeta {
  communityId: string;
  name: string;
  contactName: string;
  contactMobile: string;
  offers: string;
  createdBy: string;
}

export interface TCourseSession {
  eventId: string;
  startAt: number;
  endAt: number;
}

/**
 * A course: the serialization point of enrollment, as an event is of sign-up. `registeredCount`, `capacity` and
 * `waitlist` carry events/seats.ts's names so its arithmetic applies unchanged.
 */
export interface TCourseDoc extends TStoredMeta {
  communityId: string;
  communityName: string;
  title: string;
  description: string;
  teacher: string;
  partnerId: string | null;
  partnerName: string | null;
  place: string;
  roomId: string | null;
  audience: 'community' | 'anyone';
  status: 'open' | 'cancelled';
  needId: string | null;
  sessions: TCourseSession[];
  /** The first session's start: the community's course list is ordered by it. */
  firstStartAt: number;
  capacity: number;
  registeredCount: number;
  /** Enrollment ids waiting, in arrival order (bounded like an event's). */
  waitlist: string[];
  signupDeadline: number;
  createdBy: string;
  requestFingerprint: string;
}

/** One person on one course: `_id` derived from course and person (enrollmentIdFor). */
export interface TEnrollmentDoc extends TStoredMeta {
  courseId: string;
  openid: string;
  name: string;
  status: TEnrollmentStatus;
  enrolledAt: number;
  promotedAt: number | null;
  cancelledAt: number | null;
}
