/**
 * Labels of the incubation base, repeated from types/incubation.ts and types/growth.ts (their schemas carry zod):
 * the tabs and the base's pages import only types from there, so zod stays out of the main package.
 */
import type { TGroupStage } from '../../types/growth';
import type { TEnrollmentStatus, TNeedCategory, TNeedStatus } from '../../types/incubation';

export const NEED_CATEGORY_LABELS: Record<TNeedCategory, string> = {
  learning: '学习培训',
  culture_sports: '文体兴趣',
  care: '关爱陪伴',
  health: '健康养生',
  other: '其他',
};
export const NEED_CATEGORY_ORDER: TNeedCategory[] = ['learning', 'culture_sports', 'care', 'health', 'other'];

export const NEED_STATUS_LABELS: Record<TNeedStatus, string> = {
  collecting: '收集中',
  arranged: '已安排',
  declined: '暂不能安排',
  merged: '已合并',
};

export const ENROLLMENT_STATUS_LABELS: Record<TEnrollmentStatus, string> = { enrolled: '已报名', waitlisted: '候补中', cancelled: '已取消' };

export const GROUP_STAGE_LABELS: Record<TGroupStage, string> = {
  circle: '兴趣小组',
  incubating: '培育中',
  filed: '已备案',
  model: '示范',
};
export const GROUP_STAGE_ORDER: TGroupStage[] = ['circle', 'incubating', 'filed', 'model'];

/** 兴趣小组 / 培育中 are not filed yet, and say so wherever they are listed. */
export function isUnfiled(stage: TGroupStage | null | undefined): boolean {
  return stage === 'circle' || stage === 'incubating';
}
