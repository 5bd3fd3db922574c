import { Button, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { TMe, TMyGroup } from '../../../types';
import { ROLE_LABELS } from '../../../types/domain';
import { api, errorMessage } from '../../api';
import { DevPanelSlot } from '../../components/DevPanelSlot';
import { ElderModeSetting } from '../../components/ElderModeSetting';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ListFooter } from '../../components/ListFooter';
import { Loading } from '../../components/Loading';
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
      <View className='card mine__profile'>
        {me ? (
          <>
            <View id='me-name' className='mine__name'>
              {me.displayName}
            </View>
            <View id='me-role' className='mine__role'>
              身份：{roleText(me)}
              {me.community ? ` · ${me.community.name}` : ''}
            </View>
          </>
        ) : meError ? (
          <ErrorState message={meError} onRetry={() => void loadMe()} />
        ) : (
          <Loading />
        )}
      </View>
      <ElderModeSetting />

      <View className='mine__actions'>
        <Button id='btn-my-events' className='btn btn--ghost' onClick={() => go(ROUTES.eventsMine)}>
          我的活动（报名、候补、志愿时长）
        </Button>
        <Button id='btn-new-filing' className='btn btn--primary' onClick={() => go(ROUTES.filingEdit())}>
          我要报备
        </Button>
        <Button id='btn-needs' className='btn btn--ghost' onClick={() => go(ROUTES.needs)}>
          社区需求（提需求、我也想）
        </Button>
        <Button id='btn-rooms' className='btn btn--ghost' onClick={() => go(ROUTES.rooms())}>
          孵化基地活动室（日历、预约）
        </Button>
        {isStaff ? (
          <Button id='btn-base-home' className='btn btn--ghost' onClick={() => go(ROUTES.baseHome)}>
            孵化基地管理（需求、课程、合作伙伴、培育）
          </Button>
        ) : null}
        {isStaff ? (
          <Button id='btn-review-queue' className='btn btn--ghost' onClick={() => go(ROUTES.reviewQueue)}>
            审核队列
          </Button>
        ) : null}
        {/* A social worker's own community events (座谈会, a course session), without a group. */}
        {me && me.roles.includes('social_worker') && me.community ? (
          <Button id='btn-new-community-event' className='btn btn--ghost' onClick={() => go(ROUTES.eventCreate({ communityId: me.community!.id }))}>
            发起社区活动
          </Button>
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
