import { useEffect, useState } from 'react';
import type { TMemberRow } from '../../../types';
import { GROUP_ROLE_LABELS } from '../../../types/membership';
import { errorMessage } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { fetchActiveRoster } from '../roster';
import { OptionSheet } from './OptionSheet';
import { Sheet } from './Sheet';

interface TMemberPickerSheetProps {
  id: string;
  title: string;
  groupId: string;
  current?: string | null;
  /** Rows that may not be chosen (e.g. the current leader when picking a new one). */
  exclude?: (row: TMemberRow) => boolean;
  onPick: (row: TMemberRow) => void;
  onCancel: () => void;
}

/** Picks one active member of the group; loads the roster when it opens. */
export function MemberPickerSheet({ id, title, groupId, current, exclude, onPick, onCancel }: TMemberPickerSheetProps) {
  const [rows, setRows] = useState<TMemberRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () => {
    setError(null);
    fetchActiveRoster(groupId).then(
      (all) => setRows(exclude ? all.filter((r) => !exclude(r)) : all),
      (err) => setError(errorMessage(err)),
    );
  };
  useEffect(load, [groupId]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!rows) {
    return (
      <Sheet id={id} title={title} onClose={onCancel}>
        {error ? <ErrorState message={error} onRetry={load} /> : <Loading text='正在加载成员名单…' />}
      </Sheet>
    );
  }
  const options = rows.map((r) => ({
    value: r.id,
    label: r.name,
    hint: `${GROUP_ROLE_LABELS[r.role]}${r.mobile ? ` · ${r.mobile}` : ' · 未登记手机号'}`,
  }));
  if (options.length === 0) {
    return (
      <Sheet id={id} title={title} onClose={onCancel}>
        <ErrorState message='没有可以选择的成员' />
      </Sheet>
    );
  }
  return (
    <OptionSheet
      id={id}
      title={title}
      options={options}
      current={current}
      onPick={(value) => {
        const row = rows.find((r) => r.id === value);
        if (row) onPick(row);
      }}
      onCancel={onCancel}
    />
  );
}
