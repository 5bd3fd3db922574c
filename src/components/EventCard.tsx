import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { TEventCard } from '../../types';
import { eventWhen } from '../lib/china-time';
import { placesLabel } from '../lib/event-labels';
import { tappable } from './Tappable';

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
    <View {...tappable()} id={`event-${event.id}`} className='card event-card' data-title={event.title} onClick={() => onOpen(event.id)}>
      <View className='card__title event-card__title'>{event.title}</View>
      <View className='card__row event-card__tags'>
        <Text className={`places-tag places-tag--${places.tone}`}>{places.text}</Text>
        {event.isVolunteer ? <Text className='volunteer-tag'>志愿服务</Text> : null}
        {event.hasRecord ? <Text className='record-tag'>有活动记录</Text> : null}
        {event.courseId ? <Text className='record-tag'>课程·整门报名</Text> : null}
      </View>
      <View className='event-card__line'>时间：{eventWhen(event.startAt, event.endAt)}</View>
      <View className='event-card__line'>地点：{event.place}</View>
      {event.hostNames.length > 0 ? <View className='card__meta'>主办：{event.hostNames.join('、')}</View> : null}
      {children}
    </View>
  );
}
