import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { TEventCard } from '../../types';
import { eventWhen } from '../lib/china-time';
import { placesLabel } from '../lib/event-labels';
import { Card } from './Card';
import { Tag, type TTagTone } from './Tag';

const PLACES_TONE: Record<ReturnType<typeof placesLabel>['tone'], TTagTone> = {
  open: 'green',
  waitlist: 'amber',
  full: 'red',
  cancelled: 'grey',
  closed: 'grey',
  past: 'grey',
};

interface TEventCardProps {
  event: TEventCard;
  onOpen: (id: string) => void;
  /** Extra lines under the card's own (我的活动: my place in the waitlist). */
  children?: ReactNode;
}

/** One event in a list: title, when (China time), place, hosts, and whether one can still get a place. */
export function EventCard({ event, onOpen, children }: TEventCardProps) {
  const places = placesLabel(event);
  return (
    <Card
      id={`event-${event.id}`}
      className='event-card'
      dataTitle={event.title}
      title={event.title}
      tags={
        <>
          <Tag tone={PLACES_TONE[places.tone]} className='places-tag'>
            {places.text}
          </Tag>
          {event.isVolunteer ? <Tag tone='blue'>志愿服务</Tag> : null}
          {event.hasRecord ? <Tag tone='purple'>有活动记录</Tag> : null}
          {event.courseId ? <Tag tone='purple'>课程·整门报名</Tag> : null}
        </>
      }
      onOpen={() => onOpen(event.id)}
    >
      <View className='card__line'>时间：{eventWhen(event.startAt, event.endAt)}</View>
      <View className='card__line'>地点：{event.place}</View>
      {event.hostNames.length > 0 ? <View className='card__meta'>主办：{event.hostNames.join('、')}</View> : null}
      {children}
    </Card>
  );
}
