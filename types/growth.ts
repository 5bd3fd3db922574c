import { z } from 'zod';
import './validation';
import { defineFunction, zPage } from './define';
import { zCount, zCursor, zId, zMobile, zOptionalText, zRequestId, zText } from './fields';
import { FILING_LIMITS, ZCategory } from './filings';
import { GROUP_STAGES } from './incubation-vocab';
import { GROWTH_LIMITS } from './form-limits';
export * from './incubation-vocab';

/**
 * The incubation path (docs/growth.md): 兴趣小组 (a hobby circle, not yet filed) → 培育中 → 已备案 → 示范.
 * The first two are unfiled (the group's status is `circle`), the last two are filed (status `active`).
 * A group stored before stages existed has no stage and reads as 已备案.
 */
export const ZGroupStage = z.enum(GROUP_STAGES, { error: '请选择阶段' });

export const NOTE_KINDS = ['visit', 'advice', 'problem', 'stage'] as const;
export type TNoteKind = (typeof NOTE_KINDS)[number];
export const NOTE_KIND_LABELS: Record<TNoteKind, string> = { visit: '走访', advice: '建议', problem: '问题', stage: '阶段调整' };

export { GROWTH_LIMITS };

/** A hobby circle (or a group being incubated) as residents see it in the 兴趣小组 list: never counted as filed. */
export const ZCircleCard = z.object({
  id: z.string(),
  name: z.string(),
  category: ZCategory,
  intro: z.string(),
  stage: ZGroupStage,
  stageLabel: z.string(),
  memberCount: z.number(),
  activityTime: z.string(),
  contactName: z.string(),
});
export type TCircleCard = z.output<typeof ZCircleCard>;

export const ZStageView = z.object({
  groupId: z.string(),
  stage: ZGroupStage,
  stageLabel: z.string(),
  /** When the group reached this stage and why (null for a stage it was filed or created with). */
  stageSince: z.number(),
  stageReason: z.string().nullable(),
});
export type TStageView = z.output<typeof ZStageView>;

export const ZNoteView = z.object({
  id: z.string(),
  groupId: z.string(),
  kind: z.enum(NOTE_KINDS),
  kindLabel: z.string(),
  /** The day it is about (a visit's date), as chosen by the social worker. */
  at: z.number(),
  text: z.string(),
  authorName: z.string(),
  createdAt: z.number(),
});
export type TNoteView = z.output<typeof ZNoteView>;

export const ZQuietGroup = z.object({
  id: z.string(),
  name: z.string(),
  stage: ZGroupStage,
  stageLabel: z.string(),
  /** Start of the group's latest held (recorded) event; null if it never held one. */
  lastEventAt: z.number().nullable(),
  /** The later of that and the day it was filed or created: the list is ordered by it, quietest first. */
  quietSince: z.number(),
  leaderName: z.string(),
});
export type TQuietGroup = z.output<typeof ZQuietGroup>;

/** 双孵化 facts of one group, as the community's social worker verified them. */
export const ZPartyFacts = z.object({
  groupId: z.string(),
  hasPartyBranch: z.boolean(),
  partyMemberCount: z.number(),
  /** Party members among the leader and deputies. */
  partyLeaderCount: z.number(),
  /** The leader is a Party member the group nominated (党员推荐为负责人). */
  nominatedPartyLeader: z.boolean(),
});
export type TPartyFacts = z.output<typeof ZPartyFacts>;

/** A community's counts, read from counters moved with the facts (never a scan). */
export const ZGrowthOverview = z.object({
  communityId: z.string(),
  filedGroups: z.number(),
  modelGroups: z.number(),
  circles: z.number(),
  incubating: z.number(),
  partyBranches: z.number(),
  partyMembers: z.number(),
  partyLeaders: z.number(),
});
export type TGrowthOverview = z.output<typeof ZGrowthOverview>;

export const ZCreateCircle = z.strictObject({
  communityId: zId('所属社区'),
  requestId: zRequestId,
  name: zText('兴趣小组名称', FILING_LIMITS.name, 2),
  category: ZCategory,
  intro: zText('兴趣小组简介', FILING_LIMITS.purpose, 10),
  activityTime: zOptionalText('活动时间', FILING_LIMITS.activityTime).optional(),
  /** The contact person. A resident who creates a circle is its contact; a social worker names one. */
  contactName: zText('联系人姓名', FILING_LIMITS.person),
  contactMobile: zMobile('联系人手机号'),
});

const ZPartyFactsInput = z
  .strictObject({
    groupId: zId('组织编号'),
    hasPartyBranch: z.boolean({ error: '请选择是否已建立党支部' }),
    partyMemberCount: zCount('党员人数', 0, FILING_LIMITS.members),
    partyLeaderCount: zCount('负责人中的党员人数', 0, FILING_LIMITS.members),
    nominatedPartyLeader: z.boolean({ error: '请选择负责人是否为组织推荐的党员' }),
  })
  .superRefine((v, ctx) => {
    if (v.partyLeaderCount > v.partyMemberCount) {
      ctx.addIssue({ code: 'custom', path: ['partyLeaderCount'], message: '负责人中的党员人数不能多于党员人数' });
    }
    if (v.nominatedPartyLeader && v.partyLeaderCount < 1) {
      ctx.addIssue({ code: 'custom', path: ['partyLeaderCount'], message: '负责人是党员时，负责人中的党员人数至少为1' });
    }
    if (v.hasPartyBranch && v.partyMemberCount < FILING_LIMITS.branchMinPartyMembers) {
      ctx.addIssue({
        code: 'custom',
        path: ['partyMemberCount'],
        message: `建立党支部需要至少${FILING_LIMITS.branchMinPartyMembers}名党员，请核对党员人数`,
      });
    }
  });

/** A filed group that has not confirmed its record this year. The leader's full phone: staff only. */
export const ZUnconfirmedGroup = z.object({
  id: z.string(),
  name: z.string(),
  leaderName: z.string(),
  leaderMobile: z.string(),
  /** The last year it confirmed; null if never. */
  confirmedYear: z.number().nullable(),
  filedAt: z.number(),
});
export type TUnconfirmedGroup = z.output<typeof ZUnconfirmedGroup>;

export const growthFunction = defineFunction('growth', {
  /** 新建兴趣小组: a resident (who becomes its contact) or a social worker of the community. */
  createCircle: { input: ZCreateCircle, output: z.object({ circle: ZCircleCard }) },
  /** A community's hobby circles and groups being incubated, newest activity first: public, never mixed with filed groups. */
  circles: { input: z.strictObject({ communityId: zId('社区'), cursor: zCursor }), output: zPage(ZCircleCard) },
  /** Social workers of the community: 兴趣小组 ↔ 培育中 before filing, 已备案 ↔ 示范 after it, with a reason. */
  setStage: {
    input: z.strictObject({
      groupId: zId('组织编号'),
      stage: ZGroupStage,
      reason: zText('调整原因', GROWTH_LIMITS.reason, 2),
    }),
    output: z.object({ stage: ZStageView }),
  },
  /** Social workers' dated notes on a group (visits, advice, problems): staff only. */
  addNote: {
    input: z.strictObject({
      groupId: zId('组织编号'),
      requestId: zRequestId,
      kind: z.enum(['visit', 'advice', 'problem'], { error: '请选择记录类型（走访、建议或问题）' }),
      at: z.number({ error: '请选择日期' }).int('日期格式不正确'),
      text: zText('记录内容', GROWTH_LIMITS.note, 2),
    }),
    output: z.object({ note: ZNoteView }),
  },
  notes: {
    input: z.strictObject({ groupId: zId('组织编号'), cursor: zCursor }),
    output: zPage(ZNoteView).extend({ stage: ZStageView }),
  },
  /** The community's groups and circles with no held event in 90 days, quietest first. */
  quietGroups: {
    input: z.strictObject({ communityId: zId('社区'), cursor: zCursor }),
    output: zPage(ZQuietGroup).extend({ since: z.number() }),
  },
  /** 双孵化: the social worker records the facts they verified (a leader reports changes to them). */
  setPartyFacts: { input: ZPartyFactsInput, output: z.object({ facts: ZPartyFacts, overview: ZGrowthOverview }) },
  partyFacts: { input: z.strictObject({ groupId: zId('组织编号') }), output: z.object({ facts: ZPartyFacts }) },
  /**
   * 年度确认 (docs/on-behalf.md): the community's filed groups that have not confirmed this year (China time), with
   * leader and phone so staff can remind them; `total` is the count for the header. Staff of the community only.
   */
  unconfirmed: {
    input: z.strictObject({ communityId: zId('社区'), cursor: zCursor }),
    output: zPage(ZUnconfirmedGroup).extend({ year: z.number(), total: z.number() }),
  },
  /** The community's counts: filed groups, branches, Party members, circles. */
  overview: { input: z.strictObject({ communityId: zId('社区') }), output: z.object({ overview: ZGrowthOverview }) },
});
export type TGrowthFunction = typeof growthFunction;
