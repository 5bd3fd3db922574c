import { View } from '@tarojs/components';
import type { TQueueItem } from '../../../../types';
import { FILING_KIND_LABELS, GROUP_CATEGORY_LABELS } from '../../../../types/domain';
import { StatusTag } from '../../../components/StatusTag';
import { Tag } from '../../../components/Tag';
import { tappable } from '../../../components/Tappable';
import { ageLabel } from '../../labels';

/** One filing of the queue: what it is, where from, who leads it, and how long it has waited (red once overdue). */
export function QueueRow({ item, now, onOpen }: { item: TQueueItem; now: number; onOpen: (item: TQueueItem) => void }) {
  const status = item.status === 'draft' ? 'submitted' : item.status;
  return (
    <View {...tappable()} id={`queue-item-${item.id}`} className='card queue-item' onClick={() => onOpen(item)}>
      <View className='card__title'>{item.name}</View>
      <View className='card__row'>
        {/* Changes and dissolutions stand out: the reviewer checks them differently from a new group. */}
        <View id={`queue-kind-${item.id}`} className={item.kind === 'initial' ? 'category-tag' : 'kind-tag'}>
          {FILING_KIND_LABELS[item.kind]}
        </View>
        {item.category ? <View className='category-tag'>{GROUP_CATEGORY_LABELS[item.category]}</View> : null}
        {item.status !== 'submitted' ? <StatusTag status={item.status} /> : null}
      </View>
      <View className='card__meta'>
        {item.communityName ?? '—'} · 负责人 {item.leaderName}
      </View>
      <View className='card__row'>
        <View id={`queue-age-${item.id}`} className={item.overdue ? 'wb-age wb-age--overdue' : 'wb-age'}>
          {ageLabel(status, item.submittedAt, now)}
        </View>
        {item.overdue ? (
          <Tag tone='solid-red' id={`queue-overdue-${item.id}`}>
            已超期
          </Tag>
        ) : null}
      </View>
    </View>
  );
}
