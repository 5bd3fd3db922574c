import { z } from 'zod';
import './validation';
import { defineFunction, zPage } from './define';
import { zCursor, zId, zMobile, zOptionalText } from './fields';
import { GROUP_LIMITS } from './form-limits';
import { ZCategory } from './filings';
import { ZGroupStage } from './growth';
import { GROUP_ROLES, JOIN_POLICIES, MEMBERSHIP_STATUSES } from './membership';

export const ZGroupRole = z.enum(GROUP_ROLES);
export const ZMembershipStatus = z.enum(MEMBERSHIP_STATUSES);
export const ZJoinPolicy = z.enum(JOIN_POLICIES, { error: '请选择加入方式' });

/** A directory row: enough to choose, nothing private. */
export const ZGroupCard = z.object({
  id: z.string(),
  name: z.string(),
  category: ZCategory,
  intro: z.string(),
  memberCount: z.number(),
  activityTime: z.string(),
  hasPartyBranch: z.boolean(),
  /** 已备案 or 示范 in the directory (docs/growth.md). */
  stage: ZGroupStage,
});
export type TGroupCard = z.output<typeof ZGroupCard>;

export const ZSubCommittee = z.object({
  id: z.string(),
  name: z.string(),
  intro: z.string(),
  leadName: z.string(),
  memberCount: z.number(),
});
export type TSubCommittee = z.output<typeof ZSubCommittee>;

/** The caller's own relation to a group, so the page can offer 申请加入 / 取消申请 / 退出 / 管理. */
export const ZMyMembership = z.object({
  id: z.string(),
  status: ZMembershipStatus,
  role: ZGroupRole,
});

/** The public page of a filed group. The leader's phone is masked (138****5678) for everyone here. */
export const ZGroupDetail = z.object({
  id: z.string(),
  name: z.string(),
  category: ZCategory,
  communityId: z.string(),
  communityName: z.string(),
  intro: z.string(),
  coverText: z.string(),
  activityTime: z.string(),
  venue: z.string(),
  memberCount: z.number(),
  charter: z.string(),
  supervisor: z.string(),
  leaderName: z.string(),
  leaderMobileMasked: z.string(),
  hasPartyBranch: z.boolean(),
  partyMemberCount: z.number(),
  joinPolicy: ZJoinPolicy,
  /** 兴趣小组 / 培育中 (not filed yet: `filedAt` is 0) or 已备案 / 示范 (docs/growth.md). */
  stage: ZGroupStage,
  filedAt: z.number(),
  subCommittees: z.array(ZSubCommittee),
  myMembership: ZMyMembership.nullable(),
  /** Leader or deputy: may open the management pages. */
  canManage: z.boolean(),
  /** A change or dissolution filing is waiting for review. */
  hasPendingFiling: z.boolean(),
  /** Join requests waiting for a decision: for the group's leader and deputies; 0 for everyone else. */
  waitingRequests: z.number(),
  /** 年度确认 (docs/on-behalf.md) of a filed group: this year (China time) and whether it confirmed it; null for circles. */
  annual: z.object({ year: z.number(), confirmed: z.boolean() }).nullable(),
});
export type TGroupDetail = z.output<typeof ZGroupDetail>;

/** A row of 「我的」 → 我加入的组织. */
export const ZMyGroup = z.object({
  membershipId: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  status: ZMembershipStatus,
  role: ZGroupRole,
  note: z.string().nullable(),
  updatedAt: z.number(),
  /** Join requests waiting, when I lead or deputise this group (0 otherwise): the badge on the row. */
  waitingRequests: z.number(),
});
export type TMyGroup = z.output<typeof ZMyGroup>;

export const ZSearchQuery = zOptionalText('搜索内容', GROUP_LIMITS.query);

export const groupsFunction = defineFunction('groups', {
  /** Filed groups of a community, most recently active first; `q` searches names and introductions. */
  directory: {
    input: z.strictObject({ communityId: zId('社区'), category: ZCategory.optional(), q: ZSearchQuery.optional(), cursor: zCursor }),
    output: zPage(ZGroupCard),
  },
  detail: { input: z.strictObject({ groupId: zId('组织编号') }), output: z.object({ group: ZGroupDetail }) },
  /** 申请加入: joins at once when the group is open, else waits for the leader. Repeating it changes nothing. */
  join: {
    input: z.strictObject({
      groupId: zId('组织编号'),
      message: zOptionalText('申请留言', GROUP_LIMITS.joinMessage).optional(),
      mobile: zMobile('联系电话').optional(),
    }),
    output: z.object({ membership: ZMyMembership }),
  },
  cancelJoin: { input: z.strictObject({ groupId: zId('组织编号') }), output: z.object({ membership: ZMyMembership }) },
  leave: { input: z.strictObject({ groupId: zId('组织编号') }), output: z.object({ membership: ZMyMembership }) },
  mine: { input: z.strictObject({ cursor: zCursor }), output: zPage(ZMyGroup) },
});
export type TGroupsFunction = typeof groupsFunction;
