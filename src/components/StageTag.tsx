import { Text } from '@tarojs/components';
import type { TGroupStage } from '../../types/growth';
import { GROUP_STAGE_LABELS, isUnfiled } from '../lib/base-labels';

/** 兴趣小组 / 培育中 / 已备案 / 示范: where a group is on its way; the first two say plainly they are not filed yet. */
export function StageTag({ stage, id }: { stage: TGroupStage; id?: string }) {
  return (
    <Text id={id} className={`stage-tag stage-tag--${stage}`}>
      {GROUP_STAGE_LABELS[stage]}
      {isUnfiled(stage) ? '（未备案）' : ''}
    </Text>
  );
}
