import { GROUP_CATEGORIES, type TFilingKind, type TGroupCategory } from '../../../types/domain';
import type { TGroupStage } from '../../../types/incubation-vocab';
import { C, type TCommunityDoc, type TFilingDoc, type TGroupDoc, type TGrowthStatDoc, type TStatDoc } from '../collections';
import { communityStatId } from '../events/stats';
import { countsOf, growthStatId, type TGrowthCounts } from '../growth/counters';
import { stageOf } from '../growth/stages';
import { talliesOf } from '../stats/group-tallies';
import type { TStore } from '../storage/port';
import { findAll } from './find-all';
import type { TQuarter } from './quarter';

/**
 * One community's figures for a quarter. Current counts (groups by stage, Party branches and members) come from the
 * community's growth counter (`gs_<id>`) and the quarter's events from its three monthly counters
 * (`st_community_<id>_<yyyymm>`), so they are a few reads at any size. What no counter holds yet is read through
 * indexes: the groups by category with their members (groups_directory, paged), and the filings decided in the
 * quarter (filings_decided, paged; the approved ones kept). Members come from the dashboards' tally in the same
 * counter document (stats/group-tallies.ts); the scan's own member sums per category must agree with it (tested). An export is rare and bounded by one community's groups and filings.
 */
export interface TMonthFigures {
  month: string;
  eventsHeld: number;
  attendances: number;
  volunteerMinutes: number;
}

export type TStageCounts = Record<TGroupStage, number>;

export interface TCategoryFigures {
  stages: TStageCounts;
  /** Members of the filed groups (已备案 and 示范) of this category. */
  members: number;
}

export interface TApprovedFiling {
  communityName: string;
  groupName: string;
  kind: TFilingKind;
  decidedAt: number;
  /** Change filings: the labels of the fields changed (never their values: a leader's phone can be one). */
  changed: string[];
}

export interface TCommunityFigures {
  communityId: string;
  communityName: string;
  growth: TGrowthCounts;
  /** Approved in the quarter, by kind. */
  approved: Record<TFilingKind, number>;
  filings: TApprovedFiling[];
  /** Members of filed groups (the filed count plus joins, docs/architecture.md #7), from the community's counter. */
  members: number;
  byCategory: Record<TGroupCategory, TCategoryFigures>;
  byMonth: TMonthFigures[];
}

const zeroStages = (): TStageCounts => ({ circle: 0, incubating: 0, filed: 0, model: 0 });
export const emptyCategories = () =>
  Object.fromEntries(GROUP_CATEGORIES.map((c) => [c, { stages: zeroStages(), members: 0 }])) as Record<TGroupCategory, TCategoryFigures>;

async function groupsByCategory(store: TStore, communityId: string) {
  const byCategory = emptyCategories();
  for (const status of ['active', 'circle'] as const) {
    const groups = await findAll<TGroupDoc>(store, C.groups, { communityId, status }, [['lastActiveAt', 'desc']]);
    for (const g of groups) {
      const row = byCategory[g.category] ?? byCategory.other;
      const stage = stageOf(g);
      row.stages[stage] += 1;
      if (status === 'active') row.members += g.memberCount;
    }
  }
  return byCategory;
}

async function approvedIn(store: TStore, community: TCommunityDoc, q: TQuarter) {
  const decided = await findAll<TFilingDoc>(store, C.filings, { communityId: community._id, decidedAt: { gte: q.from, lt: q.to } }, [['decidedAt', 'asc']]);
  // Returned and rejected filings were decided too; only approvals are new groups, changes and dissolutions.
  const filings = decided.filter((f) => f.status === 'approved');
  const approved: Record<TFilingKind, number> = { initial: 0, change: 0, dissolution: 0 };
  const list = filings.map((f): TApprovedFiling => {
    approved[f.kind] += 1;
    return {
      communityName: community.name,
      groupName: f.fields.name ?? '',
      kind: f.kind,
      decidedAt: f.decidedAt ?? 0,
      changed: f.kind === 'change' ? (f.changes ?? []).map((c) => c.label) : [],
    };
  });
  return { approved, filings: list };
}

export async function communityFigures(store: TStore, community: TCommunityDoc, q: TQuarter): Promise<TCommunityFigures> {
  const stats = store.collection<TStatDoc>(C.stats);
  const [growthDoc, months, groups, filed] = await Promise.all([
    store.collection<TGrowthStatDoc>(C.growthstats).get(growthStatId(community._id)),
    Promise.all(q.months.map((m) => stats.get(communityStatId(community._id, m)))),
    groupsByCategory(store, community._id),
    approvedIn(store, community, q),
  ]);
  return {
    communityId: community._id,
    communityName: community.name,
    growth: countsOf(growthDoc),
    approved: filed.approved,
    filings: filed.filings,
    // The dashboards' member tally rides in the same counter document (stats/group-tallies.ts): one source for both.
    members: talliesOf(growthDoc).members,
    byCategory: groups,
    byMonth: q.months.map((month, i) => ({
      month,
      eventsHeld: months[i]?.eventsHeld ?? 0,
      attendances: months[i]?.attendances ?? 0,
      volunteerMinutes: months[i]?.volunteerMinutes ?? 0,
    })),
  };
}

/** The quarter's events of one community, summed over its months. */
export function quarterEvents(f: Pick<TCommunityFigures, 'byMonth'>) {
  return f.byMonth.reduce(
    (t, m) => ({ eventsHeld: t.eventsHeld + m.eventsHeld, attendances: t.attendances + m.attendances, volunteerMinutes: t.volunteerMinutes + m.volunteerMinutes }),
    { eventsHeld: 0, attendances: 0, volunteerMinutes: 0 },
  );
}

