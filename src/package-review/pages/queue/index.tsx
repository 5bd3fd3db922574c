import { Button, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useRef } from 'react';
import type { TQueueItem } from '../../../../types';
import { FILING_KIND_LABELS, GROUP_CATEGORY_LABELS } from '../../../../types/domain';
import { api } from '../../../api';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { ListFooter } from '../../../components/ListFooter';
import { Loading } from '../../../components/Loading';
import { go, ROUTES } from '../../../lib/nav';
import { calendarDaysBetween, waitingLabel } from '../../../lib/time';
import { usePagedList } from '../../../lib/usePagedList';
import { PageShell } from '../../../components/PageShell';
import { useFreshOnShow } from '../../../lib/freshness';
import './index.css';
import { tappable } from '../../../components/Tappable';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

/** Waiting longer than this is highlighted: someone has been kept waiting too long. */
const OVERDUE_DAYS = 5;

function ReviewQueuePageBody() {
  // Ages are measured against the server's clock (`now`), not the phone's.
  const nowRef = useRef(Date.now());
  const fetchPage = useCallback(async (cursor: string | undefined) => {
    const page = await api.filings.queue({ cursor });
    nowRef.current = page.now;
    return page;
  }, []);
  const list = usePagedList<TQueueItem>(fetchPage);

  // Decided filings leave the queue: refresh on return from the review page.
  useFreshOnShow(list.refresh);
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore) void list.loadMore();
  });

  let body;
  if (list.loading && !list.loaded) body = <Loading />;
  else if (list.error && !list.loaded) body = <ErrorState message={list.error} onRetry={() => void list.reload()} />;
  else if (list.items.length === 0) body = <EmptyState id='queue-empty' text='暂无待审核的报备' hint='新的报备提交后会出现在这里' />;
  else {
    body = (
      <View id='queue-list'>
        <View className='muted queue__intro'>按提交时间排列，最早提交的在最前面。</View>
        {list.items.map((item) => {
          const overdue = calendarDaysBetween(item.submittedAt, nowRef.current) >= OVERDUE_DAYS;
          return (
            <View {...tappable()} key={item.id} id={`queue-item-${item.id}`} className='card queue-item' onClick={() => go(ROUTES.review(item.id))}>
              <View className='card__title'>{item.name}</View>
              <View className='card__row'>
                {/* Changes and dissolutions stand out: the reviewer checks them differently from a new group. */}
                <View id={`queue-kind-${item.id}`} className={item.kind === 'initial' ? 'category-tag' : 'kind-tag'}>
                  {FILING_KIND_LABELS[item.kind]}
                </View>
                {item.category ? <View className='category-tag'>{GROUP_CATEGORY_LABELS[item.category]}</View> : null}
              </View>
              <View className='card__meta'>社区：{item.communityName ?? '—'}</View>
              <View className='card__meta'>负责人：{item.leaderName}</View>
              <View className={overdue ? 'queue__age queue__age--old' : 'queue__age'}>{waitingLabel(item.submittedAt, nowRef.current)}</View>
            </View>
          );
        })}
        <ListFooter list={list} />
      </View>
    );
  }

  return (
    <View className='page queue'>
      {/* Staff tasks beside the queue (docs/on-behalf.md): file for an elder, and who has not confirmed this year. */}
      <View className='btn-row'>
        <Button id='btn-on-behalf' className='btn btn--ghost' onClick={() => go(ROUTES.onBehalf)}>
          代办报备
        </Button>
        <Button id='btn-confirmations' className='btn btn--ghost' onClick={() => go(ROUTES.confirmations)}>
          年度确认
        </Button>
      </View>
      {body}
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function ReviewQueuePage() {
  return (
    <PageShell>
      <ReviewQueuePageBody />
    </PageShell>
  );
}
