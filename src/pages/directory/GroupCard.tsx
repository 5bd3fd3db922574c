import { View } from '@tarojs/components';
import type { TGroupCard } from '../../../types';
import { Card } from '../../components/Card';
import { CategoryBadge } from '../../components/CategoryBadge';
import { CategoryTag } from '../../components/CategoryTag';
import { PartyBadge } from '../../components/PartyBadge';
import { StageTag } from '../../components/StageTag';

export function GroupCard({ group, onOpen }: { group: TGroupCard; onOpen: (id: string) => void }) {
  return (
    <Card
      id={`group-${group.id}`}
      className='group-card'
      badge={<CategoryBadge category={group.category} />}
      title={group.name}
      tags={
        <>
          <StageTag stage={group.stage} />
          <CategoryTag category={group.category} />
          {group.hasPartyBranch ? <PartyBadge /> : null}
        </>
      }
      more='查看详情'
      onOpen={() => onOpen(group.id)}
    >
      {group.intro ? <View className='card__intro'>{group.intro}</View> : null}
      <View className='card__meta'>成员 {group.memberCount} 人</View>
      {group.activityTime ? <View className='card__meta'>活动时间：{group.activityTime}</View> : null}
    </Card>
  );
}
