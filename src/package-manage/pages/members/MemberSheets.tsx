import type { TGroupDetail } from '../../../../types';
import { MANAGE_LIMITS } from '../../../../types/form-limits';
import { NoteSheet } from '../../components/NoteSheet';
import { OptionSheet } from '../../components/OptionSheet';
import type { useMemberActions } from './useMemberActions';

type TActions = ReturnType<typeof useMemberActions>;

/** Whichever sheet an action opened: 拒绝 note, 移出 note, or the 分会 choice. */
export function MemberSheets({ actions, group }: { actions: TActions; group: TGroupDetail | null }) {
  const { sheet, sending, sheetError } = actions;
  if (!sheet) return null;
  const { row } = sheet;
  if (sheet.kind === 'decline') {
    return (
      <NoteSheet
        id='decline-sheet'
        title={`拒绝「${row.name}」的申请`}
        text='拒绝后，申请人会收到通知。可以写一句原因，让对方明白。'
        label='给申请人的说明'
        placeholder='例如：本协会只接收本社区60岁以上的居民'
        maxLength={MANAGE_LIMITS.note}
        confirmText='确认拒绝'
        danger
        sending={sending}
        error={sheetError}
        onConfirm={(note) => void actions.decline(row, note)}
        onCancel={actions.closeSheet}
      />
    );
  }
  if (sheet.kind === 'remove') {
    return (
      <NoteSheet
        id='remove-sheet'
        title={`移出「${row.name}」`}
        text='可以写一句移出的原因，留作记录。'
        label='备注'
        placeholder='例如：本人已搬离本社区'
        maxLength={MANAGE_LIMITS.note}
        confirmText='确认移出'
        danger
        sending={sending}
        error={sheetError}
        onConfirm={(note) => void actions.remove(row, note)}
        onCancel={actions.closeSheet}
      />
    );
  }
  const options = [
    ...(group?.subCommittees ?? []).map((s) => ({ value: s.id as string | null, label: s.name, hint: `负责人：${s.leadName} · ${s.memberCount} 人` })),
    { value: null, label: '不属于任何分会' },
  ];
  return (
    <OptionSheet
      id='assign-sheet'
      title={`把「${row.name}」安排到`}
      options={options}
      current={row.subCommitteeId}
      busy={sending}
      onPick={(value) => void actions.assign(row, value)}
      onCancel={actions.closeSheet}
    />
  );
}
