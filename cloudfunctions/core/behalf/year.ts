/** China time (UTC+8, no daylight saving): 年度确认 counts calendar years as people in 塔谈社区 do. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export function chinaYear(ms: number): number {
  return new Date(ms + CHINA_OFFSET_MS).getUTCFullYear();
}

/** A filed group's 年度确认 this year; null for a circle (nothing filed to confirm) or a dissolved group. */
export function annualOf(group: { status: string; confirmedYear?: number }, now: number): { year: number; confirmed: boolean } | null {
  if (group.status !== 'active') return null;
  const year = chinaYear(now);
  return { year, confirmed: (group.confirmedYear ?? 0) >= year };
}
