import { Button, View } from '@tarojs/components';
import type { TMemberRow } from '../../../../types';
import { formatDate } from '../../../lib/time';
import { PhoneLink } from '../../components/PhoneLink';
import { RoleTag } from '../../components/RoleTag';

interface TRosterRowProps {
  row: TMemberRow;
  index: number;
  subCommitteeName: string | null;
  busy: boolean;
  onActions: (row: TMemberRow) => void;
}

/** One member: name, role, 分会, phone; 操作 opens the action sheet (the whole card does too). */
export function RosterRow({ row, index, subCommitteeName, busy, onActions }: TRosterRowProps) {
  return (
    <View id={`member-${index}`} data-name={row.name} className='card member' onClick={busy ? undefined : () => onActions(row)}>
      <View className='member__head'>
        <View className='member__name'>{row.name}</View>
        <RoleTag role={row.role} />
      </View>
      <View className='member__meta'>分会：{subCommitteeName ?? '未加入分会'}</View>
      {row.joinedAt ? <View className='member__meta'>加入日期：{formatDate(row.joinedAt)}</View> : null}
      <View className='member__more'>
        <PhoneLink mobile={row.mobile} />
        <Button
          id={`btn-member-actions-${index}`}
          className='btn btn--ghost member__actions'
          disabled={busy || undefined}
          onClick={(e) => {
            e.stopPropagation();
            onActions(row);
          }}
        >
          操作
        </Button>
      </View>
    </View>
  );
}
