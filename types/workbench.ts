import { z } from 'zod';
import './validation';
import { defineFunction, zPage } from './define';
import { GROUP_STATUSES } from './domain';
import { zCursor, zId } from './fields';
import { ZCategory, ZFilingKind, ZFilingStatus, ZHistoryEntry } from './filings';
import { ZGroupStage, ZNoteView } from './growth';
import { ZSubCommittee } from './groups';
import { ZMemberRow } from './manage';

/**
 * The staff side of a group (docs/workbench.md): what the community's social workers and the officers above them
 * see of every group in their scope. The queue itself is `filings.queue` (the function that owns filings).
 */

export const ZGroupStatus = z.enum(GROUP_STATUSES, { error: '请选择组织状态' });

/** A row of the workbench's 社团 list. */
export const ZStaffGroupRow = z.object({
  id: z.string(),
  name: z.string(),
  category: ZCategory,
  status: ZGroupStatus,
  stage: ZGroupStage,
  communityName: z.string(),
  leaderName: z.string(),
  memberCount: z.number(),
  hasPartyBranch: z.boolean(),
});
export type TStaffGroupRow = z.output<typeof ZStaffGroupRow>;

/** The filed record as staff read it: every filed field, the leader's phone in full. */
export const ZStaffRecord = z.object({
  id: z.string(),
  name: z.string(),
  category: ZCategory,
  status: ZGroupStatus,
  stage: ZGroupStage,
  stageSince: z.number().nullable(),
  communityId: z.string(),
  communityName: z.string(),
  purpose: z.string(),
  leaderName: z.string(),
  leaderMobile: z.string(),
  memberCount: z.number(),
  venue: z.string(),
  activityTime: z.string(),
  charter: z.string(),
  supervisor: z.string(),
  partyMemberCount: z.number(),
  hasPartyBranch: z.boolean(),
  /** 0 for a hobby circle not filed yet. */
  filedAt: z.number(),
  dissolvedAt: z.number().nullable(),
});
export type TStaffRecord = z.output<typeof ZStaffRecord>;

/** One filing of the group with every transition it went through (the audit log), oldest transition first. */
export const ZTimelineFiling = z.object({
  id: z.string(),
  kind: ZFilingKind,
  status: ZFilingStatus,
  submittedAt: z.number().nullable(),
  decidedAt: z.number().nullable(),
  steps: z.array(ZHistoryEntry),
});
export type TTimelineFiling = z.output<typeof ZTimelineFiling>;

/** A recent event the group hosted, with what its record says. */
export const ZStaffEvent = z.object({
  id: z.string(),
  title: z.string(),
  startAt: z.number(),
  status: z.string(),
  registeredCount: z.number(),
  checkedInCount: z.number(),
  hasRecord: z.boolean(),
  attendance: z.number().nullable(),
  volunteerMinutes: z.number().nullable(),
  summary: z.string().nullable(),
  photoCount: z.number(),
});
export type TStaffEvent = z.output<typeof ZStaffEvent>;

/** The group's recorded figures over the last 12 months (its monthly counters, events/stats.ts). */
export const ZYearFigures = z.object({ eventsHeld: z.number(), attendances: z.number(), volunteerMinutes: z.number() });

export const ZStaffGroupView = z.object({
  record: ZStaffRecord,
  /** Newest filing first. */
  filings: z.array(ZTimelineFiling),
  /** Active members, earliest joined first: the first page (later pages: manage.members). Phones in full. */
  roster: zPage(ZMemberRow),
  subCommittees: z.array(ZSubCommittee),
  recentEvents: z.array(ZStaffEvent),
  year: ZYearFigures,
  /** The latest social workers' notes (all of them, and the stage change, on the growth page). */
  notes: z.array(ZNoteView),
});
export type TStaffGroupView = z.output<typeof ZStaffGroupView>;

export const workbenchFunction = defineFunction('workbench', {
  /** Groups in the caller's scope (one community when asked), most recently active first; filed ones unless `status` says. */
  groups: {
    input: z.strictObject({ cursor: zCursor, communityId: zId('社区').optional(), status: ZGroupStatus.optional() }),
    output: zPage(ZStaffGroupRow),
  },
  /** A group's staff view in one call: record, filing timeline, roster with phones, events, stage and notes. */
  group: { input: z.strictObject({ groupId: zId('组织编号') }), output: z.object({ group: ZStaffGroupView }) },
});
export type TWorkbenchFunction = typeof workbenchFunction;
