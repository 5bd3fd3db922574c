import { GROUP_CATEGORY_LABELS } from '../../../types/domain';
import { GROUP_STAGE_LABELS } from '../../../types/incubation-vocab';
import {
  DASHBOARD_MONTHS,
  DASHBOARD_STATUS_LABELS,
  FILING_OVERDUE_DAYS,
  type TDashboard,
  type TDashboardPlace,
  type TStatsFunction,
} from '../../../types/stats';
import { forbidden } from '../app-error';
import { C, type TCommunityDoc, type TFilingDoc, type TGrowthStatDoc, type TStatDoc } from '../collections';
import type { TActionImpl } from '../dispatch';
import { chinaMonth, communityStatId } from '../events/stats';
import { growthStatId } from '../growth/counters';
import { authed, findUser, type TAuthedContext } from '../guards';
import { logDenied, refuseOutsideScope, staffScopeOf, type TStaffScope } from '../scope';
import { chunks, communitiesOf, IN_CHUNK, placesOf, scopeCommunities, streetAllowed } from './places';
import { categoryKeys, lastMonths, sumCommunityCounters, sumMonths, zeroMonth } from './sum';

type TImpl = TActionImpl<TStatsFunction['actions']>;

const DAY = 86_400_000;
const hours = (minutes: number) => Math.round(minutes / 6) / 10;

/**
 * 数据看板: a community's, a street's or the district's numbers, for staff whose scope holds the place. A few reads
 * at any size (docs/dashboards.md): the caller, their communities, one `in` query of the community counter
 * documents, one of the community month documents, and two counts on the review queue's index (waiting, overdue).
 */
export const dashboard: TImpl['dashboard'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const scope = await staffScopeOf(ctx, await findUser(ctx));
  if (!scope) throw forbidden();
  const communities = await scopeCommunities(ctx, scope);
  const places = placesOf(scope, communities);
  const place = await chosenPlace(ctx, scope, communities, places, input);
  const summed = communitiesOf(place.level, place.id, communities);
  return { places, dashboard: await numbersOf(ctx, place, summed) };
};

/** The place asked for, checked against the scope (a refusal is logged), or the first the caller may open. */
async function chosenPlace(
  ctx: TAuthedContext,
  scope: TStaffScope,
  communities: readonly TCommunityDoc[],
  places: readonly TDashboardPlace[],
  input: { level?: TDashboardPlace['level']; placeId?: string },
): Promise<TDashboardPlace> {
  if (!input.level && !input.placeId) {
    const first = places[0];
    if (!first) throw forbidden();
    return first;
  }
  const level = input.level ?? 'community';
  const placeId = input.placeId ?? '';
  const attempt = { action: 'stats.dashboard', entity: level, entityId: placeId };
  if (level === 'community') await refuseOutsideScope(ctx, scope, placeId, attempt);
  const allowed =
    (level === 'community' && scope.communityIds.includes(placeId)) ||
    (level === 'street' && streetAllowed(scope, placeId, communities)) ||
    (level === 'district' && scope.districtIds.includes(placeId));
  const found = places.find((p) => p.level === level && p.id === placeId);
  if (!allowed || !found) {
    await logDenied(ctx, null, attempt);
    throw forbidden();
  }
  return found;
}

async function numbersOf(ctx: TAuthedContext, place: TDashboardPlace, communities: readonly TCommunityDoc[]): Promise<TDashboard> {
  const ids = communities.map((c) => c._id);
  const now = ctx.clock.now();
  const months = lastMonths(chinaMonth(now), DASHBOARD_MONTHS);

  const growthDocs: TGrowthStatDoc[] = [];
  for (const part of chunks(ids.map(growthStatId))) {
    growthDocs.push(...(await ctx.store.collection<TGrowthStatDoc>(C.growthstats).find({ where: { _id: { in: part } }, limit: IN_CHUNK })).items);
  }
  const monthDocs: TStatDoc[] = [];
  for (const part of chunks(ids.flatMap((id) => months.map((m) => communityStatId(id, m))))) {
    monthDocs.push(...(await ctx.store.collection<TStatDoc>(C.stats).find({ where: { _id: { in: part } }, limit: IN_CHUNK })).items);
  }
  let filingsWaiting = 0;
  let filingsOverdue = 0;
  const filings = ctx.store.collection<TFilingDoc>(C.filings);
  for (const part of chunks(ids)) {
    const communityId = part.length === 1 ? part[0]! : { in: part };
    filingsWaiting += await filings.count({ status: 'submitted', communityId });
    filingsOverdue += await filings.count({ status: 'submitted', communityId, submittedAt: { lt: now - FILING_OVERDUE_DAYS * DAY } });
  }

  const s = sumCommunityCounters(growthDocs);
  const byMonth = sumMonths(monthDocs);
  const monthRows = months.map((month, i) => {
    const m = byMonth.get(month) ?? zeroMonth();
    // The year where it changes and on the first row, so 12月 of last year is not read as this December.
    const label = i === 0 || month.endsWith('01') ? `${month.slice(0, 4)}年${Number(month.slice(4))}月` : `${Number(month.slice(4))}月`;
    return {
      month,
      label,
      eventsHeld: m.eventsHeld,
      attendances: m.attendances,
      volunteerHours: hours(m.volunteerMinutes),
      roomBookings: m.roomBookings,
      roomHours: hours(m.roomMinutes),
    };
  });
  return {
    level: place.level,
    placeId: place.id,
    placeName: place.name,
    communityCount: communities.length,
    filedGroups: s.filedGroups,
    members: s.members,
    partyBranches: s.partyBranches,
    partyMembers: s.partyMembers,
    categories: categoryKeys.map((key) => ({ key, label: GROUP_CATEGORY_LABELS[key], count: s.categories[key] })),
    stages: [
      { key: 'circle', label: GROUP_STAGE_LABELS.circle, count: s.circles },
      { key: 'incubating', label: GROUP_STAGE_LABELS.incubating, count: s.incubating },
      { key: 'filed', label: GROUP_STAGE_LABELS.filed, count: Math.max(0, s.filedGroups - s.modelGroups) },
      { key: 'model', label: GROUP_STAGE_LABELS.model, count: s.modelGroups },
    ],
    statuses: [
      { key: 'active', label: DASHBOARD_STATUS_LABELS.active, count: s.filedGroups },
      { key: 'circle', label: DASHBOARD_STATUS_LABELS.circle, count: s.circles + s.incubating },
      { key: 'dissolved', label: DASHBOARD_STATUS_LABELS.dissolved, count: s.dissolvedGroups },
    ],
    months: monthRows,
    volunteerHours: hours([...months].reduce((t, m) => t + (byMonth.get(m)?.volunteerMinutes ?? 0), 0)),
    filingsWaiting,
    filingsOverdue,
    needsOpen: s.needsOpen,
    needsAnswered: s.needsAnswered,
  };
}
