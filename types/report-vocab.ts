/** Report vocabulary without zod, so the reports page can import it (types/reports.ts builds the schemas on it). */
export const REPORT_LEVELS = ['community', 'street', 'district'] as const;
export type TReportLevel = (typeof REPORT_LEVELS)[number];
export const REPORT_LEVEL_LABELS: Record<TReportLevel, string> = { community: '社区', street: '街道', district: '区' };

export const REPORT_LIMITS = {
  firstYear: 2020,
  lastYear: 2100,
  /** How long a generated report's link works: long enough to open it, short enough that a forwarded link dies. */
  linkMinutes: 10,
} as const;

export const QUARTER_LABELS = ['第1季度', '第2季度', '第3季度', '第4季度'] as const;
