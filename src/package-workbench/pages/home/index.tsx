import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TQueueHeader, TQueueItem } from '../../../../types';
import type { TFilingKind } from '../../../../types/domain';
import type { TStaffGroupRow } from '../../../../types/workbench';
import type { TQueueStatus } from '../../../../types/workbench-vocab';
import { api } from '../../../api';
import { ChipRow, type TChipOption } from '../../../components/ChipRow';
import { CountBadge } from '../../../components/CountBadge';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { ListFooter } from '../../../components/ListFooter';
import { Loading } from '../../../components/Loading';
import { PageShell } from '../../../components/PageShell';
import { useFreshOnShow } from '../../../lib/freshness';
import { ROUTES } from '../../../lib/nav';
import { usePagedList, type TPagedList } from '../../../lib/usePagedList';
import { ALL, KIND_OPTIONS, STATUS_OPTIONS, type TAll } from '../../labels';
import { useOpenOnce } from '../../nav-once';
import { GroupRow } from './GroupRow';
import { QueueRow } from './QueueRow';
import { StaffTiles } from './StaffTiles';
import '../../workbench.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

type TTab = 'queue' | 'groups' | 'tools';
// The queue is the daily work, so it comes first and right under the counts; the other staff pages wait in 更多工作.
const TABS: TChipOption<TTab>[] = [
  { value: 'queue', label: '报备审核' },
  { value: 'groups', label: '社团' },
  { value: 'tools', label: '更多工作' },
];

function ListBody<T>({ list, empty, render }: { list: TPagedList<T>; empty: JSX.Element; render: (item: T) => JSX.Element }) {
  if (list.loading && !list.loaded) return <Loading />;
  if (list.error && !list.loaded) return <ErrorState message={list.error} onRetry={() => void list.reload()} />;
  if (list.items.length === 0) return empty;
  return (
    <>
      {list.items.map(render)}
      <ListFooter list={list} />
    </>
  );
}

/**
 * 工作台 (docs/workbench.md): the count waiting and overdue across the caller's scope, the other staff pages, and
 * two lists: the filings (oldest first, filtered by community, kind and status) and the groups in scope.
 */
function WorkbenchPageBody() {
  const open = useOpenOnce();
  const [tab, setTab] = useState<TTab>('queue');
  const [communityId, setCommunityId] = useState<string>(ALL);
  const [kind, setKind] = useState<TFilingKind | TAll>(ALL);
  const [status, setStatus] = useState<TQueueStatus>('submitted');
  const [header, setHeader] = useState<TQueueHeader | null>(null);
  // Ages are measured against the server's clock (`now`), not the phone's.
  const nowRef = useRef(Date.now());

  const fetchQueue = useCallback(
    async (cursor: string | undefined) => {
      const page = await api.filings.queue({
        cursor,
        status,
        ...(communityId !== ALL ? { communityId } : {}),
        ...(kind !== ALL ? { kind } : {}),
      });
      nowRef.current = page.now;
      if (page.header) setHeader(page.header);
      return page;
    },
    [communityId, kind, status],
  );
  const queue = usePagedList<TQueueItem>(fetchQueue);
  const fetchGroups = useCallback(
    (cursor: string | undefined) => api.workbench.groups({ cursor, ...(communityId !== ALL ? { communityId } : {}) }),
    [communityId],
  );
  const groups = usePagedList<TStaffGroupRow>(fetchGroups);

  // A filter change reads page one again (the header comes with it); the 社团 list loads when first shown.
  useEffect(() => {
    void queue.reload();
  }, [fetchQueue]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (tab === 'groups') void groups.reload();
  }, [fetchGroups, tab]); // eslint-disable-line react-hooks/exhaustive-deps

  // Decided filings leave the queue: swap in fresh rows on return from the review page (no spinner).
  useFreshOnShow(
    useCallback(async () => {
      await Promise.all([queue.refresh(), tab === 'groups' ? groups.refresh() : undefined]);
    }, [queue.refresh, groups.refresh, tab]), // eslint-disable-line react-hooks/exhaustive-deps
    { skipFirst: true },
  );
  usePullDownRefresh(() => {
    void Promise.all([queue.reload(), tab === 'groups' ? groups.reload() : undefined]).finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    const list = tab === 'queue' ? queue : groups;
    if (list.hasMore) void list.loadMore();
  });

  if (!header) {
    if (queue.error) return <ErrorState message={queue.error} onRetry={() => void queue.reload()} />;
    return <Loading />;
  }

  const communityOptions: TChipOption<string>[] = [{ value: ALL, label: '全部社区' }, ...header.communities.map((c) => ({ value: c.id, label: c.name }))];
  const openFiling = (item: TQueueItem) => open(item.status === 'submitted' ? ROUTES.review(item.id) : ROUTES.filingDetail(item.id));

  return (
    <View className='page wb'>
      <View id='wb-header' className='card wb-header'>
        <View className='wb-header__item'>
          <View className='wb-header__label'>
            待审核
            <CountBadge id='wb-badge' count={header.waiting} label='待审核' />
          </View>
          <View id='wb-waiting' className='wb-header__number'>
            {header.waiting}
          </View>
        </View>
        <View className='wb-header__item'>
          <View className='wb-header__label'>已超期（超过7天）</View>
          <View id='wb-overdue' className={header.overdue > 0 ? 'wb-header__number wb-header__number--overdue' : 'wb-header__number'}>
            {header.overdue}
          </View>
        </View>
      </View>

      <ChipRow id='wb-tabs' idPrefix='wb-tab' className='wb-tabs' options={TABS} value={tab} onChange={setTab} />
      {tab !== 'tools' ? (
        <>
          <View className='wb-filter-label'>社区</View>
          <ChipRow id='wb-community' idPrefix='wb-community' options={communityOptions} value={communityId} onChange={setCommunityId} />
        </>
      ) : null}

      {tab === 'tools' ? (
        <StaffTiles officer={header.officer} open={open} />
      ) : tab === 'queue' ? (
        <View id='wb-queue'>
          <View className='wb-filter-label'>类型</View>
          <ChipRow id='wb-kind' idPrefix='wb-kind' options={KIND_OPTIONS} value={kind} onChange={setKind} />
          <View className='wb-filter-label'>状态</View>
          <ChipRow id='wb-status' idPrefix='wb-status' options={STATUS_OPTIONS} value={status} onChange={setStatus} />
          <View className='muted wb-intro'>按提交时间排列，最早提交的在最前面；超过7天未审核的标为「已超期」。</View>
          <View id='queue-list'>
            <ListBody
              list={queue}
              empty={<EmptyState id='queue-empty' text={status === 'submitted' ? '暂无待审核的报备' : '没有符合条件的报备'} hint='新的报备提交后会出现在这里' />}
              render={(item) => <QueueRow key={item.id} item={item} now={nowRef.current} onOpen={openFiling} />}
            />
          </View>
        </View>
      ) : (
        <View id='wb-groups'>
          <ListBody
            list={groups}
            empty={<EmptyState id='wb-groups-empty' text='还没有已备案的社团' />}
            render={(g) => <GroupRow key={g.id} group={g} onOpen={(id) => open(ROUTES.staffGroup(id))} />}
          />
        </View>
      )}
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function WorkbenchPage() {
  return (
    <PageShell>
      <WorkbenchPageBody />
    </PageShell>
  );
}
