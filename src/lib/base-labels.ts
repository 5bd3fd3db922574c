/**
 * Labels of the incubation base, from types/incubation-vocab.ts (no zod there, so importing them costs the
 * pages nothing), plus the orders and checks the pages use.
 */
import {
  ENROLLMENT_STATUS_LABELS,
  GROUP_STAGE_LABELS,
  GROUP_STAGES,
  NEED_CATEGORIES,
  NEED_CATEGORY_LABELS,
  NEED_STATUS_LABELS,
  UNFILED_STAGES,
  type TGroupStage,
  type TNeedCategory,
} from '../../types/incubation-vocab';

export { ENROLLMENT_STATUS_LABELS, GROUP_STAGE_LABELS, NEED_CATEGORY_LABELS, NEED_STATUS_LABELS };

export const NEED_CATEGORY_ORDER: readonly TNeedCategory[] = NEED_CATEGORIES;
export const GROUP_STAGE_ORDER: readonly TGroupStage[] = GROUP_STAGES;

/** 兴趣小组 / 培育中 are not filed yet, and say so wherever they are listed. */
export function isUnfiled(stage: TGroupStage | null | undefined): boolean {
  return stage != null && UNFILED_STAGES.includes(stage);
}
