import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../api';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { EventCard } from '../../../components/EventCard';
import { ListFooter } from '../../../components/ListFooter';
import { Loading } from '../../../components/Loading';
import { hoursText } from '../../../lib/china-time';
import { myRegistrationLabel } from '../../../lib/event-labels';
import { go, ROUTES } from '../../../lib/nav';
import { usePagedList } from '../../../lib/usePagedList';
import { PageShell } from '../../../components/PageShell';
import { useFreshOnShow } from '../../../lib/freshness';
import './index.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

type TTab = 'upcoming' | 'waitlisted' | 'attended';

const TABS: { value: TTab; label: string; empty: string; hint: string }[] = [
  { value: 'upcoming', label: '已报名', empty: '还没有报名的活动', hint: '在「活动」里找到感兴趣的活动，点「报名」' },
  { value: 'waitlisted', label: '候补中', empty: '没有候补中的活动', hint: '活动满员时报名会排进候补，有人取消就自动补上' },
  { value: 'attended', label: '已参加', empty: '还没有参加过的活动', hint: '签到或由负责人登记到场后，会记在这里' },
];

/** 我的活动: what I signed up for, where I wait (and my place), what I attended, and my volunteer hours. */
function MyEventsPageBody() {
  const initial = useRouter().params.tab;
  const [tab, setTab] = useState<TTab>(initial === 'waitlisted' || initial === 'attended' ? initial : 'upcoming');
  const [hours, setHours] = useState<number | null>(null);
  const shown = useRef(false);

  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const page = await api.events.mine({ tab, cursor });
      setHours(page.volunteerHours);
      return page;
    },
    [tab],
  );
  const list = usePagedList(fetchPage);

  const show = (next: TTab) => {
    if (next === tab) return;
    setTab(next);
  };
  // A new tab is a new first page (the first show loads its own).
  useEffect(() => {
    if (shown.current) void list.reload();
  }, [tab]); // eslint-disable-line react-hooks/exhaustive-deps

  // A promotion or a host's hand mark happens while the person is elsewhere: fresh on every show.
  useFreshOnShow(() => {
    const first = !shown.current;
    shown.current = true;
    void (first ? list.reload() : list.refresh());
  });
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore) void list.loadMore();
  });

  const current = TABS.find((t) => t.value === tab)!;
  let body;
  if (list.loading && !list.loaded) body = <Loading />;
  else if (list.error && !list.loaded) body = <ErrorState message={list.error} onRetry={() => void list.reload()} />;
  else if (list.loading) body = <Loading text='正在刷新…' />;
  else if (list.items.length === 0) body = <EmptyState id='my-events-empty' text={current.empty} hint={current.hint} />;
  else {
    body = (
      <View id='my-event-list'>
        {list.items.map((row) => (
          <EventCard key={row.event.id} event={row.event} onOpen={(id) => go(ROUTES.eventDetail(id))}>
            <View className='my-events__reg'>
              <Text id={`my-reg-${row.event.id}`} className='my-reg-tag'>
                {myRegistrationLabel(row.registration)}
              </Text>
            </View>
          </EventCard>
        ))}
        <ListFooter list={list} />
      </View>
    );
  }

  return (
    <View className='page my-events'>
      <View id='my-volunteer-hours' className='card my-events__hours'>
        <View className='my-events__hours-label'>我的志愿服务时长</View>
        <View className='my-events__hours-value'>{hours === null ? '…' : hoursText(hours)}</View>
      </View>
      <View className='my-events__tabs' role='tablist'>
        {TABS.map((t) => (
          <View
            key={t.value}
            id={`my-events-tab-${t.value}`}
            role='tab'
            aria-selected={tab === t.value}
            className={tab === t.value ? 'my-events__tab my-events__tab--on' : 'my-events__tab'}
            onClick={() => show(t.value)}
          >
            {t.label}
          </View>
        ))}
      </View>
      {body}
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function MyEventsPage() {
  return (
    <PageShell>
      <MyEventsPageBody />
    </PageShell>
  );
}
