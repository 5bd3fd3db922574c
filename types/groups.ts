import { z } from 'zod';
import './validation';
import { defineFunction, zPage } from './define';
import { zCursor, zId } from './fields';
import { ZCategory } from './filings';

/** A directory row: enough to choose, nothing private. */
export const ZGroupCard = z.object({
  id: z.string(),
  name: z.string(),
  category: ZCategory,
  intro: z.string(),
  memberCount: z.number(),
  activityTime: z.string(),
  hasPartyBranch: z.boolean(),
});
export type TGroupCard = z.output<typeof ZGroupCard>;

/** The public page of a filed group. The leader's phone is masked (138****5678) for everyone here. */
export const ZGroupDetail = z.object({
  id: z.string(),
  name: z.string(),
  category: ZCategory,
  communityId: z.string(),
  communityName: z.string(),
  intro: z.string(),
  activityTime: z.string(),
  venue: z.string(),
  memberCount: z.number(),
  charter: z.string(),
  supervisor: z.string(),
  leaderName: z.string(),
  leaderMobileMasked: z.string(),
  hasPartyBranch: z.boolean(),
  partyMemberCount: z.number(),
  filedAt: z.number(),
});
export type TGroupDetail = z.output<typeof ZGroupDetail>;

export const groupsFunction = defineFunction('groups', {
  directory: {
    input: z.strictObject({ communityId: zId('社区'), category: ZCategory.optional(), cursor: zCursor }),
    output: zPage(ZGroupCard),
  },
  detail: { input: z.strictObject({ groupId: zId('组织编号') }), output: z.object({ group: ZGroupDetail }) },
});
export type TGroupsFunction = typeof groupsFunction;
