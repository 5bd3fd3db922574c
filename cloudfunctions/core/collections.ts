import type { TFieldChange, TFilingDraftFields } from '../../types/filings';
import type { TGroupRole, TJoinPolicy, TMembershipStatus } from '../../types/membership';
import type { TFilingKind, TFilingStatus, TGroupCategory, TGroupStatus, TPlaceLevel, TStaffRole } from '../../types/domain';
import type { TEventAudience, TEventStatus, TRegistrationStatus } from '../../types/events';
import type { TGroupStage, TNoteKind } from '../../types/growth';
import type { TStoredMeta } from './storage/port';
import type { TReturnedSnapshot } from './filings/since-return';

/** Collection names and the stored shape of each document. Views (types/) are projections of these. */
export const C = {
  communities: 'communities',
  users: 'users',
  groups: 'groups',
  filings: 'filings',
  audit: 'audit',
  memberships: 'memberships',
  subcommittees: 'subcommittees',
  outbox: 'outbox',
  meta: 'meta',
  ratelimits: 'ratelimits',
  events: 'events',
  registrations: 'registrations',
  stats: 'stats',
  reminders: 'reminders',
  groupnotes: 'groupnotes',
  growthstats: 'growthstats',
  needs: 'needs',
  needsupports: 'needsupports',
  partners: 'partners',
  courses: 'courses',
  enrollments: 'enrollments',
  bases: 'bases',
  rooms: 'rooms',
  bookings: 'bookings',
  roomslots: 'roomslots',
  places: 'places',
  placenames: 'placenames',
} as const;

export interface TCommunityDoc extends TStoredMeta {
  name: string;
  streetId: string;
  streetName: string;
  districtId: string;
  districtName: string;
  cityName: string;
  /** When it was retired (docs/administration.md): it leaves everyone's scope and the residents' picker. */
  retiredAt?: number | null;
}

/** A street or a district (communities keep their own collection). `_id` is the place id (`s-…`, `d-…`). */
export interface TPlaceDoc extends TStoredMeta {
  level: Exclude<TPlaceLevel, 'community'>;
  name: string;
  /** The district a street belongs to; a district's own id for a district. */
  districtId: string;
  districtName: string;
  cityName: string;
}

/**
 * A community's name claimed in its street (`_id` = pn_ + hash of street and name): two creates or renames to the
 * same name cannot both commit, with no unique index. Released on rename and retirement.
 */
export interface TPlaceNameDoc extends TStoredMeta {
  communityId: string;
}

/** One place a staff member is assigned to: their scope is derived from these (core/scope.ts). */
export interface TAssignment {
  level: TPlaceLevel;
  placeId: string;
  since: number;
  /** Who assigned them (an openid, or `setup` for the org file). */
  by: string;
}

/** `_id` is the openid. A resident who never chose a community has no document at all. */
export interface TUserDoc extends TStoredMeta {
  displayName: string;
  /** Follows the assignments (community → social_worker, street/district → admin); written with them only. */
  roles: TStaffRole[];
  /** Written only by admin.assign / admin.unassign / retiring a community (and the org file): absent for residents. */
  assignments?: TAssignment[];
  /**
   * Every place id the assignments sit in or under (a community, its street and its district): the staff list's
   * one `has` query per place (users_assigned_within). Derived from `assignments` in the same write.
   */
  assignedWithin?: string[];
  communityId: string | null;
  /** Display preferences the person chose; absent until they choose (older documents too). */
  prefs?: { elderMode: boolean };
  /** The phone number the platform verified for this person (代办 takeover, docs/on-behalf.md); absent until verified. */
  verifiedMobile?: string;
}

export interface TFilingDoc extends TStoredMeta {
  /** Owner: the leader who filed it. Never leaves the server. */
  openid: string;
  kind: TFilingKind;
  status: TFilingStatus;
  fields: TFilingDraftFields;
  communityId: string | null;
  communityName: string | null;
  groupId: string | null;
  /** Change filings: the proposed values, applied on approval (`leaderMembershipId` for a transfer). */
  proposed?: Record<string, unknown>;
  changes?: TFieldChange[];
  reason?: string | null;
  /** Initial filings: the filed fields as they stood at the latest return, so a resubmission shows what changed. */
  returned?: TReturnedSnapshot;
  /** Change and dissolution filings: digest of the request, so a reused request id cannot answer another request. */
  requestFingerprint?: string;
  submittedAt: number | null;
  decidedAt: number | null;
  lastComment: string | null;
  reviewedBy: string | null;
  // ---- 代办 (docs/on-behalf.md); absent on filings the leader made themselves ----
  /** The staff member who entered it (and owned it until the leader took it over). */
  enteredBy?: { openid: string; name: string; role: string } | null;
  /** The leader it was entered for, as filed; `claimedAt` once they took it over in the app. */
  onBehalfOf?: { name: string; mobile: string; claimedAt: number | null } | null;
  /** The leader's mobile while an approved 代办 waits for takeover (index filings_behalf_mobile); null otherwise. */
  behalfMobile?: string | null;
}

export interface TGroupDoc extends TStoredMeta {
  status: TGroupStatus;
  name: string;
  category: TGroupCategory;
  communityId: string;
  communityName: string;
  intro: string;
  coverText: string;
  activityTime: string;
  venue: string;
  charter: string;
  supervisor: string;
  leaderOpenid: string;
  leaderName: string;
  leaderMobile: string;
  /** Counter: changed in the same transaction as the membership that changes it. */
  memberCount: number;
  /** Counter: join requests waiting for the leader (groups/join-counter.ts); absent on groups stored before it, read as 0. */
  pendingJoinCount?: number;
  partyMemberCount: number;
  hasPartyBranch: boolean;
  joinPolicy: TJoinPolicy;
  /** The change or dissolution filing under review; one at a time. */
  pendingFilingId: string | null;
  /** Unigrams and bigrams of name and intro: `has` on this (array-indexed in CloudBase) backs the search. */
  tokens: string[];
  dissolvedAt: number | null;
  /** The approved filing this record came from. */
  filingId: string;
  filedAt: number;
  /** Directory order: bumped by filings now, by events later. */
  lastActiveAt: number;
  // ---- the incubation path (docs/growth.md); absent on groups stored before it: read as 已备案 ----
  /** 兴趣小组/培育中 while `status` is `circle`; 已备案/示范 once filed. */
  stage?: TGroupStage;
  stageSince?: number;
  stageReason?: string | null;
  /** Who created a hobby circle (null for a group that began as a filing). */
  createdBy?: string | null;
  /** 双孵化: Party members among the leader and deputies, and whether the leader is a Party member the group nominated. */
  partyLeaderCount?: number;
  nominatedPartyLeader?: boolean;
  /** Start of the latest held (recorded) event it hosted; null if none yet. */
  lastEventAt?: number | null;
  /** max(lastEventAt, filed or created at): the 90-day list's index key; null once dissolved. */
  quietSince?: number | null;
  /**
   * 年度确认 (docs/on-behalf.md): the latest year (China time) the group confirmed its record, or had a change filing
   * approved; 0 for never. Index groups_unconfirmed ranges on it, so a filed group always has it (0 at filing).
   */
  confirmedYear?: number;
  confirmedAt?: number | null;
}

/**
 * Append-only: one line per filing transition, export, administration change or refused cross-scope attempt
 * (docs/administration.md). Lines stored before issue 10 are filing transitions without `action`/`communityId`.
 */
export interface TAuditDoc extends TStoredMeta {
  /** e.g. 'filing:approved', 'community:rename', 'export:quarterly', 'denied:filings.decide'. */
  action?: string;
  entity: string;
  entityId: string;
  /** The viewer's scope filter; null for street- or district-wide lines. */
  communityId?: string | null;
  actor: string;
  /** Absent on lines written through logAudit without it: the viewer looks the name up. */
  actorName?: string;
  at: number;
  detail?: string | null;
  // ---- filing transitions only ----
  /**
   * Order within the entity: the filing's version after the transition, written in the same transaction.
   * Two transitions in the same millisecond still have distinct, increasing `seq`s; `at` alone can tie.
   */
  seq?: number;
  from?: TFilingStatus | null;
  to?: TFilingStatus;
  reason?: string | null;
}

export interface TOutboxDoc extends TStoredMeta {
  to: string;
  kind: string;
  title: string;
  body: string;
  page: string;
}

/** `_id` is derived from group and openid (see membershipIdFor), so one person has one membership a group. */
export interface TMembershipDoc extends TStoredMeta {
  groupId: string;
  groupName: string;
  communityId: string;
  openid: string;
  name: string;
  mobile: string | null;
  role: TGroupRole;
  status: TMembershipStatus;
  message: string | null;
  note: string | null;
  subCommitteeId: string | null;
  requestedAt: number;
  joinedAt: number | null;
  /** When the leader was last told of this person's request (cycling cancel/apply does not notify again). */
  notifiedAt?: number | null;
}

/** 分会: a sub-committee inside a group, with its own lead and members. */
export interface TSubCommitteeDoc extends TStoredMeta {
  groupId: string;
  name: string;
  intro: string;
  leadMembershipId: string;
  leadName: string;
  /** Counter, like the group's. */
  memberCount: number;
}

/** One caller's uses of one rate rule in one fixed window (see rate-limit.ts); read by id only. */
export interface TRateDoc extends TStoredMeta {
  rule: string;
  count: number;
  /** When the window closes: a later cleanup may remove documents past it. */
  windowEndsAt: number;
}

// ---- events (活动) ----

/**
 * One date of an activity. The document is the serialization point for sign-up: it holds the counters and
 * the waitlist order, so sign-up, cancel and promotion are one by-id transaction over it and the registrations
 * they touch (see docs/events.md).
 */
export interface TEventDoc extends TStoredMeta {
  status: TEventStatus;
  title: string;
  description: string;
  startAt: number;
  endAt: number;
  place: string;
  /** Null: unlimited. */
  capacity: number | null;
  signupDeadline: number;
  audience: TEventAudience;
  isVolunteer: boolean;
  communityId: string;
  communityName: string;
  /** The hosting group first, then the co-host; empty for a community event. */
  hostGroupIds: string[];
  /**
   * The same two as scalars, so a group's page is served by an index on both backends (SQLite cannot index
   * array elements: `hostGroupIds has g` was a full scan there, see docs/events.md).
   */
  hostGroupId: string | null;
  coHostGroupId: string | null;
  hostNames: string[];
  /** Who created it (a manager of the host, or a social worker). */
  createdBy: string;
  seriesId: string | null;
  /** The room booked as its place (base/book.ts) and that booking; absent or null when its place is free text. */
  roomId?: string | null;
  bookingId?: string | null;
  /** Digest of the create request: a replay of its request id must ask the same thing (else REQUEST_REUSED). */
  requestFingerprint: string;
  cancelReason: string | null;
  cancelledAt: number | null;
  /** Counters, moved in the same transaction as the registration that moves them. */
  registeredCount: number;
  checkedInCount: number;
  /** Registration ids waiting for a place, in arrival order (bounded by EVENT_LIMITS.waitlist). */
  waitlist: string[];
  /** Per-event secret the check-in codes are derived from. Never leaves the server. */
  checkInSecret: string;
  record: TEventRecordDoc | null;
  /** When reminders were sent for this event (the reminder job skips it afterwards). */
  remindedAt: number | null;
  /**
   * A session of a course (docs/incubation.md): people enroll in the course, which registers them here, so the
   * session takes no sign-up of its own. Absent on events stored before courses.
   */
  courseId?: string | null;
}

export interface TEventRecordDoc {
  summary: string;
  /** File ids in the file store (cloud:// in production, local/ locally). */
  photos: string[];
  attendance: number;
  volunteerMinutes: number;
  recordedAt: number;
  recordedBy: string;
}

/** `_id` is derived from event and person (or event and phone for 代报名), so signing up twice is one document. */
export interface TRegistrationDoc extends TStoredMeta {
  eventId: string;
  /** Null for 代报名 (someone without WeChat). */
  openid: string | null;
  name: string;
  mobile: string | null;
  status: TRegistrationStatus;
  /** Who registered them, for 代报名. */
  onBehalfBy: string | null;
  /** When they last signed up (a re-sign-up after a cancel starts again: back of the line if full). */
  registeredAt: number;
  /** When a waitlisted registration got its place (null if it never waited or is still waiting). */
  promotedAt: number | null;
  cancelledAt: number | null;
  lateCancel: boolean;
  checkedInAt: number | null;
  checkInMethod: 'code' | 'hand' | null;
  /** Copied from the event for 我的活动's index (openid, startAt) and tabs. */
  startAt: number;
  attended: boolean;
}

/**
 * Counters for reports: per group and per community, per month (`st_<scope>_<id>_<yyyymm>`), moved in the same
 * transaction as the record or attendance that changes them.
 */
export interface TStatDoc extends TStoredMeta {
  scope: 'group' | 'community' | 'person';
  scopeId: string;
  month: string;
  eventsHeld: number;
  attendances: number;
  volunteerMinutes: number;
  /**
   * Community months only: room use (stats/room-use.ts) — dates of live bookings in this month and their minutes.
   * Absent on documents stored before it: read as 0.
   */
  roomBookings?: number;
  roomMinutes?: number;
}

/** Marker that one registration's reminder was sent: inserted in the transaction that claims it, so never twice. */
export interface TReminderDoc extends TStoredMeta {
  registrationId: string;
  eventId: string;
  sentAt: number;
}

// ---- the incubation path (growth, docs/growth.md) ----

/** A social worker's dated note on a group; staff only. `_id` from author and request id, so a retry adds one. */
export interface TGroupNoteDoc extends TStoredMeta {
  groupId: string;
  communityId: string;
  kind: TNoteKind;
  /** The day it is about (chosen by the social worker); the list's order. */
  at: number;
  text: string;
  authorOpenid: string;
  authorName: string;
}

/** A community's growth counters (`gs_<communityId>`), moved in the transaction that changes a group's stage or facts. */
export interface TGrowthStatDoc extends TStoredMeta {
  communityId: string;
  filedGroups: number;
  modelGroups: number;
  circles: number;
  incubating: number;
  partyBranches: number;
  partyMembers: number;
  partyLeaders: number;
  // ---- the dashboard's tallies (docs/dashboards.md); absent on documents stored before them: read as 0 ----
  /** Members of filed groups, filed groups by category, dissolved groups (stats/group-tallies.ts). */
  members?: number;
  dissolvedGroups?: number;
  categories?: Partial<Record<TGroupCategory, number>>;
  /** Residents' needs still collecting, and answered (arranged or declined); merged ones count in neither (stats/need-tallies.ts). */
  needsOpen?: number;
  needsAnswered?: number;
}
