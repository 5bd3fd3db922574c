import { Button, Text, View } from '@tarojs/components';
import Taro, { useLoad, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { TGrowthOverview, TQuietGroup } from '../../../../types/growth';
import { api } from '../../../api';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { ListFooter } from '../../../components/ListFooter';
import { Loading } from '../../../components/Loading';
import { GROUP_STAGE_LABELS } from '../../../lib/base-labels';
import { go, ROUTES } from '../../../lib/nav';
import { chinaDate, dateLabel } from '../../../lib/china-time';
import { usePagedList } from '../../../lib/usePagedList';
import { useStaffMe } from '../../useCommunity';
import { PageShell } from '../../../components/PageShell';
import { useFreshOnShow } from '../../../lib/freshness';
import '../../manage.css';
import { tappable } from '../../../components/Tappable';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

/** The social worker's desk at the base: needs, partners, rooms, a new course, the community's counts and quiet groups. */
function BaseHomePageBody() {
  const staff = useStaffMe();
  const { communityId } = staff;
  const [overview, setOverview] = useState<TGrowthOverview | null>(null);
  const fetchQuiet = useCallback(
    (cursor: string | undefined) => (communityId ? api.growth.quietGroups({ communityId, cursor }) : Promise.resolve({ items: [] as TQuietGroup[], nextCursor: null })),
    [communityId],
  );
  const quiet = usePagedList(fetchQuiet);

  const refresh = useCallback(async () => {
    const me = await staff.load();
    const cid = me?.community?.id;
    if (!cid) return;
    await Promise.all([quiet.reload(), api.growth.overview({ communityId: cid }).then((r) => setOverview(r.overview)).catch(() => undefined)]);
  }, [staff.load, quiet.reload]); // eslint-disable-line react-hooks/exhaustive-deps

  useLoad(() => void staff.load());
  useFreshOnShow(refresh, { skipFirst: true });
  useEffect(() => {
    if (communityId) {
      void quiet.reload();
      void api.growth.overview({ communityId }).then((r) => setOverview(r.overview)).catch(() => undefined);
    }
  }, [communityId]); // eslint-disable-line react-hooks/exhaustive-deps
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (quiet.hasMore) void quiet.loadMore();
  });

  if (!staff.me) return staff.error ? <ErrorState message={staff.error} onRetry={() => void staff.load()} /> : <Loading />;
  if (!staff.isStaff || !communityId) return <EmptyState text='孵化基地的管理只对社区社工开放' />;

  return (
    <View className='page'>
      <View className='card'>
        <View className='bm__lead'>{staff.me.community?.name}孵化基地</View>
        {overview ? (
          <View id='growth-overview' className='card__meta'>
            已备案组织 {overview.filedGroups} 个（示范 {overview.modelGroups}）；兴趣小组 {overview.circles} 个、培育中 {overview.incubating} 个；党支部 {overview.partyBranches} 个，党员 {overview.partyMembers} 人
          </View>
        ) : null}
        <View className='bm__actions'>
          <Button id='btn-staff-needs' className='btn btn--primary' onClick={() => go(ROUTES.baseNeeds)}>
            居民需求（答复、开课、成立小组）
          </Button>
          <Button id='btn-staff-rooms' className='btn btn--ghost' onClick={() => go(ROUTES.rooms())}>
            活动室日历与预约审批
          </Button>
          <Button id='btn-staff-partners' className='btn btn--ghost' onClick={() => go(ROUTES.partners)}>
            合作伙伴
          </Button>
          <Button id='btn-staff-new-course' className='btn btn--ghost' onClick={() => go(ROUTES.courseNew())}>
            开设课程
          </Button>
        </View>
      </View>

      <View className='section-title'>90天没有活动的组织</View>
      <View id='quiet-groups'>
        {quiet.loading && !quiet.loaded ? (
          <Loading />
        ) : quiet.error && !quiet.loaded ? (
          <ErrorState message={quiet.error} onRetry={() => void quiet.reload()} />
        ) : quiet.loaded && quiet.items.length === 0 ? (
          <EmptyState id='quiet-empty' text='每个组织最近90天都有活动' />
        ) : (
          <>
            {quiet.items.map((g) => (
              <View {...tappable()} key={g.id} id={`quiet-${g.id}`} className='card' onClick={() => go(ROUTES.groupGrowth(g.id))}>
                <View className='card__title'>{g.name}</View>
                <View className='card__row'>
                  <Text className='bm__stage'>{GROUP_STAGE_LABELS[g.stage]}</Text>
                </View>
                <View className='card__meta'>{g.lastEventAt ? `上次活动：${dateLabel(chinaDate(g.lastEventAt))}` : '还没有办过活动'}</View>
                <View className='card__meta'>负责人：{g.leaderName}　查看记录 ›</View>
              </View>
            ))}
            {quiet.loaded ? <ListFooter list={quiet} /> : null}
          </>
        )}
      </View>
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function BaseHomePage() {
  return (
    <PageShell>
      <BaseHomePageBody />
    </PageShell>
  );
}
