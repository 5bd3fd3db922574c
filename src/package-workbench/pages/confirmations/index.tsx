import { View } from '@tarojs/components';
import Taro, { useLoad, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { TCommunity } from '../../../../types';
import type { TUnconfirmedGroup } from '../../../../types/growth';
import { api, errorMessage } from '../../../api';
import { ChipRow } from '../../../components/ChipRow';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { ListFooter } from '../../../components/ListFooter';
import { Loading } from '../../../components/Loading';
import { PageShell } from '../../../components/PageShell';
import { useFreshOnShow } from '../../../lib/freshness';
import { usePagedList } from '../../../lib/usePagedList';
import '../../behalf.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

/** The staff member's communities, by name: the chips over the list. */
function useScopeCommunities() {
  const [communities, setCommunities] = useState<TCommunity[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    setError(null);
    try {
      const [{ me }, { items }] = await Promise.all([api.account.me({}), api.account.communities({})]);
      setCommunities(items.filter((c) => me.reviewCommunityIds.includes(c.id)));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);
  return { communities, error, load };
}

function UnconfirmedRow({ group }: { group: TUnconfirmedGroup }) {
  return (
    <View id={`unconfirmed-${group.id}`} className='card unconfirmed'>
      <View className='card__title'>{group.name}</View>
      <View className='card__meta'>负责人 {group.leaderName}</View>
      {/* Staff remind by phone: tapping the number dials it (the phone asks first). */}
      <View
        className='unconfirmed__phone'
        role='link'
        aria-label={`电话 ${group.leaderMobile}，点按拨打`}
        onClick={() => void Taro.makePhoneCall({ phoneNumber: group.leaderMobile }).catch(() => undefined)}
      >
        电话 {group.leaderMobile}
      </View>
      <View className='card__meta'>{group.confirmedYear ? `上次确认：${group.confirmedYear} 年` : '还没有做过年度确认'}</View>
    </View>
  );
}

/**
 * 年度确认 (docs/on-behalf.md): the filed groups of a community that have not confirmed their record this year,
 * longest silent first, with the leader's phone so staff can call; the header counts them.
 */
function ConfirmationsPageBody() {
  const scope = useScopeCommunities();
  const [communityId, setCommunityId] = useState('');
  const [header, setHeader] = useState<{ year: number; total: number } | null>(null);
  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      if (!communityId) return { items: [] as TUnconfirmedGroup[], nextCursor: null };
      const page = await api.growth.unconfirmed({ communityId, cursor });
      setHeader({ year: page.year, total: page.total });
      return page;
    },
    [communityId],
  );
  const list = usePagedList(fetchPage);

  useLoad(() => void scope.load());
  useEffect(() => {
    if (!communityId && scope.communities?.length) setCommunityId(scope.communities[0]!.id);
  }, [scope.communities]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (communityId) void list.reload();
  }, [communityId]); // eslint-disable-line react-hooks/exhaustive-deps
  useFreshOnShow(list.refresh, { skipFirst: true });
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore) void list.loadMore();
  });

  if (!scope.communities) return scope.error ? <ErrorState message={scope.error} onRetry={() => void scope.load()} /> : <Loading />;
  if (scope.communities.length === 0) return <EmptyState text='年度确认只对社区社工和街道工作人员开放' />;

  return (
    <View className='page'>
      {scope.communities.length > 1 ? (
        <ChipRow
          idPrefix='confirm-community'
          options={scope.communities.map((c) => ({ value: c.id, label: c.name }))}
          value={communityId}
          onChange={setCommunityId}
        />
      ) : null}
      <View id='unconfirmed-count' className='section-title' role='status'>
        {header ? `${header.year} 年还没有确认的组织：${header.total} 个` : '正在统计…'}
      </View>
      <View className='muted behalf__lead'>已备案的组织每年确认一次备案信息仍然属实（或提交变更报备）。请电话提醒负责人在「组织管理」里确认。</View>
      {list.error && !list.loaded ? (
        <ErrorState message={list.error} onRetry={() => void list.reload()} />
      ) : list.loaded && list.items.length === 0 ? (
        <EmptyState id='unconfirmed-empty' text='今年的年度确认都已完成' />
      ) : (
        <View id='unconfirmed-list'>
          {list.items.map((g) => (
            <UnconfirmedRow key={g.id} group={g} />
          ))}
          {list.loaded ? <ListFooter list={list} /> : null}
        </View>
      )}
      <DevPanelSlot />
    </View>
  );
}

export default function ConfirmationsPage() {
  return (
    <PageShell>
      <ConfirmationsPageBody />
    </PageShell>
  );
}
