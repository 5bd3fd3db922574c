import { GROUP_STAGE_LABELS, UNFILED_STAGES, type TGroupStage, type TStageView } from '../../../types/growth';
import type { TGroupDoc } from '../collections';

/** A group's stage; a group stored before stages existed has none: a circle reads 兴趣小组, anything else 已备案. */
export function stageOf(group: Pick<TGroupDoc, 'status' | 'stage'>): TGroupStage {
  return group.stage ?? (group.status === 'circle' ? 'circle' : 'filed');
}

export function isUnfiledStage(stage: TGroupStage): boolean {
  return UNFILED_STAGES.includes(stage);
}

export function toStageView(group: TGroupDoc): TStageView {
  const stage = stageOf(group);
  return {
    groupId: group._id,
    stage,
    stageLabel: GROUP_STAGE_LABELS[stage],
    stageSince: group.stageSince ?? (group.filedAt || group.createdAt),
    stageReason: group.stageReason ?? null,
  };
}

/**
 * Which stage a social worker may move a group to: before filing 兴趣小组 ↔ 培育中, after filing 已备案 ↔ 示范.
 * 已备案 itself is reached only by an approved filing. Returns the refusal in words, or null.
 */
export function stageMoveProblem(group: TGroupDoc, to: TGroupStage): string | null {
  const unfiled = group.status === 'circle';
  if (unfiled && !isUnfiledStage(to)) return '兴趣小组还没有备案：请先提交成立报备，通过后才是已备案或示范组织';
  if (!unfiled && isUnfiledStage(to)) return '已备案的组织不能改回兴趣小组或培育中，可在走访记录中写明需要的帮助';
  return null;
}
