/**
 * Vocabularies of the dashboards (docs/dashboards.md), zod-free so pages import them at no cost to their package;
 * types/stats.ts re-exports them.
 */
export const DASHBOARD_LEVELS = ['community', 'street', 'district'] as const;
export type TDashboardLevel = (typeof DASHBOARD_LEVELS)[number];
export const DASHBOARD_LEVEL_LABELS: Record<TDashboardLevel, string> = { community: '社区', street: '街道', district: '区' };

/** 群众性组织 status as a dashboard counts them: filed, not yet filed (兴趣小组/培育中), dissolved. */
export const DASHBOARD_STATUSES = ['active', 'circle', 'dissolved'] as const;
export const DASHBOARD_STATUS_LABELS: Record<(typeof DASHBOARD_STATUSES)[number], string> = {
  active: '已备案',
  circle: '未备案（兴趣小组、培育中）',
  dissolved: '已注销',
};

/** A filing waiting longer than this is overdue (the street office has 7 days to answer it). */
export const FILING_OVERDUE_DAYS = 7;

/** Months a dashboard shows, the current one last. */
export const DASHBOARD_MONTHS = 12;
