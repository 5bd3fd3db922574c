import { Button, View } from '@tarojs/components';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { TGroupDetail } from '../../../../types';
import { api, errorMessage } from '../../../api';
import { CategoryBadge } from '../../../components/CategoryBadge';
import { CategoryTag } from '../../../components/CategoryTag';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { ErrorState } from '../../../components/ErrorState';
import { InfoRow } from '../../../components/InfoRow';
import { Loading } from '../../../components/Loading';
import { PartyBadge } from '../../../components/PartyBadge';
import { StageTag } from '../../../components/StageTag';
import { go, ROUTES } from '../../../lib/nav';
import { formatDate } from '../../../lib/time';
import { GroupEvents } from './GroupEvents';
import { JoinPanel } from './JoinPanel';
import { JoinSheet } from './JoinSheet';
import { SubCommitteeList } from './SubCommitteeList';
import { useMembership } from './useMembership';
import { PageShell } from '../../../components/PageShell';
import { useFreshOnShow } from '../../../lib/freshness';
import './index.css';
import { tappable } from '../../../components/Tappable';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

const CHARTER_PREVIEW = 150;

function GroupDetailPageBody() {
  const id = useRouter().params.id ?? '';
  const [group, setGroup] = useState<TGroupDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [charterOpen, setCharterOpen] = useState(false);
  // Each show refreshes the events too (a new event, a record written on the way back).
  const [shows, setShows] = useState(0);

  const load = useCallback(async () => {
    setError(null);
    try {
      setGroup((await api.groups.detail({ groupId: id })).group);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [id]);

  const membership = useMembership(group, load);
  // Social workers also reach the group's notes and stage from here.
  const [isStaff, setIsStaff] = useState(false);
  useEffect(() => {
    api.account
      .me({})
      .then(({ me }) => setIsStaff(me.roles.includes('social_worker') || me.roles.includes('admin')))
      .catch(() => undefined);
  }, []);

  // Also on return from 管理本组织 / 成员管理: the name, counts and the caller's role may have changed.
  useFreshOnShow(() => {
    void load();
    setShows((n) => n + 1);
  });

  useShareAppMessage(() => ({
    title: group ? (group.coverText ? `${group.name}：${group.coverText}` : group.name) : '社区社团',
    path: ROUTES.groupDetail(id),
  }));

  if (!group) return error ? <ErrorState message={error} onRetry={() => void load()} /> : <Loading />;
  const longCharter = group.charter.length > CHARTER_PREVIEW;

  return (
    <View className='page group'>
      <View className='card'>
        <View className='card__head'>
          <CategoryBadge category={group.category} />
          <View id='group-name' className='group__name'>
            {group.name}
          </View>
        </View>
        <View className='card__tags group__tags'>
          <StageTag stage={group.stage} id='group-stage' />
          <CategoryTag category={group.category} />
          {group.hasPartyBranch ? <PartyBadge id='party-badge' /> : null}
        </View>
        {group.coverText ? (
          <View id='group-cover' className='group__cover'>
            {group.coverText}
          </View>
        ) : null}
      </View>

      <JoinPanel
        group={group}
        busy={membership.sending}
        onJoin={membership.openSheet}
        onCancelJoin={() => void membership.cancelJoin()}
        onLeave={() => void membership.leave()}
      />

      {group.canManage || isStaff ? (
        <View id='group-base-area' className='card btn-stack group__base'>
          {group.canManage ? (
            <Button id='btn-group-rooms' className='btn btn--ghost' onClick={() => go(ROUTES.rooms(group.id))}>
              预约孵化基地活动室
            </Button>
          ) : null}
          {isStaff ? (
            <Button id='btn-group-growth' className='btn btn--ghost' onClick={() => go(ROUTES.groupGrowth(group.id))}>
              培育记录与阶段（社工）
            </Button>
          ) : null}
          {isStaff ? (
            <Button id='btn-group-staff-view' className='btn btn--ghost' onClick={() => go(ROUTES.staffGroup(group.id))}>
              社团档案：报备记录、花名册（社工）
            </Button>
          ) : null}
        </View>
      ) : null}

      <GroupEvents groupId={group.id} canManage={group.canManage} reloadKey={shows} />

      <View className='section-title'>简介</View>
      <View className='card'>
        <View className='group__intro'>{group.intro}</View>
      </View>

      <SubCommitteeList items={group.subCommittees} />

      <View className='section-title'>基本信息</View>
      <View className='card'>
        <InfoRow label='活动时间' value={group.activityTime} id='group-activity-time' />
        <InfoRow label='活动场所' value={group.venue} id='group-venue' />
        <InfoRow label='成员人数' value={`${group.memberCount} 人`} id='group-member-count' />
        {group.hasPartyBranch ? <InfoRow label='党支部' value={`已建立，党员 ${group.partyMemberCount} 人`} /> : null}
        <InfoRow label='所属社区' value={group.communityName} />
        <InfoRow label='指导单位' value={group.supervisor} id='group-supervisor' />
        <InfoRow label='负责人' value={group.leaderName} id='group-leader-name' />
        <InfoRow label='负责人电话' value={group.leaderMobileMasked} id='group-leader-mobile' />
        <InfoRow label='报备日期' value={group.filedAt ? formatDate(group.filedAt) : '还未备案（兴趣小组）'} />
      </View>

      <View className='section-title'>章程</View>
      <View id='group-charter' className='card'>
        <View className={longCharter && !charterOpen ? 'group__charter group__charter--closed' : 'group__charter'}>
          {longCharter && !charterOpen ? `${group.charter.slice(0, CHARTER_PREVIEW)}…` : group.charter}
        </View>
        {longCharter ? (
          <View {...tappable()} id='btn-toggle-charter' className='link' onClick={() => setCharterOpen(!charterOpen)}>
            {charterOpen ? '收起章程' : '展开完整章程'}
          </View>
        ) : null}
      </View>
      {membership.sheetOpen ? (
        <JoinSheet
          groupName={group.name}
          joinPolicy={group.joinPolicy}
          sending={membership.sending}
          errors={membership.errors}
          onSubmit={(form) => void membership.join(form)}
          onCancel={membership.closeSheet}
        />
      ) : null}
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function GroupDetailPage() {
  return (
    <PageShell needs='id'>
      <GroupDetailPageBody />
    </PageShell>
  );
}
