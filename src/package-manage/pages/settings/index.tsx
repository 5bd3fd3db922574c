import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { ErrorState } from '../../../components/ErrorState';
import { Loading } from '../../../components/Loading';
import { NotManager } from '../../components/NotManager';
import { RoleTag } from '../../components/RoleTag';
import { MANAGE_ROUTES } from '../../routes';
import { useGroup } from '../../useGroup';
import { DailyInfoForm } from './DailyInfoForm';
import { AnnualSection } from './AnnualSection';
import { DissolveSection } from './DissolveSection';
import { SubCommitteeSection } from './SubCommitteeSection';
import { PageShell } from '../../../components/PageShell';
import { useFreshOnShow } from '../../../lib/freshness';
import '../../components/manage.css';
import './index.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

function NavCard({ id, text, disabled, onClick }: { id: string; text: string; disabled?: boolean; onClick: () => void }) {
  return (
    <View id={id} role='link' aria-disabled={disabled || undefined} className={disabled ? 'card nav-card nav-card--disabled' : 'card nav-card'} onClick={disabled ? undefined : onClick}>
      <View className='nav-card__text'>{text}</View>
      <View className='nav-card__arrow'>›</View>
    </View>
  );
}

type TTab = 'daily' | 'sub' | 'change' | 'dissolve';

const TABS: { key: TTab; label: string; leaderOnly?: boolean }[] = [
  { key: 'daily', label: '日常信息' },
  { key: 'sub', label: '分会' },
  { key: 'change', label: '变更报备' },
  { key: 'dissolve', label: '注销', leaderOnly: true },
];

/**
 * 组织管理 in four tabs: 日常信息 (applies at once), 分会, 变更报备 (reviewed) and, for the leader, 注销 on a tab
 * of its own, away from everyday saving. Panels stay mounted when hidden, so half-typed values survive a switch.
 */
function SettingsPageBody() {
  const groupId = useRouter().params.groupId ?? '';
  const { group, error, reload, setGroup } = useGroup(groupId);
  const [tab, setTab] = useState<TTab>('daily');

  // Also on return from 变更报备 / 成员管理: the pending flag and 分会 counts may have changed.
  useFreshOnShow(reload);
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (!group) return error ? <ErrorState message={error} onRetry={() => void reload()} /> : <Loading />;
  if (!group.canManage) return <NotManager />;
  const isLeader = group.myMembership?.role === 'leader';

  return (
    <View className='page settings'>
      <View className='card'>
        <View id='settings-group-name' className='settings__name'>
          {group.name}
        </View>
        <View className='card__row'>
          <View className='muted'>我的身份：</View>
          {group.myMembership ? <RoleTag role={group.myMembership.role} /> : null}
          <View className='muted'>· {group.memberCount} 人</View>
        </View>
      </View>
      <NavCard id='link-members' text='成员管理（入会申请、成员名单）' onClick={() => void Taro.navigateTo({ url: MANAGE_ROUTES.members(group.id) })} />
      <AnnualSection group={group} onConfirmed={setGroup} onFileChange={() => setTab('change')} />


      <View className='tabs settings__tabs' role='tablist'>
        {TABS.filter((t) => isLeader || !t.leaderOnly).map((t) => (
          <View
            key={t.key}
            id={`settings-tab-${t.key}`}
            role='tab'
            aria-selected={tab === t.key}
            className={[tab === t.key ? 'tab tab--on' : 'tab', t.key === 'dissolve' ? 'settings__tab--danger' : ''].join(' ')}
            onClick={() => setTab(t.key)}
          >
            {t.label}
          </View>
        ))}
      </View>

      <View id='settings-panel-daily' role='tabpanel' className={tab === 'daily' ? '' : 'settings__panel--hidden'}>
        <View className='section-hint'>简介、封面标语、活动时间和加入方式，保存后立即生效。</View>
        {/* Keyed by group id so a different group never inherits half-typed values. */}
        <DailyInfoForm key={group.id} group={group} onSaved={setGroup} />
      </View>

      <View id='settings-panel-sub' role='tabpanel' className={tab === 'sub' ? '' : 'settings__panel--hidden'}>
        <SubCommitteeSection group={group} onChanged={() => void reload()} />
      </View>

      <View id='settings-panel-change' role='tabpanel' className={tab === 'change' ? '' : 'settings__panel--hidden'}>
        <View className='section-hint'>组织名称、类别、章程、活动场所、负责人属于备案内容，修改需提交变更报备，社工审核通过后生效。</View>
        {group.hasPendingFiling ? (
          <View id='pending-filing-note' className='notice pending-note' role='status'>
            <View className='notice__text'>有一份变更/注销报备正在审核，审核结果出来后才能再提交。</View>
          </View>
        ) : null}
        <NavCard
          id='link-change'
          text={group.hasPendingFiling ? '申请变更备案信息（审核中，暂不可用）' : '申请变更备案信息'}
          disabled={group.hasPendingFiling || undefined}
          onClick={() => void Taro.navigateTo({ url: MANAGE_ROUTES.change(group.id) })}
        />
      </View>

      {isLeader ? (
        <View id='settings-panel-dissolve' role='tabpanel' className={tab === 'dissolve' ? '' : 'settings__panel--hidden'}>
          <DissolveSection group={group} />
        </View>
      ) : null}
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function SettingsPage() {
  return (
    <PageShell needs='groupId'>
      <SettingsPageBody />
    </PageShell>
  );
}
