import { Button, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import type { THome, TMe, TMyGroup } from '../../../types';
import { api, errorMessage } from '../../api';
import { DevPanelSlot } from '../../components/DevPanelSlot';
import { ElderModeSetting } from '../../components/ElderModeSetting';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { CountBadge } from '../../components/CountBadge';
import { ListFooter } from '../../components/ListFooter';
import { Loading } from '../../components/Loading';
import { Tile } from '../../components/Tile';
import { go, ROUTES } from '../../lib/nav';
import { usePagedList } from '../../lib/usePagedList';
import { showWaitingOnTab } from '../../lib/waiting';
import { FilingItem } from './FilingItem';
import { identityText } from './identity';
import { MyGroupItem } from './MyGroupItem';
import { PageShell } from '../../components/PageShell';
import { useFreshOnShow } from '../../lib/freshness';
import { HeroArt } from '../../components/HeroArt';
import './index.css';

/** Cancelling a request or leaving is the person's own doing and needs nothing more from them: not listed. */
const SHOWN_STATUSES: ReadonlySet<TMyGroup['status']> = new Set(['pending', 'active', 'declined', 'removed']);

function MinePageBody() {
  // The first screen is one call (account.home); later pages of each list come from filings.mine / groups.mine.
  const [home, setHome] = useState<THome | null>(null);
  const [homeError, setHomeError] = useState<string | null>(null);
  const firstScreen = useRef<Promise<THome> | null>(null);
  const firstPage = <T,>(pick: (h: THome) => T) => (firstScreen.current ?? Promise.reject(new Error('no first screen'))).then(pick);
  const fetchPage = useCallback((cursor: string | undefined) => (cursor ? api.filings.mine({ cursor }) : firstPage((h) => h.filings)), []);
  const filings = usePagedList(fetchPage);
  const fetchGroups = useCallback((cursor: string | undefined) => (cursor ? api.groups.mine({ cursor }) : firstPage((h) => h.groups)), []);
  const groups = usePagedList(fetchGroups);
  const shownGroups = groups.items.filter((g) => SHOWN_STATUSES.has(g.status));
  const me: TMe | null = home?.me ?? null;
  const waiting = home?.waiting ?? null;

  const refresh = useCallback(async () => {
    const call = api.account.home({});
    firstScreen.current = call;
    // Both lists take their first page from the same answer: one request, and the page shows once it is in.
    const lists = Promise.all([filings.refresh(), groups.refresh()]);
    try {
      const answer = await call;
      if (firstScreen.current !== call) return; // a newer refresh started
      setHome(answer);
      setHomeError(null);
      showWaitingOnTab(answer.waiting);
    } catch (err) {
      if (firstScreen.current === call) setHomeError(errorMessage(err));
    }
    await lists;
  }, [filings.refresh, groups.refresh]); // eslint-disable-line react-hooks/exhaustive-deps

  // Statuses change while the person is elsewhere (a reviewer decides, a leader approves): checked on every show.
  useFreshOnShow(refresh);
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (filings.hasMore) void filings.loadMore();
  });

  const isStaff = !!me && (me.roles.includes('social_worker') || me.roles.includes('admin'));

  // One loading state for the page until the first answer; later refreshes keep what is shown (no flash).
  if (!home) {
    return (
      <View className='page mine'>
        {homeError ? <ErrorState message={homeError} onRetry={() => void refresh()} /> : <Loading />}
        <DevPanelSlot />
      </View>
    );
  }

  return (
    <View className='page mine'>
      <View id='me-header' className='hero mine__profile'>
        <HeroArt />
        <View className='hero__body'>
          <View className='hero__avatar' aria-hidden>
            {home.me.displayName.slice(0, 1)}
          </View>
          <View className='hero__text'>
            <View id='me-name' className='hero__name'>
              {home.me.displayName}
            </View>
            <View id='me-role' className='hero__sub'>
              身份：{identityText(home.me, groups.items, groups.hasMore)}
              {home.me.community ? ` · ${home.me.community.name}` : ''}
            </View>
          </View>
        </View>
      </View>
      <ElderModeSetting />
      {/* 代办 (docs/on-behalf.md): a social worker filed a group for this person; they confirm it on a subpackage page. */}
      {home.takeover ? (
        <View id='takeover-offer' className='notice mine__takeover'>
          <View className='notice__text'>{`${home.takeover.enteredBy} 为您代办了「${home.takeover.groupName}」的报备，是您吗？`}</View>
          <Button id='btn-takeover' className='btn btn--primary' onClick={() => go(ROUTES.takeover)}>
            去确认
          </Button>
        </View>
      ) : !home.phoneVerified && !isStaff && home.groups.items.length + home.filings.items.length === 0 ? (
        <Button id='btn-takeover-find' className='btn btn--plain mine__takeover' onClick={() => go(ROUTES.takeover)}>
          社工为您代办过报备？验证手机号查看
        </Button>
      ) : null}

      <Button id='btn-new-filing' className='btn btn--primary mine__file' onClick={() => go(ROUTES.filingEdit())}>
        我要报备
      </Button>
      <View className='section-title'>社区服务</View>
      <View className='tiles'>
        <Tile id='btn-my-events' glyph='活' tone='blue' title='我的活动' sub='报名、候补、时长' onTap={() => go(ROUTES.eventsMine)} />
        <Tile id='btn-needs' glyph='需' tone='amber' title='社区需求' sub='提需求、我也想' onTap={() => go(ROUTES.needs)} />
        <Tile id='btn-rooms' glyph='室' tone='teal' title='孵化基地活动室' sub='日历、预约' onTap={() => go(ROUTES.rooms())} />
        {isStaff ? (
          <Tile id='btn-review-queue' glyph='审' tone='orange' title='审核队列' sub='报备与变更' badge={<CountBadge id='badge-reviews' count={waiting?.reviews ?? 0} label='待审核' />} onTap={() => go(ROUTES.reviewQueue)} />
        ) : null}
        {isStaff ? (
          <Tile id='btn-base-home' glyph='基' tone='green' title='孵化基地管理' sub='需求、课程、合作伙伴、培育' onTap={() => go(ROUTES.baseHome)} />
        ) : null}
        {me?.roles.includes('admin') ? <Tile id='btn-admin' glyph='管' tone='grey' title='社区与人员' sub='社区、分配、日志' onTap={() => go(ROUTES.adminPlaces)} /> : null}
        {isStaff ? <Tile id='btn-dashboard' glyph='数' tone='blue' title='数据看板' sub='组织、党建、活动' onTap={() => go(ROUTES.dashboard())} /> : null}
        {isStaff ? <Tile id='btn-reports' glyph='表' tone='blue' title='统计报表' sub='季度报表下载' onTap={() => go(ROUTES.reports)} /> : null}
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
        {groups.error && !groups.loaded ? (
          <ErrorState message={groups.error} onRetry={() => void refresh()} />
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
        {filings.error && !filings.loaded ? (
          <ErrorState message={filings.error} onRetry={() => void refresh()} />
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

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function MinePage() {
  return (
    <PageShell>
      <MinePageBody />
    </PageShell>
  );
}
