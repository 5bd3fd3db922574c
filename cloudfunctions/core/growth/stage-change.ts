import type { TGrowthFunction } from '../../../types/growth';
import { GROUP_STAGE_LABELS } from '../../../types/growth';
import { invalidFields } from '../app-error';
import { C, type TGroupDoc } from '../collections';
import type { TActionImpl } from '../dispatch';
import { authed } from '../guards';
import { moveGrowthCounters } from './counters';
import { insertNote } from './notes';
import { staffGroup } from './staff';
import { stageMoveProblem, stageOf, toStageView } from './stages';

type TImpl = TActionImpl<TGrowthFunction['actions']>;

/**
 * 调整阶段: a social worker of the group's community moves it 兴趣小组 ↔ 培育中 (before filing) or 已备案 ↔ 示范
 * (after), with a reason. One transaction: the group, a dated 阶段调整 note with the reason, and the counters.
 * Asking for the stage it already has changes nothing.
 */
export const setStage: TImpl['setStage'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const group = await ctx.store.transaction(async (tx) => {
    const { group, user } = await staffGroup(ctx, input.groupId, 'public', tx);
    const from = stageOf(group);
    if (from === input.stage) return group;
    const problem = stageMoveProblem(group, input.stage);
    if (problem) throw invalidFields({ stage: problem });
    const now = ctx.clock.now();
    const patch = { stage: input.stage, stageSince: now, stageReason: input.reason };
    await tx.update(C.groups, group._id, patch);
    const after: TGroupDoc = { ...group, ...patch };
    await moveGrowthCounters(tx, group.communityId, group, after);
    await insertNote(tx, {
      _id: ctx.ids.next('n'),
      groupId: group._id,
      communityId: group.communityId,
      kind: 'stage',
      at: now,
      text: `${GROUP_STAGE_LABELS[from]} → ${GROUP_STAGE_LABELS[input.stage]}：${input.reason}`,
      authorOpenid: ctx.caller.openid,
      authorName: user.displayName,
    });
    return after;
  });
  return { stage: toStageView(group) };
};
