import { Button, View } from '@tarojs/components';
import { useState } from 'react';
import type { TGroupDetail } from '../../../../types';
import { AddSubCommitteeForm } from './AddSubCommitteeForm';

/** 分会: the existing ones with lead and size, and the form to add one. */
export function SubCommitteeSection({ group, onChanged }: { group: TGroupDetail; onChanged: () => void }) {
  const [adding, setAdding] = useState(false);
  return (
    <View id='sc-section'>
      {group.subCommittees.length === 0 ? (
        <View className='card muted'>还没有分会。成员较多时，可以按兴趣或任务分成几个分会。</View>
      ) : (
        group.subCommittees.map((sc, i) => (
          <View key={sc.id} id={`sc-${i}`} className='card'>
            <View className='card__title'>{sc.name}</View>
            {sc.intro ? <View className='card__meta'>{sc.intro}</View> : null}
            <View className='card__meta'>
              负责人：{sc.leadName} · {sc.memberCount} 人
            </View>
          </View>
        ))
      )}
      {adding ? (
        <AddSubCommitteeForm
          groupId={group.id}
          onAdded={() => {
            setAdding(false);
            onChanged();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <Button id='btn-new-sc' className='btn btn--ghost' onClick={() => setAdding(true)}>
          ＋ 新增分会
        </Button>
      )}
    </View>
  );
}
