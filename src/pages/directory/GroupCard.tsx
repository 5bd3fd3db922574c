import { View } from '@tarojs/components';
import type { TGroupCard } from '../../../types';
import { GROUP_CATEGORY_LABELS } from '../../../types/domain';
import { PartyBadge } from '../../components/PartyBadge';
import { StageTag } from '../../components/StageTag';
import { tappable } from '../../components/Tappable';

export function GroupCard({ group, onOpen }: { group: TGroupCard; onOpen: (id: string) => void }) {
  return (
    <View {...tappable()} id={`group-${group.id}`} className='card group-card' onClick={() => onOpen(group.id)}>
      <View className='card__row'>
        <View className='card__title group-card__name'>{group.name}</View>
      </View>
      <View className='card__row group-card__tags'>
        <StageTag stage={group.stage} />
        <View className='category-tag'>{GROUP_CATEGORY_LABELS[group.category]}</View>
        {group.hasPartyBranch ? <PartyBadge /> : null}
      </View>
      {group.intro ? <View className='group-card__intro'>{group.intro}</View> : null}
      <View className='card__meta'>成员 {group.memberCount} 人</View>
      {group.activityTime ? <View className='card__meta'>活动时间：{group.activityTime}</View> : null}
      <View className='group-card__more'>查看详情 ›</View>
    </View>
  );
}
