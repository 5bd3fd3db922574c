/**
 * Vocabularies of the incubation base (needs, enrollments, group stages) with the labels people read. No zod
 * here, so the mini program's pages import them at no cost to their package; the contracts in
 * types/incubation.ts and types/growth.ts re-export them.
 */

export const NEED_CATEGORIES = ['learning', 'culture_sports', 'care', 'health', 'other'] as const;
export type TNeedCategory = (typeof NEED_CATEGORIES)[number];
export const NEED_CATEGORY_LABELS: Record<TNeedCategory, string> = {
  learning: '学习培训',
  culture_sports: '文体兴趣',
  care: '关爱陪伴',
  health: '健康养生',
  other: '其他',
};

/** `merged` needs live on in the one they were merged into; lists never show them. */
export const NEED_STATUSES = ['collecting', 'arranged', 'declined', 'merged'] as const;
export type TNeedStatus = (typeof NEED_STATUSES)[number];
export const NEED_STATUS_LABELS: Record<TNeedStatus, string> = {
  collecting: '收集中',
  arranged: '已安排',
  declined: '暂不能安排',
  merged: '已合并',
};
/** What a social worker may answer by hand (已安排 also comes with a course or a circle seed). */
export const NEED_ANSWERS = ['collecting', 'arranged', 'declined'] as const;

export const ENROLLMENT_STATUSES = ['enrolled', 'waitlisted', 'cancelled'] as const;
export type TEnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
export const ENROLLMENT_STATUS_LABELS: Record<TEnrollmentStatus, string> = { enrolled: '已报名', waitlisted: '候补中', cancelled: '已取消' };

export const GROUP_STAGES = ['circle', 'incubating', 'filed', 'model'] as const;
export type TGroupStage = (typeof GROUP_STAGES)[number];
export const GROUP_STAGE_LABELS: Record<TGroupStage, string> = {
  circle: '兴趣小组',
  incubating: '培育中',
  filed: '已备案',
  model: '示范',
};
/** Stages of a group that has not been filed yet. */
export const UNFILED_STAGES: readonly TGroupStage[] = ['circle', 'incubating'];
