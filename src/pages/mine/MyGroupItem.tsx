import { View } from '@tarojs/components';
import type { TMyGroup } from '../../../types';
import { GROUP_ROLE_LABELS, MEMBERSHIP_STATUS_LABELS } from '../../../types/membership';
import { CountBadge } from '../../components/CountBadge';
import { Card } from '../../components/Card';
import { Tag, type TTagTone } from '../../components/Tag';
import { formatDateTime } from '../../lib/time';

/** Membership statuses, in the same colour language as the filing statuses. */
const TONES: Record<TMyGroup['status'], TTagTone> = {
  pending: 'amber',
  active: 'green',
  declined: 'red',
  removed: 'red',
  cancelled: 'grey',
  left: 'grey',
};

/** One group I joined or asked to join; a declined request shows the leader's words right here. */
export function MyGroupItem({ item, onOpen }: { item: TMyGroup; onOpen: (groupId: string) => void }) {
  const showNote = (item.status === 'declined' || item.status === 'removed') && item.note;
  return (
    <Card
      id={`my-group-${item.groupId}`}
      className='my-group'
      title={
        <>
          {item.groupName}
          <CountBadge id={`badge-group-${item.groupId}`} count={item.waitingRequests} label='待处理的入会申请' />
        </>
      }
      aside={<Tag tone={TONES[item.status]}>{MEMBERSHIP_STATUS_LABELS[item.status]}</Tag>}
      onOpen={() => onOpen(item.groupId)}
    >
      <View className='card__meta'>
        {item.status === 'active' ? `我的身份：${GROUP_ROLE_LABELS[item.role]} · ` : ''}更新于 {formatDateTime(item.updatedAt)}
      </View>
      {showNote ? (
        <View className='notice notice--rejected card__notice'>
          <View className='notice__title'>负责人的说明</View>
          <View className='notice__text'>{item.note}</View>
        </View>
      ) : null}
    </Card>
  );
}
