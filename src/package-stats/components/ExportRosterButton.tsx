import { Button, View } from '@tarojs/components';
import { api } from '../../api';
import { FieldError } from '../../components/FieldError';
import { useExport } from '../lib/useExport';

/**
 * 导出花名册: the group's 会员花名册 as an .xlsx (names, roles, phones, joined dates, 分会). For the pages of those
 * who may list the roster with phones — the group's leader and deputies (成员管理) and its community's staff (the
 * staff view of a group); the server refuses everyone else (docs/reports.md).
 */
export function ExportRosterButton({ groupId, className }: { groupId: string; className?: string }) {
  const roster = useExport(() => api.reports.roster({ groupId }));
  return (
    <View className={className}>
      <Button id='btn-export-roster' className='btn btn--ghost' disabled={roster.busy} onClick={() => void (roster.last ? roster.openAgain() : roster.generate())}>
        {roster.busy ? '正在导出…' : roster.last ? '再次打开花名册' : '导出花名册'}
      </Button>
      <View id='roster-export-error'>
        <FieldError message={roster.error || undefined} />
      </View>
    </View>
  );
}
