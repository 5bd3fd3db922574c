import { Button, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import type { TMemberRow } from '../../../../types/manage';
import type { TStaffGroupView, TTimelineFiling } from '../../../../types/workbench';
import { api, errorMessage } from '../../../api';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { ErrorState } from '../../../components/ErrorState';
import { Loading } from '../../../components/Loading';
import { PageShell } from '../../../components/PageShell';
import { StageTag } from '../../../components/StageTag';
import { tappable } from '../../../components/Tappable';
import { chinaDate, dateLabel } from '../../../lib/china-time';
import { useFreshOnShow } from '../../../lib/freshness';
import { ROUTES } from '../../../lib/nav';
import { usePagedList } from '../../../lib/usePagedList';
import { useOpenOnce } from '../../nav-once';
import { ActivitySection } from './ActivitySection';
import { FilingTimeline } from './FilingTimeline';
import { RecordSection } from './RecordSection';
import { RosterSection } from './RosterSection';
import '../../workbench.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

/** The page is long (a charter, a roster): one row to jump to each part. */
const JUMPS = [
  { id: 'filings', label: '报备记录' },
  { id: 'roster', label: '花名册' },
  { id: 'activity', label: '活动' },
  { id: 'growth', label: '培育' },
] as const;

function jumpTo(section: string) {
  void Taro.pageScrollTo({ selector: `#staff-${section}-title`, offsetTop: -16, duration: 300 }).catch(() => undefined);
}

/**
 * A group as the community's staff see it (docs/workbench.md): the filed record, every filing as a timeline, the
 * roster with phones, its events and records, its stage and notes. The first screen is one call
 * (workbench.group); more of the roster comes from manage.members.
 */
function StaffGroupPageBody() {
  const groupId = useRouter().params.groupId ?? '';
  const open = useOpenOnce();
  const [view, setView] = useState<TStaffGroupView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const firstScreen = useRef<Promise<TStaffGroupView> | null>(null);

  const fetchRoster = useCallback(
    (cursor: string | undefined) =>
      cursor
        ? api.manage.members({ groupId, status: 'active', cursor })
        : (firstScreen.current ?? Promise.reject(new Error('no first screen'))).then((v) => v.roster),
    [groupId],
  );
  const roster = usePagedList<TMemberRow>(fetchRoster);

  const load = useCallback(async () => {
    const call = api.workbench.group({ groupId }).then((r) => r.group);
    firstScreen.current = call;
    const list = roster.refresh();
    try {
      const answer = await call;
      if (firstScreen.current !== call) return; // a newer load started
      setView(answer);
      setError(null);
    } catch (err) {
      if (firstScreen.current === call) setError(errorMessage(err));
    }
    await list;
  }, [groupId, roster.refresh]); // eslint-disable-line react-hooks/exhaustive-deps

  // A decision, a new member or a record elsewhere changes this page: checked on every show.
  useFreshOnShow(load);
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (roster.hasMore) void roster.loadMore();
  });

  if (!view) return error ? <ErrorState message={error} onRetry={() => void load()} /> : <Loading />;
  const live = view.record.status !== 'dissolved';
  const openFiling = (f: TTimelineFiling) => open(f.status === 'submitted' ? ROUTES.review(f.id) : ROUTES.filingDetail(f.id));

  return (
    <View className='page wb'>
      <View id='staff-jump' className='chips chips--row' role='navigation' aria-label='跳到'>
        {JUMPS.map((j) => (
          <View {...tappable({ role: 'link' })} key={j.id} id={`staff-jump-${j.id}`} className='chip' onClick={() => jumpTo(j.id)}>
            {j.label}
          </View>
        ))}
      </View>
      <RecordSection record={view.record} />

      <View id='staff-filings-title' className='section-title'>
        报备记录
      </View>
      <FilingTimeline filings={view.filings} onOpen={openFiling} />

      <View id='staff-roster-title' className='section-title'>
        花名册
      </View>
      <RosterSection groupId={groupId} list={roster} subCommittees={view.subCommittees} memberCount={view.record.memberCount} />

      <View id='staff-activity-title' className='section-title'>
        活动与记录
      </View>
      <ActivitySection year={view.year} events={view.recentEvents} onOpen={(id) => open(ROUTES.eventDetail(id))} />

      <View id='staff-growth-title' className='section-title'>
        培育阶段与记录
      </View>
      <View id='staff-growth' className='card wb-section'>
        <View className='card__row'>
          <StageTag stage={view.record.stage} />
          {view.record.stageSince ? <View className='card__meta'>　自 {dateLabel(chinaDate(view.record.stageSince))}</View> : null}
        </View>
        {view.notes.length === 0 ? <View className='muted'>还没有走访记录</View> : null}
        {view.notes.map((n) => (
          <View key={n.id} className='wb-event'>
            <View className='card__meta'>
              {dateLabel(chinaDate(n.at))} · {n.kindLabel} · {n.authorName}
            </View>
            <View>{n.text}</View>
          </View>
        ))}
        {live ? (
          <Button id='btn-staff-growth' className='btn btn--ghost' onClick={() => open(ROUTES.groupGrowth(groupId))}>
            全部培育记录、调整阶段
          </Button>
        ) : null}
      </View>
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function StaffGroupPage() {
  return (
    <PageShell needs='groupId'>
      <StaffGroupPageBody />
    </PageShell>
  );
}
