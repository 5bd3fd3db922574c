import { View } from '@tarojs/components';
import type { TSubCommittee } from '../../../../types';

/** 分会 under the group: who leads each, how many belong, what it does. */
export function SubCommitteeList({ items }: { items: TSubCommittee[] }) {
  if (items.length === 0) return null;
  return (
    <View id='group-subcommittees'>
      <View className='section-title'>分会（{items.length}个）</View>
      {items.map((sc, i) => (
        <View key={sc.id} id={`group-sc-${i}`} className='card sub-committee'>
          <View className='card__title'>{sc.name}</View>
          <View className='card__meta'>
            负责人：{sc.leadName} · 成员 {sc.memberCount} 人
          </View>
          {sc.intro ? <View className='sub-committee__intro'>{sc.intro}</View> : null}
        </View>
      ))}
    </View>
  );
}
