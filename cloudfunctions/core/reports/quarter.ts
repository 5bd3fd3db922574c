import { QUARTER_LABELS } from '../../../types/report-vocab';
import { invalidFields } from '../app-error';

/** A quarter in China time (UTC+8, no daylight saving): its months as stat keys and its instants as a range. */
export interface TQuarter {
  year: number;
  quarter: number;
  /** `2026年第3季度` */
  label: string;
  /** The three `yyyymm` keys of the monthly counters (events/stats.ts chinaMonth). */
  months: string[];
  /** [from, to): 00:00 China time on the quarter's first day, and on the next quarter's. */
  from: number;
  to: number;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;
const chinaMidnight = (year: number, monthIndex: number) => Date.UTC(year, monthIndex, 1) - CHINA_OFFSET_MS;

export function quarterOf(year: number, quarter: number): TQuarter {
  const first = (quarter - 1) * 3;
  return {
    year,
    quarter,
    label: `${year}年${QUARTER_LABELS[quarter - 1]}`,
    months: [0, 1, 2].map((i) => `${year}${String(first + i + 1).padStart(2, '0')}`),
    from: chinaMidnight(year, first),
    to: chinaMidnight(year, first + 3),
  };
}

/** The quarter an instant falls in (China time): the reports page offers it first. */
export function quarterAt(ms: number): { year: number; quarter: number } {
  const d = new Date(ms + CHINA_OFFSET_MS);
  return { year: d.getUTCFullYear(), quarter: Math.floor(d.getUTCMonth() / 3) + 1 };
}

/** A quarter that has not begun has nothing to report: refused, so nobody files an empty report by a slip. */
export function requireStarted(q: TQuarter, now: number): void {
  if (q.from > now) throw invalidFields({ quarter: `${q.label}还没有开始，请选择已经开始的季度` });
}

/** `2026年8月` from `202608`. */
export const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(4))}月`;
