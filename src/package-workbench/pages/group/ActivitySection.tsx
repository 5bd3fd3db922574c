import { View } from '@tarojs/components';
import type { TStaffEvent } from '../../../../types/workbench';
import { tappable } from '../../../components/Tappable';
import { hoursText } from '../../../lib/china-time';
import { formatDate } from '../../../lib/time';

interface TYear {
  eventsHeld: number;
  attendances: number;
  volunteerMinutes: number;
}

/** The last 12 months in figures (the group's counters), then its latest events with what each record says. */
export function ActivitySection({ year, events, onOpen }: { year: TYear; events: TStaffEvent[]; onOpen: (id: string) => void }) {
  return (
    <View id='staff-activity' className='card wb-section'>
      <View id='staff-year' className='card__line'>
        近12个月：举办活动 {year.eventsHeld} 次，参加 {year.attendances} 人次，志愿服务 {hoursText(year.volunteerMinutes / 60)}
      </View>
      {events.length === 0 ? <View className='muted'>最近没有举办活动</View> : null}
      {events.map((e) => (
        <View {...tappable()} key={e.id} id={`staff-event-${e.id}`} className='wb-event' onClick={() => onOpen(e.id)}>
          <View className='wb-member__name'>{e.title}</View>
          <View className='card__meta'>
            {formatDate(e.startAt)}
            {e.status === 'cancelled' ? ' · 已取消' : ` · 报名 ${e.registeredCount} 人 · 签到 ${e.checkedInCount} 人`}
          </View>
          {e.hasRecord ? (
            <View className='card__meta'>
              记录：参加 {e.attendance ?? 0} 人{e.volunteerMinutes ? ` · 志愿 ${hoursText(e.volunteerMinutes / 60)}` : ''} · 照片 {e.photoCount} 张
              {e.summary ? `。${e.summary}` : ''}
            </View>
          ) : e.status !== 'cancelled' ? (
            <View className='card__meta'>还没有活动记录</View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
