import { View } from '@tarojs/components';
import Taro, { useDidShow, useLoad, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TCommunity, TEventCard } from '../../../types';
import { api, errorMessage } from '../../api';
import { ChipRow, type TChipOption } from '../../components/ChipRow';
import { CommunityHeader } from '../../components/CommunityHeader';
import { DevPanelSlot } from '../../components/DevPanelSlot';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { EventCard } from '../../components/EventCard';
import { ListFooter } from '../../components/ListFooter';
import { Loading } from '../../components/Loading';
import { readCachedCommunity, writeCachedCommunity, type TChosenCommunity } from '../../lib/community';
import { go, ROUTES } from '../../lib/nav';
import { usePagedList } from '../../lib/usePagedList';
import { CommunityChooser } from '../directory/CommunityChooser';
import { PageShell } from '../../components/PageShell';
import { useFreshOnShow } from '../../lib/freshness';
import './index.css';

type TFilter = 'week' | 'all' | 'eligible';

const FILTERS: TChipOption<TFilter>[] = [
  { value: 'week', label: '本周' },
  { value: 'all', label: '全部' },
  { value: 'eligible', label: '我能报名的' },
];

const EMPTY_TEXT: Record<TFilter, { text: string; hint: string }> = {
  week: { text: '本周没有活动', hint: '点「全部」看看以后的活动' },
  all: { text: '近期还没有活动', hint: '各社团发起活动后会显示在这里' },
  eligible: { text: '暂时没有您能报名的活动', hint: '已满、已截止或只限成员的活动不在这里，点「全部」可以看到' },
};

/** 活动 tab: upcoming events of my community, soonest first, with how many places are left. */
function EventsPageBody() {
  const [community, setCommunity] = useState<TChosenCommunity | null>(null);
  const [meState, setMeState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [meError, setMeError] = useState('');
  const [choosing, setChoosing] = useState(false);
  const [filter, setFilter] = useState<TFilter>('all');
  const firstShow = useRef(true);

  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      community
        ? api.events.list({ communityId: community.id, filter, cursor })
        : Promise.resolve({ items: [] as TEventCard[], nextCursor: null }),
    [community, filter],
  );
  const list = usePagedList(fetchPage);

  const loadMe = useCallback(async () => {
    setMeState('loading');
    try {
      const { me } = await api.account.me({});
      const fromServer = me.community ? { id: me.community.id, name: me.community.name } : null;
      writeCachedCommunity(fromServer);
      setCommunity((prev) => (prev?.id === fromServer?.id ? prev : fromServer));
      setMeState('ready');
    } catch (err) {
      setMeError(errorMessage(err));
      setMeState('error');
    }
  }, []);

  useLoad(() => {
    setCommunity(readCachedCommunity());
    void loadMe();
  });

  useEffect(() => {
    if (community) void list.reload();
  }, [community, filter]); // eslint-disable-line react-hooks/exhaustive-deps

  // Places change while the person is elsewhere (they signed up, someone cancelled): fresh counts on every return.
  // A community chosen on the 社团 tab applies at once; the list itself is checked for freshness.
  useDidShow(() => {
    if (firstShow.current) {
      firstShow.current = false;
      return;
    }
    const cached = readCachedCommunity();
    if (cached && cached.id !== community?.id) setCommunity(cached);
  });
  useFreshOnShow(
    () => {
      if (community) void list.refresh();
    },
    { skipFirst: true },
  );

  usePullDownRefresh(() => {
    void Promise.all([loadMe(), community ? list.reload() : Promise.resolve()]).finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    if (list.hasMore) void list.loadMore();
  });

  const onChosen = (c: TCommunity) => {
    const chosen = { id: c.id, name: c.name };
    writeCachedCommunity(chosen);
    setChoosing(false);
    setCommunity(chosen);
  };

  let body;
  if (choosing || (!community && meState === 'ready')) {
    body = (
      <CommunityChooser
        currentId={community?.id}
        onChosen={onChosen}
        onCancel={community ? () => setChoosing(false) : undefined}
        hint='选好后，这里会显示本社区近期的活动。以后可以随时切换。'
      />
    );
  } else if (!community) {
    body = meState === 'error' ? <ErrorState message={meError} onRetry={() => void loadMe()} /> : <Loading />;
  } else {
    let items;
    if (list.loading && !list.loaded) items = <Loading />;
    else if (list.error && !list.loaded) items = <ErrorState message={list.error} onRetry={() => void list.reload()} />;
    else if (list.loading) items = <Loading text='正在刷新…' />;
    else if (list.loaded && list.items.length === 0) items = <EmptyState id='events-empty' text={EMPTY_TEXT[filter].text} hint={EMPTY_TEXT[filter].hint} />;
    else {
      items = (
        <View id='event-list'>
          {list.items.map((e) => (
            <EventCard key={e.id} event={e} onOpen={(id) => go(ROUTES.eventDetail(id))} />
          ))}
          <ListFooter list={list} />
        </View>
      );
    }
    body = (
      <View>
        <CommunityHeader
          id='events-header'
          nameId='events-community'
          name={community.name}
          sub='本社区近期的活动'
          switchId='btn-events-switch-community'
          onSwitch={() => setChoosing(true)}
        />
        <ChipRow id='event-filters' className='events__filters' options={FILTERS} value={filter} onChange={setFilter} idPrefix='event-filter' />
        <View id='btn-events-needs' role='button' className='events__needs' onClick={() => go(`${ROUTES.needs}?post=1`)}>
          {/* The arrow is its own box, so a narrow screen never wraps it alone onto a last line. */}
          <View className='events__needs-text'>想学什么、想要什么活动？点此「提需求」</View>
          <View className='events__needs-arrow' aria-hidden>
            ›
          </View>
        </View>
        <View className='muted events__hint'>按开始时间排列，最近的在最前面；时间均为北京时间。</View>
        {items}
      </View>
    );
  }

  return (
    <View className='page events'>
      {body}
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function EventsPage() {
  return (
    <PageShell>
      <EventsPageBody />
    </PageShell>
  );
}
