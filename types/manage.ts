import { z } from 'zod';
import './validation';
import { defineFunction, zPage } from './define';
import { zCursor, zId, zOptionalText, zRequestId, zText } from './fields';
import { FILING_LIMITS, ZCategory, ZFilingView } from './filings';
import { MANAGE_LIMITS } from './form-limits';
import { ZGroupDetail, ZGroupRole, ZJoinPolicy, ZMembershipStatus, ZSubCommittee } from './groups';

/**
 * A roster row. `mobile` is filled only for the group's leader and deputies and the community's social
 * workers; everyone else gets null.
 */
export const ZMemberRow = z.object({
  id: z.string(),
  name: z.string(),
  role: ZGroupRole,
  status: ZMembershipStatus,
  mobile: z.string().nullable(),
  message: z.string().nullable(),
  note: z.string().nullable(),
  subCommitteeId: z.string().nullable(),
  requestedAt: z.number(),
  joinedAt: z.number().nullable(),
});
export type TMemberRow = z.output<typeof ZMemberRow>;

const ZMemberOnly = z.object({ member: ZMemberRow });
const ZNote = zOptionalText('备注', MANAGE_LIMITS.note);

/** Proposed values for filed fields; at least one, each different from the record. */
export const ZChangeRequest = z
  .strictObject({
    name: zText('组织名称', FILING_LIMITS.name, 2).optional(),
    category: ZCategory.optional(),
    charter: zText('章程', FILING_LIMITS.charter, 20).optional(),
    venue: zText('活动场所', FILING_LIMITS.venue).optional(),
    /** Leadership transfer: an active member who becomes the leader once the change is approved. */
    leaderMembershipId: zId('新负责人').optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: '请至少修改一项备案内容', path: ['_'] });
export type TChangeRequest = z.output<typeof ZChangeRequest>;

export const manageFunction = defineFunction('manage', {
  /** The roster (active) or the join requests (pending), for the group's leader, deputies and social workers. */
  members: {
    input: z.strictObject({ groupId: zId('组织编号'), status: z.enum(['pending', 'active']), cursor: zCursor }),
    output: zPage(ZMemberRow),
  },
  /**
   * 成员管理's first screen in one call: the group (public, as `groups.detail` shows it) and the first page of one
   * list, which is null for anyone who may not list members (the page then says it is for managers).
   */
  membersOverview: {
    input: z.strictObject({ groupId: zId('组织编号'), status: z.enum(['pending', 'active']) }),
    output: z.object({ group: ZGroupDetail, members: zPage(ZMemberRow).nullable() }),
  },
  decideJoin: {
    input: z.strictObject({ membershipId: zId('成员编号'), decision: z.enum(['approve', 'decline'], { error: '请选择同意或拒绝' }), note: ZNote.optional() }),
    output: ZMemberOnly,
  },
  removeMember: { input: z.strictObject({ membershipId: zId('成员编号'), note: ZNote.optional() }), output: ZMemberOnly },
  /** Leader only: appoint (true) or dismiss (false) a deputy. */
  setDeputy: { input: z.strictObject({ membershipId: zId('成员编号'), deputy: z.boolean() }), output: ZMemberOnly },
  /** Minor fields apply at once; filed fields go through `fileChange`. */
  update: {
    input: z
      .strictObject({
        groupId: zId('组织编号'),
        intro: zText('简介', FILING_LIMITS.purpose, 10).optional(),
        coverText: zOptionalText('封面标语', MANAGE_LIMITS.coverText).optional(),
        activityTime: zText('活动时间', FILING_LIMITS.activityTime).optional(),
        joinPolicy: ZJoinPolicy.optional(),
      })
      .refine((v) => Object.keys(v).length > 1, { message: '没有需要保存的修改', path: ['_'] }),
    output: z.object({ group: ZGroupDetail }),
  },
  addSubCommittee: {
    input: z.strictObject({
      groupId: zId('组织编号'),
      requestId: zRequestId,
      name: zText('分会名称', MANAGE_LIMITS.subCommitteeName, 2),
      intro: zOptionalText('分会简介', MANAGE_LIMITS.subCommitteeIntro).optional(),
      leadMembershipId: zId('分会负责人'),
    }),
    output: z.object({ subCommittee: ZSubCommittee }),
  },
  /** Puts an active member into a sub-committee, or (null) takes them out. */
  assignSubCommittee: {
    input: z.strictObject({ membershipId: zId('成员编号'), subCommitteeId: zId('分会').nullable() }),
    output: ZMemberOnly,
  },
  /** 变更报备: a filing the community's social worker reviews, field by field. */
  fileChange: {
    input: z.strictObject({
      groupId: zId('组织编号'),
      requestId: zRequestId,
      changes: ZChangeRequest,
      reason: zOptionalText('变更原因', MANAGE_LIMITS.changeReason).optional(),
    }),
    output: z.object({ filing: ZFilingView }),
  },
  /** 年度确认: the leader or a deputy confirms the filed record is still true this year. Repeating it changes nothing. */
  confirmYear: {
    input: z.strictObject({ groupId: zId('组织编号') }),
    output: z.object({ annual: z.object({ year: z.number(), confirmed: z.boolean() }) }),
  },
  /** 注销报备: leader only; the group leaves the directory once approved, its history stays. */
  dissolve: {
    input: z.strictObject({ groupId: zId('组织编号'), requestId: zRequestId, reason: zText('注销原因', MANAGE_LIMITS.dissolveReason, 2) }),
    output: z.object({ filing: ZFilingView }),
  },
});
export type TManageFunction = typeof manageFunction;
