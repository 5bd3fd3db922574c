import { GROUP_CATEGORIES, type TGroupCategory } from '../../../types/domain';
import type { TGrowthStatDoc, TStatDoc } from '../collections';
import { countsOf, type TGrowthCounts } from '../growth/counters';
import { talliesOf, addTallies, zeroTallies, type TGroupTallies } from './group-tallies';

/**
 * Sums community counter documents into one place's numbers: pure, no storage. Shared by the dashboards and the
 * quarterly report (a street or the district is the sum of its communities' documents, read with one `in` query
 * per collection; see docs/dashboards.md).
 */
export interface TCommunitySums extends TGrowthCounts, TGroupTallies {
  needsOpen: number;
  needsAnswered: number;
}

export interface TMonthSums {
  eventsHeld: number;
  attendances: number;
  volunteerMinutes: number;
  roomBookings: number;
  roomMinutes: number;
}

/** Growth counters, group tallies and need tallies of every given community document, added up (missing fields: 0). */
export function sumCommunityCounters(docs: ReadonlyArray<TGrowthStatDoc | null>): TCommunitySums {
  const counts = countsOf(null);
  const tallies = zeroTallies();
  let needsOpen = 0;
  let needsAnswered = 0;
  for (const doc of docs) {
    if (!doc) continue;
    const c = countsOf(doc);
    for (const k of Object.keys(c) as Array<keyof TGrowthCounts>) counts[k] += c[k];
    addTallies(tallies, talliesOf(doc));
    needsOpen += doc.needsOpen ?? 0;
    needsAnswered += doc.needsAnswered ?? 0;
  }
  return { ...counts, ...tallies, needsOpen, needsAnswered };
}

export const zeroMonth = (): TMonthSums => ({ eventsHeld: 0, attendances: 0, volunteerMinutes: 0, roomBookings: 0, roomMinutes: 0 });

/** Community month documents added up per month (`202611` → sums); months with no document are absent. */
export function sumMonths(docs: ReadonlyArray<TStatDoc>): Map<string, TMonthSums> {
  const byMonth = new Map<string, TMonthSums>();
  for (const d of docs) {
    if (d.scope !== 'community') continue;
    const m = byMonth.get(d.month) ?? zeroMonth();
    m.eventsHeld += d.eventsHeld;
    m.attendances += d.attendances;
    m.volunteerMinutes += d.volunteerMinutes;
    m.roomBookings += d.roomBookings ?? 0;
    m.roomMinutes += d.roomMinutes ?? 0;
    byMonth.set(d.month, m);
  }
  return byMonth;
}

/** The `n` months (China time, `202611`) ending with the month of `now`, oldest first. */
export function lastMonths(nowMonth: string, n: number): string[] {
  let y = Number(nowMonth.slice(0, 4));
  let m = Number(nowMonth.slice(4));
  const out: string[] = [];
  for (let i = 0; i < n; i += 1) {
    out.unshift(`${y}${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

export const categoryKeys: readonly TGroupCategory[] = GROUP_CATEGORIES;
