import { Button, View } from '@tarojs/components';
import type { TGroupDetail } from '../../../../types';
import { GROUP_ROLE_LABELS } from '../../../../types/membership';
import { go, ROUTES } from '../../../lib/nav';
import { CountBadge } from '../../../components/CountBadge';

interface TJoinPanelProps {
  group: TGroupDetail;
  busy: boolean;
  onJoin: () => void;
  onCancelJoin: () => void;
  onLeave: () => void;
}

/**
 * The caller's place in the group and the one or two things they can do about it:
 * not in → 申请加入 (直接加入 for open groups); pending → 待审核 + 取消申请; member → 已加入 + 退出组织 (never for the
 * leader, who must hand over first); leader or deputy → 管理本组织 and 成员管理.
 */
export function JoinPanel({ group, busy, onJoin, onCancelJoin, onLeave }: TJoinPanelProps) {
  const m = group.myMembership;
  const status = m?.status;
  let body;
  if (status === 'pending') {
    body = (
      <>
        <View id='join-status' className='join__status join__status--pending'>
          待审核
        </View>
        <View className='join__hint'>您的申请已提交，请等待负责人审核。</View>
        <Button id='btn-cancel-join' className='btn btn--plain' disabled={busy || undefined} onClick={onCancelJoin}>
          取消申请
        </Button>
      </>
    );
  } else if (status === 'active' && m) {
    body = (
      <>
        <View id='join-status' className='join__status join__status--active'>
          已加入
        </View>
        <View className='join__hint'>您是本组织的{GROUP_ROLE_LABELS[m.role]}。</View>
        {m.role === 'leader' ? (
          <View className='join__hint'>负责人不能直接退出；如需交接，请在「管理本组织」中提交变更报备。</View>
        ) : (
          <Button id='btn-leave' className='btn btn--plain' disabled={busy || undefined} onClick={onLeave}>
            退出组织
          </Button>
        )}
      </>
    );
  } else {
    const open = group.joinPolicy === 'open';
    body = (
      <>
        {status === 'declined' ? <View className='join__hint'>您上次的申请未通过，可以再次申请。</View> : null}
        {status === 'removed' ? <View className='join__hint'>您已被移出本组织，如需加入请重新申请。</View> : null}
        <View className='join__hint'>{open ? '本组织可直接加入，无需等待审核。' : '申请后由负责人审核。'}</View>
        <Button id='btn-join' className='btn btn--primary' disabled={busy || undefined} onClick={onJoin}>
          {open ? '直接加入' : '申请加入'}
        </Button>
      </>
    );
  }

  return (
    <View id='join-area' className='card join'>
      {body}
      {group.canManage ? (
        <View id='manage-area' className='join__manage'>
          {group.hasPendingFiling ? (
            <View id='group-pending-filing' className='join__hint'>
              有一份变更/注销报备正在等待社区审核。
            </View>
          ) : null}
          <View className='btn-row'>
            <Button id='btn-manage-group' className='btn btn--ghost' onClick={() => go(ROUTES.manageSettings(group.id))}>
              管理本组织
            </Button>
            <Button id='btn-manage-members' className='btn btn--ghost' onClick={() => go(ROUTES.manageMembers(group.id))}>
              成员管理
              <CountBadge id='badge-manage-members' count={group.waitingRequests} label='待处理的入会申请' />
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}
