import { View } from '@tarojs/components';
import type { TMemberRow } from '../../../../types/manage';
import type { TSubCommittee } from '../../../../types/groups';
import { GROUP_ROLE_LABELS } from '../../../../types/membership';
import { EmptyState } from '../../../components/EmptyState';
import { ListFooter } from '../../../components/ListFooter';
import type { TPagedList } from '../../../lib/usePagedList';
import { ExportRosterButton } from '../../../package-stats/components/ExportRosterButton';

/**
 * The roster as it stands in the app: each active member's role, 分会 and phone. Later pages come from
 * manage.members, which continues the staff view's first page. 导出花名册 (the .xlsx, docs/reports.md) sits on top.
 */
export function RosterSection({
  groupId,
  list,
  subCommittees,
  memberCount,
}: {
  groupId: string;
  list: TPagedList<TMemberRow>;
  subCommittees: TSubCommittee[];
  memberCount: number;
}) {
  const scName = new Map(subCommittees.map((s) => [s.id, s.name]));
  return (
    <View id='staff-roster' className='card wb-section'>
      <View className='card__meta'>备案成员 {memberCount} 人；以下是在小程序中加入的成员。</View>
      <ExportRosterButton groupId={groupId} />
      {list.items.length === 0 ? (
        <EmptyState id='staff-roster-empty' text='还没有成员在小程序中加入' />
      ) : (
        list.items.map((m) => (
          <View key={m.id} id={`staff-member-${m.id}`} className='wb-member'>
            <View className='card__row'>
              <View className='wb-member__name'>{m.name}</View>
              <View className='card__meta'>
                　{GROUP_ROLE_LABELS[m.role]}
                {m.subCommitteeId && scName.get(m.subCommitteeId) ? ` · ${scName.get(m.subCommitteeId)}` : ''}
              </View>
            </View>
            <View className='wb-phone'>{m.mobile ?? '未留手机号'}</View>
          </View>
        ))
      )}
      <ListFooter list={list} moreId='btn-more-members' />
    </View>
  );
}
