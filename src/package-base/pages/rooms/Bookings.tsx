import { Button, Text, View } from '@tarojs/components';
import type { TBooking } from '../../../../types/base';
import { formatSlotTime } from '../../../../types/base-time';
import { timeRange } from './calendar-model';

const STATUS: Record<TBooking['status'], string> = { pending: '待审批', approved: '已预订', declined: '未通过', cancelled: '已取消' };

interface TProps {
  id: string;
  items: TBooking[];
  busyId: string | null;
  /** Staff deciding pending bookings. */
  decide?: (b: TBooking, decision: 'approve' | 'decline') => void;
  cancel?: (b: TBooking) => void;
}

/** Bookings as rows: room, when (first and how many weeks), status; cancel or decide. */
export function Bookings({ id, items, busyId, decide, cancel }: TProps) {
  return (
    <View id={id} className='card'>
      {items.map((b) => {
        const first = b.ranges[0];
        return (
          <View key={b.id} id={`booking-${b.id}`} className='booking-row'>
            <View className='booking-row__title'>
              {b.holderName}：{b.title}
            </View>
            <View>
              {b.roomName} · {first ? `${formatSlotTime(first.startAt)}–${timeRange(first.startAt, first.endAt).split('–')[1]}` : ''}
              {b.ranges.length > 1 ? `，每周一次共${b.ranges.length}次` : ''}
            </View>
            <View className='card__row'>
              <Text className={`need-status need-status--${b.status === 'approved' ? 'arranged' : b.status === 'pending' ? 'collecting' : 'declined'}`}>{STATUS[b.status]}</Text>
              {b.reason ? <Text className='muted'>原因：{b.reason}</Text> : null}
            </View>
            {decide && b.status === 'pending' ? (
              <View className='btn-row'>
                <Button id={`btn-decline-${b.id}`} className='btn btn--plain' disabled={busyId === b.id} onClick={() => decide(b, 'decline')}>
                  不同意
                </Button>
                <Button id={`btn-approve-${b.id}`} className='btn btn--approve' disabled={busyId === b.id} onClick={() => decide(b, 'approve')}>
                  同意
                </Button>
              </View>
            ) : null}
            {cancel && (b.status === 'approved' || b.status === 'pending') ? (
              <Button id={`btn-cancel-booking-${b.id}`} className='btn btn--plain' disabled={busyId === b.id} onClick={() => cancel(b)}>
                取消预约
              </Button>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
