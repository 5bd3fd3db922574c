import { Button, Image, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { TEventCard, TEventDetail } from '../../../../types';
import { api } from '../../../api';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { EventCard } from '../../../components/EventCard';
import { ListFooter } from '../../../components/ListFooter';
import { Loading } from '../../../components/Loading';
import { go, ROUTES } from '../../../lib/nav';
import { usePagedList, type TPagedList } from '../../../lib/usePagedList';

/** How many past records show their summary and photos in place; older ones open from their card. */
const RECORD_PREVIEWS = 3;

/** A past event's record, in place on the group page: summary, first photos, attendance. */
function RecordPreview({ eventId }: { eventId: string }) {
  const [record, setRecord] = useState<TEventDetail['record']>(null);
  useEffect(() => {
    let live = true;
    api.events.detail({ eventId }).then(
      (r) => live && setRecord(r.event.record),
      () => undefined, // The card still opens the event page, which says what went wrong.
    );
    return () => {
      live = false;
    };
  }, [eventId]);
  if (!record) return null;
  return (
    <View id={`group-record-${eventId}`} className='group-record'>
      <View className='group-record__summary'>{record.summary}</View>
      {record.photoUrls.length > 0 ? (
        <View className='group-record__photos'>
          {record.photoUrls.slice(0, 3).map((url, i) => (
            <Image key={url} className='group-record__photo' src={url} mode='aspectFill' lazyLoad aria-label={`活动照片 ${i + 1}`} nativeProps={{ alt: `活动照片 ${i + 1}` }} />
          ))}
        </View>
      ) : null}
      <View className='card__meta'>参加 {record.attendance} 人</View>
    </View>
  );
}

function EventList({ list, id, emptyText, moreId, withRecords }: { list: TPagedList<TEventCard>; id: string; emptyText: string; moreId: string; withRecords?: boolean }) {
  if (list.loading && !list.loaded) return <Loading />;
  if (list.error && !list.loaded) return <ErrorState message={list.error} onRetry={() => void list.reload()} />;
  if (list.loaded && list.items.length === 0) return <EmptyState id={`${id}-empty`} text={emptyText} />;
  let previews = 0;
  return (
    <View id={id}>
      {list.items.map((e) => {
        const preview = withRecords && e.hasRecord && previews++ < RECORD_PREVIEWS;
        return (
          <EventCard key={e.id} event={e} onOpen={(eventId) => go(ROUTES.eventDetail(eventId))}>
            {preview ? <RecordPreview eventId={e.id} /> : null}
          </EventCard>
        );
      })}
      <ListFooter list={list} moreId={moreId} />
    </View>
  );
}

/** The group's upcoming events and its past records (co-hosted ones too); 发起活动 for its managers. */
export function GroupEvents({ groupId, canManage, reloadKey }: { groupId: string; canManage: boolean; reloadKey: number }) {
  const fetchUpcoming = useCallback((cursor: string | undefined) => api.events.groupEvents({ groupId, when: 'upcoming', cursor }), [groupId]);
  const fetchPast = useCallback((cursor: string | undefined) => api.events.groupEvents({ groupId, when: 'past', cursor }), [groupId]);
  const upcoming = usePagedList(fetchUpcoming);
  const past = usePagedList(fetchPast);

  useEffect(() => {
    if (!groupId) return;
    void upcoming.reload();
    void past.reload();
  }, [groupId, reloadKey]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <View id='group-events'>
      <View className='section-title'>近期活动</View>
      {canManage ? (
        <Button id='btn-new-event' className='btn btn--primary group-events__new' onClick={() => go(ROUTES.eventCreate({ groupId }))}>
          发起活动
        </Button>
      ) : null}
      <EventList list={upcoming} id='group-upcoming-events' emptyText='近期没有活动' moreId='btn-more-upcoming-events' />
      <View className='section-title'>活动记录</View>
      <EventList list={past} id='group-past-events' emptyText='还没有活动记录' moreId='btn-more-past-events' withRecords />
    </View>
  );
}
