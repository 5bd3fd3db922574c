import { Button, View } from '@tarojs/components';
import type { TMemberRow } from '../../../../types';
import { formatDateTime } from '../../../lib/time';
import { PhoneLink } from '../../components/PhoneLink';

interface TRequestRowProps {
  row: TMemberRow;
  index: number;
  busy: boolean;
  onApprove: (row: TMemberRow) => void;
  onDecline: (row: TMemberRow) => void;
}

/** One join request: who, what they wrote, when, how to reach them, and 同意 / 拒绝. */
export function RequestRow({ row, index, busy, onApprove, onDecline }: TRequestRowProps) {
  return (
    <View id={`request-${index}`} data-name={row.name} className='card request'>
      <View className='member__name'>{row.name}</View>
      <View className='member__meta'>申请时间：{formatDateTime(row.requestedAt)}</View>
      {row.message ? <View className='member__message'>留言：{row.message}</View> : <View className='member__meta'>没有留言</View>}
      <PhoneLink mobile={row.mobile} />
      <View className='btn-row'>
        <Button id={`btn-approve-${index}`} className='btn btn--approve btn-approve' disabled={busy || undefined} onClick={() => onApprove(row)}>
          同意
        </Button>
        <Button id={`btn-decline-${index}`} className='btn btn--ghost btn-decline' disabled={busy || undefined} onClick={() => onDecline(row)}>
          拒绝
        </Button>
      </View>
    </View>
  );
}
