import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { TEventDetail } from '../../../../types';
import { chinaDayTime, hoursText } from '../../../lib/china-time';

type TRecord = NonNullable<TEventDetail['record']>;

/** 活动记录: what happened, the photos (tap to enlarge), how many came; names only for hosts and social workers. */
export function RecordView({ record, isVolunteer }: { record: TRecord; isVolunteer: boolean }) {
  return (
    <View id='event-record' className='card record'>
      <View id='record-summary' className='record__summary'>
        {record.summary}
      </View>
      {record.photoUrls.length > 0 ? (
        <View id='record-photos' className='record__photos'>
          {record.photoUrls.map((url, i) => (
            <Image
              key={url}
              className='record__photo'
              src={url}
              mode='aspectFill'
              lazyLoad
              aria-label={`活动照片 ${i + 1}`}
              // H5 wraps the real <img>: its alt is what a screen reader (and axe) reads.
              nativeProps={{ alt: `活动照片 ${i + 1}，点按查看大图` }}
              onClick={() => void Taro.previewImage({ urls: record.photoUrls, current: url })}
            />
          ))}
        </View>
      ) : null}
      <View id='record-attendance' className='info-row'>
        <View className='info-row__label'>参加人数</View>
        <View className='info-row__value'>
          {record.attendance}人{isVolunteer ? ` · 志愿服务共${hoursText(record.volunteerHours)}` : ''}
        </View>
      </View>
      {record.attendeeNames ? (
        <View id='record-attendees' className='info-row'>
          <View className='info-row__label'>到场的人（仅负责人和社工可见）</View>
          <View className='info-row__value'>{record.attendeeNames.length ? record.attendeeNames.join('、') : '无'}</View>
        </View>
      ) : null}
      <View className='card__meta'>记录于 {chinaDayTime(record.recordedAt)}</View>
    </View>
  );
}
