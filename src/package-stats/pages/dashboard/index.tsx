import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { TDashboard, TDashboardLevel, TDashboardPlace } from '../../../../types/stats';
import { DASHBOARD_LEVEL_LABELS, FILING_OVERDUE_DAYS } from '../../../../types/stats-vocab';
import { api, errorMessage, isApiError } from '../../../api';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { Loading } from '../../../components/Loading';
import { PageShell } from '../../../components/PageShell';
import { useFreshOnShow } from '../../../lib/freshness';
import { BarChart } from '../../components/BarChart';
import { MonthChart } from '../../components/MonthChart';
import { PlacePicker } from '../../components/PlacePicker';
import '../../stats.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

type TPlaceKey = { level: TDashboardLevel; placeId: string } | null;

/** 数据看板: the numbers of a community, a street or the district the person may see, as bars with their numbers. */
function DashboardPageBody() {
  const params = useRouter().params;
  const asked: TPlaceKey =
    params.level && params.placeId ? { level: params.level as TDashboardLevel, placeId: decodeURIComponent(params.placeId) } : null;
  const [place, setPlace] = useState<TPlaceKey>(asked);
  const [places, setPlaces] = useState<TDashboardPlace[]>([]);
  const [data, setData] = useState<TDashboard | null>(null);
  const [error, setError] = useState<{ message: string; forbidden: boolean } | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);

  const load = useCallback(async (which: TPlaceKey) => {
    const call = ++latest.current;
    setLoading(true);
    try {
      const r = await api.stats.dashboard(which ? { level: which.level, placeId: which.placeId } : {});
      if (call !== latest.current) return;
      setPlaces(r.places);
      setData(r.dashboard);
      setError(null);
    } catch (err) {
      if (call !== latest.current) return;
      setError({ message: errorMessage(err), forbidden: isApiError(err, 'FORBIDDEN') });
    } finally {
      if (call === latest.current) setLoading(false);
    }
  }, []);

  useEffect(() => void load(place), [place, load]);
  useFreshOnShow(() => load(place), { skipFirst: true });
  usePullDownRefresh(() => {
    void load(place).finally(() => Taro.stopPullDownRefresh());
  });

  if (!data && loading) return <Loading />;
  if (!data && error?.forbidden) return <EmptyState id='dashboard-forbidden' text='数据看板只对社区社工和街道、区的工作人员开放' />;
  if (!data) return <ErrorState message={error?.message ?? '加载失败'} onRetry={() => void load(place)} />;

  const d = data;
  const nothing = d.filedGroups === 0 && d.statuses.every((s) => s.count === 0);
  return (
    <View className='page'>
      <PlacePicker places={places} level={d.level} placeId={d.placeId} onPick={(p) => setPlace({ level: p.level, placeId: p.id })} />
      {error ? <ErrorState message={error.message} onRetry={() => void load(place)} /> : null}
      <View id='dashboard-title' className='st__title' aria-live='polite'>
        {d.placeName}
        <View className='st__title-sub'>
          {placeLine(d, places)}
          {loading ? '　正在更新…' : ''}
        </View>
      </View>

      <View className='st__tiles'>
        <BigNumber id='stat-groups' label='已备案组织' value={d.filedGroups} unit='个' />
        <BigNumber id='stat-members' label='成员' value={d.members} unit='人' />
        <BigNumber id='stat-branches' label='党支部' value={d.partyBranches} unit='个' />
        <BigNumber id='stat-party-members' label='党员' value={d.partyMembers} unit='人' />
      </View>

      {nothing ? <EmptyState id='dashboard-empty' text='这里还没有群众性组织' hint='组织报备通过后，数字会出现在这里' /> : null}

      <Section title='组织类别（已备案）'>
        <BarChart id='chart-categories' rows={d.categories.map((c) => ({ ...c, unit: '个' }))} />
      </Section>
      <Section title='培育阶段'>
        <BarChart id='chart-stages' tone='green' rows={d.stages.map((c) => ({ ...c, unit: '个' }))} />
      </Section>
      <Section title='组织状态'>
        <BarChart id='chart-statuses' tone='teal' rows={d.statuses.map((c) => ({ ...c, unit: '个' }))} />
      </Section>
      <Section title='近12个月的活动与参与' sub={`志愿服务共 ${d.volunteerHours} 小时`}>
        <MonthChart
          id='chart-months'
          labels={d.months.map((m) => m.label)}
          series={[
            { key: 'events', name: '活动', unit: '场', tone: 'blue', values: d.months.map((m) => m.eventsHeld) },
            { key: 'attendances', name: '参与', unit: '人次', tone: 'green', values: d.months.map((m) => m.attendances) },
          ]}
        />
      </Section>
      <Section title='活动室使用（近12个月）'>
        <MonthChart
          id='chart-rooms'
          labels={d.months.map((m) => m.label)}
          series={[
            { key: 'bookings', name: '预约', unit: '次', tone: 'teal', values: d.months.map((m) => m.roomBookings) },
            { key: 'hours', name: '使用', unit: '小时', tone: 'amber', values: d.months.map((m) => m.roomHours) },
          ]}
        />
      </Section>
      <Section title='报备审核'>
        <BarChart
          id='chart-filings'
          tone='amber'
          rows={[
            { key: 'waiting', label: '等待审核', count: d.filingsWaiting, unit: '份' },
            { key: 'overdue', label: `超过${FILING_OVERDUE_DAYS}天未审`, count: d.filingsOverdue, unit: '份' },
          ]}
        />
      </Section>
      <Section title='居民需求'>
        <BarChart
          id='chart-needs'
          rows={[
            { key: 'open', label: '收集中', count: d.needsOpen, unit: '条' },
            { key: 'answered', label: '已答复', count: d.needsAnswered, unit: '条' },
          ]}
        />
      </Section>
      <DevPanelSlot />
    </View>
  );
}

/** 「社区 · 汇通街道」, 「街道 · 桥西区，共2个社区」, 「区，共5个社区」. */
function placeLine(d: TDashboard, places: TDashboardPlace[]): string {
  const parent = places.find((p) => p.level === d.level && p.id === d.placeId)?.parentName;
  const level = DASHBOARD_LEVEL_LABELS[d.level];
  return `${parent ? `${parent} · ${level}` : level}${d.level === 'community' ? '' : `，共${d.communityCount}个社区`}`;
}

function BigNumber({ id, label, value, unit }: { id: string; label: string; value: number; unit: string }) {
  return (
    <View id={id} className='st__tile'>
      <View className='st__tile-value'>
        {value}
        <View className='st__tile-unit'>{unit}</View>
      </View>
      <View className='st__tile-label'>{label}</View>
    </View>
  );
}

function Section({ title, sub, children }: { title: string; sub?: string; children: ReactNode }) {
  return (
    <View className='card st__section'>
      <View className='st__section-title'>{title}</View>
      {sub ? <View className='st__section-sub'>{sub}</View> : null}
      {children}
    </View>
  );
}

/** The page's root: the H5 title bar and back button (components/PageShell), then the page itself. */
export default function DashboardPage() {
  return (
    <PageShell>
      <DashboardPageBody />
    </PageShell>
  );
}
