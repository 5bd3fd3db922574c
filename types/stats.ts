import { z } from 'zod';
import './validation';
import { defineFunction } from './define';
import { zId } from './fields';
import { DASHBOARD_LEVELS } from './stats-vocab';
export * from './stats-vocab';

/**
 * The staff dashboards (docs/dashboards.md): a community's, a street's or the district's numbers, each person
 * seeing only their scope. Every number is read from counters moved with the data (never a scan of groups).
 */
export const ZDashboardLevel = z.enum(DASHBOARD_LEVELS, { error: '请选择社区、街道或区' });

/** A place the caller may open, for the picker. */
export const ZDashboardPlace = z.object({
  level: ZDashboardLevel,
  id: z.string(),
  name: z.string(),
  /** The street or district it belongs to (null for the district). */
  parentName: z.string().nullable(),
});
export type TDashboardPlace = z.output<typeof ZDashboardPlace>;

/** One bar of a chart: a label and its number. */
export const ZBar = z.object({ key: z.string(), label: z.string(), count: z.number() });
export type TBar = z.output<typeof ZBar>;

export const ZDashboardMonth = z.object({
  /** `202611` */
  month: z.string(),
  /** `11月`, `2026年1月` for January. */
  label: z.string(),
  eventsHeld: z.number(),
  attendances: z.number(),
  volunteerHours: z.number(),
  roomBookings: z.number(),
  roomHours: z.number(),
});
export type TDashboardMonth = z.output<typeof ZDashboardMonth>;

export const ZDashboard = z.object({
  level: ZDashboardLevel,
  placeId: z.string(),
  placeName: z.string(),
  /** Communities summed (1 for a community). */
  communityCount: z.number(),
  /** Filed groups (已备案 and 示范). */
  filedGroups: z.number(),
  members: z.number(),
  partyBranches: z.number(),
  partyMembers: z.number(),
  categories: z.array(ZBar),
  stages: z.array(ZBar),
  statuses: z.array(ZBar),
  /** The last 12 months, oldest first, the current month last. */
  months: z.array(ZDashboardMonth),
  /** Totals over those months. */
  volunteerHours: z.number(),
  filingsWaiting: z.number(),
  /** Waiting longer than FILING_OVERDUE_DAYS. */
  filingsOverdue: z.number(),
  needsOpen: z.number(),
  needsAnswered: z.number(),
});
export type TDashboard = z.output<typeof ZDashboard>;

export const statsFunction = defineFunction('stats', {
  /**
   * A dashboard (staff only): without a place, the caller's first community (or street, or district). Answers the
   * places the caller may open too, so the page's first screen is one call.
   */
  dashboard: {
    input: z.strictObject({ level: ZDashboardLevel.optional(), placeId: zId('地区').optional() }),
    output: z.object({ places: z.array(ZDashboardPlace), dashboard: ZDashboard }),
  },
});
export type TStatsFunction = typeof statsFunction;
