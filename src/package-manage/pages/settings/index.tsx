import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { ErrorState } from '../../../components/ErrorState';
import { Loading } from '../../../components/Loading';
import { NotManager } from '../../components/NotManager';
import { RoleTag } from '../../components/RoleTag';
import { MANAGE_ROUTES } from '../../routes';
import { useGroup } from '../../useGroup';
import { DailyInfoForm } from './DailyInfoForm';
import { DissolveSection } from './DissolveSection';
import { SubCommitteeSection } from './SubCommitteeSection';
import { PageShell } from '../../../components/PageShell';
import { useFreshOnShow } from '../../../lib/freshness';
import '../../components/manage.css';
import './index.css';

function NavCard({ id, text, disabled, onClick }: { id: string; text: string; disabled?: boolean; onClick: () => void }) {
  return (
    <View id={id} role='link' aria-disabled={disabled || undefined} className={disabled ? 'card nav-card nav-card--disabled' : 'card nav-card'} onClick={disabled ? undefined : onClick}>
      <View className='nav-card__text'>{text}</View>
      <View className='nav-card__arrow'>›</View>
    </View>
  );
}

/** 组织管理: everyday info (applies at once), 分会, the way to 变更报备 and, for the leader, 注销. */
function SettingsPageBody() {
  const groupId = useRouter().params.groupId ?? '';
  const { group, error, reload, setGroup } = useGroup(groupId);

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

      <View className='section-title'>日常信息（保存后立即生效）</View>
      {/* Keyed by group id so a different group never inherits half-typed values. */}
      <DailyInfoForm key={group.id} group={group} onSaved={setGroup} />

      <View className='section-title'>分会</View>
      <SubCommitteeSection group={group} onChanged={() => void reload()} />

      <View className='section-title'>备案信息变更（需社工审核）</View>
      <View className='section-hint'>组织名称、类别、章程、活动场所、负责人属于备案内容，修改需提交变更报备。</View>
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

      {isLeader ? <DissolveSection group={group} /> : null}
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
