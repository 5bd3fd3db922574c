import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { ListFooter } from '../../../components/ListFooter';
import { Loading } from '../../../components/Loading';
import { api, errorMessage } from '../../../api';
import { NotManager } from '../../components/NotManager';
import { useGroup } from '../../useGroup';
import { useMemberList, type TMemberList } from '../../useMemberList';
import { MemberSheets } from './MemberSheets';
import { RequestRow } from './RequestRow';
import { RosterRow } from './RosterRow';
import { ExportRosterButton } from '../../../package-stats/components/ExportRosterButton';
import { useMemberActions } from './useMemberActions';
import { PageShell } from '../../../components/PageShell';
import { useFreshOnShow } from '../../../lib/freshness';
import '../../components/manage.css';
import './index.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

type TTab = 'pending' | 'active';
type TMembersOverview = Awaited<ReturnType<typeof api.manage.membersOverview>>;

function countLabel(list: TMemberList): string {
  if (!list.loaded) return '';
  return `（${list.items.length}${list.hasMore ? '+' : ''}）`;
}

/** 成员管理: join requests (oldest first) and the roster, for the group's leader and deputies. */
function MembersPageBody() {
  const params = useRouter().params;
  const groupId = params.groupId ?? '';
  const [tab, setTab] = useState<TTab>(params.tab === 'active' ? 'active' : 'pending');
  const group = useGroup(groupId);
  // The first screen is one call (manage.membersOverview: the group and the open tab's first page); the list that
  // asks for its first page while that call is in flight takes it from there. Later pages use manage.members.
  const overview = useRef<{ status: TTab; call: Promise<TMembersOverview> } | null>(null);
  const firstPageOf = (status: TTab) => () => {
    const o = overview.current;
    if (!o || o.status !== status) return null;
    overview.current = null; // used once: a later reload of this list asks manage.members
    return o.call.then((r) => r.members ?? { items: [], nextCursor: null });
  };
  const pending = useMemberList(groupId, 'pending', firstPageOf('pending'));
  const roster = useMemberList(groupId, 'active', firstPageOf('active'));
  const [firstError, setFirstError] = useState<string | null>(null);
  const loadFirstScreen = async (status: TTab) => {
    if (!groupId) return;
    const call = api.manage.membersOverview({ groupId, status });
    overview.current = { status, call };
    const list = status === 'pending' ? pending : roster;
    const reloaded = list.reload();
    try {
      const answer = await call;
      group.setGroup(answer.group);
      setFirstError(null);
    } catch (err) {
      setFirstError(errorMessage(err));
    }
    await reloaded;
  };
  const actions = useMemberActions({ group: group.group, pending, roster });
  const current = tab === 'pending' ? pending : roster;
  const shown = useRef(false);

  const show = (next: TTab) => {
    setTab(next);
    const list = next === 'pending' ? pending : roster;
    if (!list.loaded && !list.loading) void list.reload();
  };

  // The first show, and coming back (e.g. from 组织管理 after adding a 分会) once something changed or 30 s passed:
  // one call for the group and the open tab.
  useFreshOnShow(() => {
    shown.current = true;
    void loadFirstScreen(tab);
  });
  usePullDownRefresh(() => {
    void loadFirstScreen(tab).finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (current.hasMore) void current.loadMore();
  });

  if (!groupId) return <ErrorState message='缺少组织编号，请从组织页面重新进入' />;
  // One loading state for the page until the group and its first list are in.
  if (!group.group) {
    return firstError ? <ErrorState message={firstError} onRetry={() => void loadFirstScreen(tab)} /> : <Loading />;
  }
  if (!group.group.canManage) return <NotManager />;

  const scName = (id: string | null) => (id ? (group.group?.subCommittees.find((s) => s.id === id)?.name ?? '（已删除的分会）') : null);

  let body;
  if (current.loading && !current.loaded) body = <Loading />;
  else if (current.error && !current.loaded) body = <ErrorState message={current.error} onRetry={() => void current.reload()} />;
  else if (tab === 'pending' && pending.items.length === 0) {
    body = <EmptyState id='requests-empty' text='暂无入会申请' hint='有居民申请加入时，会显示在这里' />;
  } else if (tab === 'active' && roster.items.length === 0) {
    body = <EmptyState id='roster-empty' text='还没有成员' />;
  } else if (tab === 'pending') {
    body = (
      <View id='request-list'>
        <View className='muted members__intro'>按申请时间排列，最早的在最前面。</View>
        {pending.items.map((row, i) => (
          <RequestRow key={row.id} row={row} index={i} busy={actions.busyId === row.id} onApprove={actions.approve} onDecline={actions.startDecline} />
        ))}
        <ListFooter list={pending} />
      </View>
    );
  } else {
    body = (
      <View id='roster-list'>
        <View className='muted members__intro'>点成员或「操作」可设副负责人、安排分会、移出组织。</View>
        {roster.items.map((row, i) => (
          <RosterRow
            key={row.id}
            row={row}
            index={i}
            subCommitteeName={scName(row.subCommitteeId)}
            busy={actions.busyId === row.id || !group.group}
            onActions={(r) => void actions.openActions(r)}
          />
        ))}
        <ListFooter list={roster} />
      </View>
    );
  }

  return (
    <View className='page members'>
      <View className='tabs' role='tablist'>
        <View id='tab-pending' role='tab' aria-selected={tab === 'pending'} className={tab === 'pending' ? 'tab tab--on' : 'tab'} onClick={() => show('pending')}>
          入会申请{countLabel(pending)}
        </View>
        <View id='tab-active' role='tab' aria-selected={tab === 'active'} className={tab === 'active' ? 'tab tab--on' : 'tab'} onClick={() => show('active')}>
          成员名单
        </View>
      </View>
      {/* 会员花名册 as .xlsx, with phones: the leader and deputies here (docs/reports.md). */}
      {tab === 'active' ? <ExportRosterButton groupId={groupId} /> : null}
      {body}
      <MemberSheets actions={actions} group={group.group} />
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function MembersPage() {
  return (
    <PageShell needs='groupId'>
      <MembersPageBody />
    </PageShell>
  );
}
