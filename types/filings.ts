import { z } from 'zod';
import './validation';
import { defineFunction, zPage } from './define';
import { DECISION_COMMENT_REQUIRED, DECISIONS, FILING_KINDS, FILING_STATUSES, GROUP_CATEGORIES } from './domain';
import { zCount, zCursor, zId, zMobile, zOptionalText, zRequestId, zText } from './fields';
import { FILING_LIMITS } from './form-limits';

export { FILING_LIMITS };
const L = FILING_LIMITS;

export const ZCategory = z.enum(GROUP_CATEGORIES, { error: '请选择类别' });

export const ZRosterEntry = z.strictObject({
  name: zText('成员姓名', L.person),
  mobile: zMobile('成员手机号').optional(),
});

/** What a 社区社会组织备案 asks for, as the reviewer will check it on submit. */
const fullShape = {
  name: zText('组织名称', L.name, 2),
  category: ZCategory,
  communityId: zId('所属社区'),
  purpose: zText('宗旨与主要活动', L.purpose, 10),
  leaderName: zText('负责人姓名', L.person),
  leaderMobile: zMobile('负责人手机号'),
  memberCount: zCount('成员人数', 1, L.members),
  roster: z.array(ZRosterEntry).max(L.roster, `花名册最多${L.roster}人`).optional(),
  venue: zText('活动场所', L.venue),
  activityTime: zText('活动时间', L.activityTime),
  charter: zText('章程', L.charter, 20),
  supervisor: zText('指导单位', L.supervisor),
  partyMemberCount: zCount('党员人数', 0, L.members),
  hasPartyBranch: z.boolean({ error: '请选择是否已建立党支部' }),
  /** The hobby circle this filing files (docs/growth.md): on approval that group becomes the filed one, keeping its members. */
  fromGroupId: zId('兴趣小组').optional(),
};

/**
 * A draft saves as the leader types, so it accepts half-typed values (a mobile number of 5 digits) but still
 * bounds every length: formats are enforced on submit, sizes always.
 */
const draftShape = {
  name: zOptionalText('组织名称', L.name),
  category: ZCategory,
  communityId: zId('所属社区'),
  purpose: zOptionalText('宗旨与主要活动', L.purpose),
  leaderName: zOptionalText('负责人姓名', L.person),
  leaderMobile: zOptionalText('负责人手机号', 20),
  memberCount: zCount('成员人数', 0, L.members),
  roster: z
    .array(z.strictObject({ name: zOptionalText('成员姓名', L.person), mobile: zOptionalText('成员手机号', 20).optional() }))
    .max(L.roster, `花名册最多${L.roster}人`),
  venue: zOptionalText('活动场所', L.venue),
  activityTime: zOptionalText('活动时间', L.activityTime),
  charter: zOptionalText('章程', L.charter),
  supervisor: zOptionalText('指导单位', L.supervisor),
  partyMemberCount: zCount('党员人数', 0, L.members),
  hasPartyBranch: z.boolean({ error: '请选择是否已建立党支部' }),
  fromGroupId: zId('兴趣小组').optional(),
};

type TCrossCheckable = { memberCount?: number; partyMemberCount?: number; hasPartyBranch?: boolean; roster?: unknown[] };

/** Rules between fields; each names the field the person should change. */
function crossCheck(v: TCrossCheckable, ctx: z.RefinementCtx) {
  if (v.partyMemberCount !== undefined && v.memberCount !== undefined && v.partyMemberCount > v.memberCount) {
    ctx.addIssue({ code: 'custom', path: ['partyMemberCount'], message: '党员人数不能多于成员人数' });
  }
  if (v.roster && v.memberCount !== undefined && v.roster.length > v.memberCount) {
    ctx.addIssue({ code: 'custom', path: ['memberCount'], message: '成员人数不能少于花名册中的人数' });
  }
  if (v.hasPartyBranch && (v.partyMemberCount ?? 0) < L.branchMinPartyMembers) {
    ctx.addIssue({
      code: 'custom',
      path: ['partyMemberCount'],
      message: `建立党支部需要至少${L.branchMinPartyMembers}名党员，请核对党员人数`,
    });
  }
}

export const ZFilingFields = z.strictObject(fullShape).superRefine(crossCheck);
export type TFilingFields = z.output<typeof ZFilingFields>;

export const ZFilingDraftFields = z.strictObject(draftShape).partial();
export type TFilingDraftFields = z.output<typeof ZFilingDraftFields>;

export const ZFilingStatus = z.enum(FILING_STATUSES);
export const ZFilingKind = z.enum(FILING_KINDS);
export const ZDecision = z.enum(DECISIONS, { error: '请选择审核结果' });

/** One filed field a change filing proposes to change, as the reviewer compares it: before → after. */
export const ZFieldChange = z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string() });
export type TFieldChange = z.output<typeof ZFieldChange>;

/** What the leader and the reviewer see of one filing. */
export const ZFilingView = z.object({
  id: z.string(),
  kind: ZFilingKind,
  status: ZFilingStatus,
  fields: ZFilingDraftFields,
  communityName: z.string().nullable(),
  groupId: z.string().nullable(),
  /** For change filings: each changed field, before → after. Empty for initial and dissolution filings. */
  changes: z.array(ZFieldChange),
  /** Why the leader asks for a change or dissolution. */
  reason: z.string().nullable(),
  /**
   * A filing returned at least once: each field the leader changed since the latest return, before → after
   * (empty when resubmitted unchanged). Null when it was never returned.
   */
  sinceReturn: z.array(ZFieldChange).nullable(),
  submittedAt: z.number().nullable(),
  decidedAt: z.number().nullable(),
  /** The reviewer's latest return comment or rejection reason, shown to the leader. */
  lastComment: z.string().nullable(),
  updatedAt: z.number(),
  version: z.number(),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), withdraw: z.boolean(), decide: z.boolean() }),
  /**
   * 代办 (docs/on-behalf.md): staff entered this filing for a leader who does not use a phone. Who entered it and for
   * whom, and whether that leader has since taken it over in the app. Null for a filing the leader made themselves.
   */
  onBehalf: z
    .object({ enteredByName: z.string(), enteredByRole: z.string(), leaderName: z.string(), claimed: z.boolean() })
    .nullable(),
});
export type TFilingView = z.output<typeof ZFilingView>;

export const ZHistoryEntry = z.object({
  at: z.number(),
  actorName: z.string(),
  from: ZFilingStatus.nullable(),
  to: ZFilingStatus,
  reason: z.string().nullable(),
});
export type THistoryEntry = z.output<typeof ZHistoryEntry>;

export const ZFilingSummary = z.object({
  id: z.string(),
  kind: ZFilingKind,
  status: ZFilingStatus,
  name: z.string(),
  communityName: z.string().nullable(),
  groupId: z.string().nullable(),
  updatedAt: z.number(),
  lastComment: z.string().nullable(),
});
export type TFilingSummary = z.output<typeof ZFilingSummary>;

export const ZQueueItem = z.object({
  id: z.string(),
  kind: ZFilingKind,
  name: z.string(),
  category: ZCategory.nullable(),
  communityName: z.string().nullable(),
  leaderName: z.string(),
  submittedAt: z.number(),
});
export type TQueueItem = z.output<typeof ZQueueItem>;

const ZFilingOnly = z.object({ filing: ZFilingView });

export const filingsFunction = defineFunction('filings', {
  /** Create (with `requestId`) or update (with `filingId`) a draft; also edits a returned or withdrawn filing. */
  saveDraft: {
    input: z
      .strictObject({ filingId: zId('报备编号').optional(), requestId: zRequestId.optional(), fields: ZFilingDraftFields })
      .refine((v) => Boolean(v.filingId) !== Boolean(v.requestId), {
        message: '请提供报备编号或请求编号之一',
        path: ['filingId'],
      }),
    output: ZFilingOnly,
  },
  submit: { input: z.strictObject({ filingId: zId('报备编号') }), output: ZFilingOnly },
  /**
   * 代办: a social worker (or officer) of the community starts a draft for a leader who cannot use a phone. The
   * leader's name and mobile are filed fields; the staff member owns the draft until the leader takes it over.
   */
  startOnBehalf: {
    input: z.strictObject({
      requestId: zRequestId,
      communityId: zId('所属社区'),
      leaderName: zText('负责人姓名', L.person),
      leaderMobile: zMobile('负责人手机号'),
    }),
    output: ZFilingOnly,
  },
  withdraw: { input: z.strictObject({ filingId: zId('报备编号') }), output: ZFilingOnly },
  get: {
    input: z.strictObject({ filingId: zId('报备编号') }),
    output: z.object({ filing: ZFilingView, history: z.array(ZHistoryEntry) }),
  },
  mine: { input: z.strictObject({ cursor: zCursor }), output: zPage(ZFilingSummary) },
  /** Submitted filings in the reviewer's scope, oldest first. `now` lets the client show each one's age. */
  queue: {
    input: z.strictObject({ cursor: zCursor }),
    output: zPage(ZQueueItem).extend({ now: z.number() }),
  },
  decide: {
    input: z
      .strictObject({
        filingId: zId('报备编号'),
        decision: ZDecision,
        comment: zOptionalText('审核意见', L.reviewComment).optional(),
      })
      .superRefine((v, ctx) => {
        if (v.decision !== 'approve' && !v.comment) {
          ctx.addIssue({ code: 'custom', path: ['comment'], message: DECISION_COMMENT_REQUIRED[v.decision] });
        }
      }),
    output: ZFilingOnly,
  },
});
export type TFilingsFunction = typeof filingsFunction;
