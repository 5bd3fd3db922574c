import { Text, View } from '@tarojs/components';
import type { TMyGroup } from '../../../types';
import { GROUP_ROLE_LABELS, MEMBERSHIP_STATUS_LABELS } from '../../../types/membership';
import { formatDateTime } from '../../lib/time';
import { tappable } from '../../components/Tappable';

/** One group I joined or asked to join; a declined request shows the leader's words right here. */
export function MyGroupItem({ item, onOpen }: { item: TMyGroup; onOpen: (groupId: string) => void }) {
  const showNote = (item.status === 'declined' || item.status === 'removed') && item.note;
  return (
    <View {...tappable()} id={`my-group-${item.groupId}`} className='card my-group' onClick={() => onOpen(item.groupId)}>
      <View className='card__row my-group__head'>
        <View className='card__title my-group__name'>{item.groupName}</View>
        <Text className={`status-tag member-status--${item.status}`}>{MEMBERSHIP_STATUS_LABELS[item.status]}</Text>
      </View>
      <View className='card__meta'>
        {item.status === 'active' ? `我的身份：${GROUP_ROLE_LABELS[item.role]} · ` : ''}更新于 {formatDateTime(item.updatedAt)}
      </View>
      {showNote ? (
        <View className='notice notice--rejected my-group__note'>
          <View className='notice__title'>负责人的说明</View>
          <View className='notice__text'>{item.note}</View>
        </View>
      ) : null}
    </View>
  );
}
