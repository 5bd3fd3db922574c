import type { TGroupStage } from '../../types/growth';
import { GROUP_STAGE_LABELS, isUnfiled } from '../lib/base-labels';
import { Tag, type TTagTone } from './Tag';

const TONES: Record<TGroupStage, TTagTone> = { circle: 'amber', incubating: 'amber', filed: 'green', model: 'solid-green' };

/** 兴趣小组 / 培育中 / 已备案 / 示范: where a group is on its way; the first two say plainly they are not filed yet. */
export function StageTag({ stage, id }: { stage: TGroupStage; id?: string }) {
  return (
    <Tag tone={TONES[stage]} id={id} className='stage-tag'>
      {GROUP_STAGE_LABELS[stage]}
      {isUnfiled(stage) ? '（未备案）' : ''}
    </Tag>
  );
}
