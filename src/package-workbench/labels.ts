import { FILING_KIND_LABELS, FILING_STATUS_LABELS, type TFilingKind } from '../../types/domain';
import { QUEUE_STATUSES, type TQueueStatus } from '../../types/workbench-vocab';
import type { TChipOption } from '../components/ChipRow';
import { calendarDaysBetween, formatDate } from '../lib/time';

export const ALL = 'all' as const;
export type TAll = typeof ALL;

/** 成立 / 变更 / 注销, short enough for one row of chips. */
export const KIND_OPTIONS: TChipOption<TFilingKind | TAll>[] = [
  { value: ALL, label: '全部类型' },
  ...(['initial', 'change', 'dissolution'] as const).map((k) => ({ value: k, label: FILING_KIND_LABELS[k].replace('报备', '') })),
];

export const STATUS_OPTIONS: TChipOption<TQueueStatus>[] = QUEUE_STATUSES.map((s) => ({ value: s, label: FILING_STATUS_LABELS[s] }));

/** 「已等 9 天」 for a waiting filing, measured on the server's clock (`now`); 「提交于 11月3日」 for the others. */
export function ageLabel(status: TQueueStatus, submittedAt: number, now: number): string {
  if (status !== 'submitted') return `提交于 ${formatDate(submittedAt)}`;
  const days = calendarDaysBetween(submittedAt, now);
  return days === 0 ? '今天提交' : `已等 ${days} 天`;
}
