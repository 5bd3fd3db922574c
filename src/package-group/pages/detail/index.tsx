import { View } from '@tarojs/components';
import { useLoad, useRouter, useShareAppMessage } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { TGroupDetail } from '../../../../types';
import { GROUP_CATEGORY_LABELS } from '../../../../types/domain';
import { api, errorMessage } from '../../../api';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { ErrorState } from '../../../components/ErrorState';
import { InfoRow } from '../../../components/InfoRow';
import { Loading } from '../../../components/Loading';
import { PartyBadge } from '../../../components/PartyBadge';
import { formatDate } from '../../../lib/time';
import './index.css';

const CHARTER_PREVIEW = 150;

export default function GroupDetailPage() {
  const id = useRouter().params.id ?? '';
  const [group, setGroup] = useState<TGroupDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [charterOpen, setCharterOpen] = useState(false);

  const load = useCallback(async () => {
    setError(null);
    try {
      setGroup((await api.groups.detail({ groupId: id })).group);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [id]);

  useLoad(() => {
    void load();
  });

  useShareAppMessage(() => ({
    title: group?.name ?? '社区社团',
    path: `/package-group/pages/detail/index?id=${id}`,
  }));

  if (!group) return error ? <ErrorState message={error} onRetry={() => void load()} /> : <Loading />;
  const longCharter = group.charter.length > CHARTER_PREVIEW;

  return (
    <View className='page group'>
      <View className='card'>
        <View id='group-name' className='group__name'>
          {group.name}
        </View>
        <View className='card__row group__tags'>
          <View className='category-tag'>{GROUP_CATEGORY_LABELS[group.category]}</View>
          {group.hasPartyBranch ? <PartyBadge id='party-badge' /> : null}
        </View>
        {group.coverText ? <View className='group__cover'>{group.coverText}</View> : null}
      </View>

      <View className='section-title'>简介</View>
      <View className='card'>
        <View className='group__intro'>{group.intro}</View>
      </View>

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
        <InfoRow label='报备日期' value={formatDate(group.filedAt)} />
      </View>

      <View className='section-title'>章程</View>
      <View id='group-charter' className='card'>
        <View className={longCharter && !charterOpen ? 'group__charter group__charter--closed' : 'group__charter'}>
          {longCharter && !charterOpen ? `${group.charter.slice(0, CHARTER_PREVIEW)}…` : group.charter}
        </View>
        {longCharter ? (
          <View id='btn-toggle-charter' className='link' onClick={() => setCharterOpen(!charterOpen)}>
            {charterOpen ? '收起章程' : '展开完整章程'}
          </View>
        ) : null}
      </View>
      <DevPanelSlot />
    </View>
  );
}
