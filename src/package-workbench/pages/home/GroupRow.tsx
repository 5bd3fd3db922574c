import { View } from '@tarojs/components';
import type { TStaffGroupRow } from '../../../../types/workbench';
import { GROUP_CATEGORY_LABELS } from '../../../../types/domain';
import { PartyBadge } from '../../../components/PartyBadge';
import { StageTag } from '../../../components/StageTag';
import { tappable } from '../../../components/Tappable';

/** A group in scope, for the 社团 tab: opens its staff view. */
export function GroupRow({ group, onOpen }: { group: TStaffGroupRow; onOpen: (id: string) => void }) {
  return (
    <View {...tappable()} id={`wb-group-${group.id}`} className='card wb-group' onClick={() => onOpen(group.id)}>
      <View className='card__title'>{group.name}</View>
      <View className='card__row'>
        <View className='category-tag'>{GROUP_CATEGORY_LABELS[group.category]}</View>
        <StageTag stage={group.stage} />
        {group.hasPartyBranch ? <PartyBadge /> : null}
      </View>
      <View className='card__meta'>
        {group.communityName} · 负责人 {group.leaderName} · {group.memberCount} 人
      </View>
    </View>
  );
}
