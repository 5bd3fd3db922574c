import { Button, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { TMe, TMyGroup } from '../../../types';
import { ROLE_LABELS } from '../../../types/domain';
import { api, errorMessage } from '../../api';
import { DevPanelSlot } from '../../components/DevPanelSlot';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ListFooter } from '../../components/ListFooter';
import { Loading } from '../../components/Loading';
import { Tile } from '../../components/Tile';
import { go, ROUTES } from '../../lib/nav';
import { usePagedList } from '../../lib/usePagedList';
import { FilingItem } from './FilingItem';
import { MyGroupItem } from './MyGroupItem';
import './index.css';

/** Cancelling a request or leaving is the person's own doing and needs nothing more from them: not listed. */
const SHOWN_STATUSES: ReadonlySet<TMyGroup['status']> = new Set(['pending', 'active', 'declined', 'removed']);

function roleText(me: TMe): string {
  if (me.roles.length === 0) return ROLE_LABELS.resident;
  return me.roles.map((r) => ROLE_LABELS[r]).join('、');
}

export default function MinePage() {
  const [me, setMe] = useState<TMe | null>(null);
  const [meError, setMeError] = useState<string | null>(null);
  const fetchPage = useCallback((cursor: string | undefined) => api.filings.mine({ cursor }), []);
  const filings = usePagedList(fetchPage);
  const fetchGroups = useCallback((cursor: string | undefined) => api.groups.mine({ cursor }), []);
  const groups = usePagedList(fetchGroups);
  const shownGroups = groups.items.filter((g) => SHOWN_STATUSES.has(g.status));

  const loadMe = useCallback(async () => {
    setMeError(null);
    try {
      setMe((await api.account.me({})).me);
    } catch (err) {
      setMeError(errorMessage(err));
    }
  }, []);

  const refresh = useCallback(
    () => Promise.all([loadMe(), filings.reload(), groups.reload()]),
    [loadMe, filings.reload, groups.reload], // eslint-disable-line react-hooks/exhaustive-deps
  );

  // Statuses change while the person is elsewhere (a reviewer decides, a leader approves), so refresh whenever the tab shows.
  useDidShow(() => {
    void refresh();
  });
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (filings.hasMore) void filings.loadMore();
  });

  const isStaff = !!me && (me.roles.includes('social_worker') || me.roles.includes('admin'));

  return (
    <View className='page mine'>
      {me ? (
        <View id='me-header' className='hero mine__profile'>
          <View className='hero__art' aria-hidden>
            <View className='hero__sun' />
            <View className='hero__block hero__block--1' />
            <View className='hero__block hero__block--2' />
            <View className='hero__block hero__block--3' />
          </View>
          <View className='hero__body'>
            <View className='hero__avatar' aria-hidden>
              {me.displayName.slice(0, 1)}
            </View>
            <View className='hero__text'>
              <View id='me-name' className='hero__name'>
                {me.displayName}
              </View>
              <View id='me-role' className='hero__sub'>
                身份：{roleText(me)}
                {me.community ? ` · ${me.community.name}` : ''}
              </View>
            </View>
          </View>
        </View>
      ) : (
        <View className='card mine__profile'>{meError ? <ErrorState message={meError} onRetry={() => void loadMe()} /> : <Loading />}</View>
      )}

      <Button id='btn-new-filing' className='btn btn--primary mine__file' onClick={() => go(ROUTES.filingEdit())}>
        我要报备
      </Button>
      <View className='section-title'>社区服务</View>
      <View className='tiles'>
        <Tile id='btn-my-events' glyph='活' tone='blue' title='我的活动' sub='报名、候补、时长' onTap={() => go(ROUTES.eventsMine)} />
        <Tile id='btn-needs' glyph='需' tone='amber' title='社区需求' sub='提需求、我也想' onTap={() => go(ROUTES.needs)} />
        <Tile id='btn-rooms' glyph='室' tone='teal' title='孵化基地活动室' sub='日历、预约' onTap={() => go(ROUTES.rooms())} />
        {isStaff ? (
          <Tile id='btn-review-queue' glyph='审' tone='orange' title='审核队列' sub='报备与变更' onTap={() => go(ROUTES.reviewQueue)} />
        ) : null}
        {isStaff ? (
          <Tile id='btn-base-home' glyph='基' tone='green' title='孵化基地管理' sub='需求、课程、合作伙伴、培育' onTap={() => go(ROUTES.baseHome)} />
        ) : null}
        {/* A social worker's own community events (座谈会, a course session), without a group. */}
        {me && me.roles.includes('social_worker') && me.community ? (
          <Tile
            id='btn-new-community-event'
            glyph='发'
            tone='purple'
            title='发起社区活动'
            sub='座谈会、课程'
            onTap={() => go(ROUTES.eventCreate({ communityId: me.community!.id }))}
          />
        ) : null}
      </View>

      <View className='section-title'>我加入的组织</View>
      <View id='my-groups'>
        {groups.loading && !groups.loaded ? (
          <Loading />
        ) : groups.error && !groups.loaded ? (
          <ErrorState message={groups.error} onRetry={() => void groups.reload()} />
        ) : groups.loaded && shownGroups.length === 0 && !groups.hasMore ? (
          <EmptyState id='my-groups-empty' text='您还没有加入组织' hint='在「社团」里找到感兴趣的组织，点「申请加入」。' />
        ) : (
          <>
            {shownGroups.map((g) => (
              <MyGroupItem key={g.membershipId} item={g} onOpen={(id) => go(ROUTES.groupDetail(id))} />
            ))}
            {groups.loaded ? <ListFooter list={groups} moreId='btn-more-groups' /> : null}
          </>
        )}
      </View>

      <View className='section-title'>我的报备</View>
      <View id='my-filings'>
        {filings.loading && !filings.loaded ? (
          <Loading />
        ) : filings.error && !filings.loaded ? (
          <ErrorState message={filings.error} onRetry={() => void filings.reload()} />
        ) : filings.loaded && filings.items.length === 0 ? (
          <EmptyState id='my-filings-empty' text='您还没有报备' hint='成立了社团或兴趣小组？点上方「我要报备」向社区报备。' />
        ) : (
          <>
            {filings.items.map((f) => (
              <FilingItem key={f.id} filing={f} onOpen={(id) => go(ROUTES.filingDetail(id))} />
            ))}
            {filings.loaded ? <ListFooter list={filings} /> : null}
          </>
        )}
      </View>
      <DevPanelSlot />
    </View>
  );
}
