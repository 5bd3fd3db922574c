import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { TRegistrationRow } from '../../../../types';
import { chinaDayTime } from '../../../lib/china-time';

interface TProps {
  row: TRegistrationRow;
  index: number;
  busy: boolean;
  onMark: (row: TRegistrationRow, present: boolean) => void;
}

function statusText(row: TRegistrationRow): string {
  if (row.status === 'waitlisted') return row.waitlistPosition ? `候补第${row.waitlistPosition}位` : '候补中';
  if (row.status === 'cancelled') return row.lateCancel ? '已取消（临时取消）' : '已取消';
  return '已报名';
}

/** One person on the list: name, status, phone (tap to call), and 到场 marked by hand. */
export function RegistrationRow({ row, index, busy, onMark }: TProps) {
  const present = !!row.checkedInAt;
  return (
    <View id={`reg-${index}`} data-name={row.name} className='card reg'>
      <View className='reg__head'>
        <View className='reg__name'>{row.name}</View>
        <Text className={`reg__tag reg__tag--${row.status}`}>{statusText(row)}</Text>
        {row.onBehalf ? <Text className='reg__tag reg__tag--behalf'>代报名</Text> : null}
        {present ? <Text className='reg__tag reg__tag--present'>已到场</Text> : null}
      </View>
      {present ? (
        <View className='reg__meta'>
          {row.checkInMethod === 'hand' ? '手动登记到场' : '扫码/签到码签到'} · {chinaDayTime(row.checkedInAt!)}
        </View>
      ) : (
        <View className='reg__meta'>报名时间：{chinaDayTime(row.registeredAt)}</View>
      )}
      <View className='reg__actions'>
        {row.mobile ? (
          <View
            className='reg__phone'
            role='link'
            aria-label={`电话 ${row.mobile}，点按拨打`}
            onClick={() => void Taro.makePhoneCall({ phoneNumber: row.mobile! }).catch(() => undefined)}
          >
            电话 {row.mobile}
          </View>
        ) : (
          <View className='reg__meta'>未登记手机号</View>
        )}
        {row.status === 'registered' ? (
          <Button
            id={`btn-mark-${index}`}
            className={present ? 'btn btn--plain reg__mark' : 'btn btn--approve reg__mark'}
            disabled={busy || undefined}
            onClick={() => onMark(row, !present)}
          >
            {present ? '取消到场' : '登记到场'}
          </Button>
        ) : null}
      </View>
    </View>
  );
}
