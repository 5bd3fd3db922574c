/**
 * Room time, shared by the server's checks and the calendar: bookings are made of 30-minute units, and opening
 * hours are minutes after midnight in China time (UTC+8, no daylight saving), Monday first.
 */
export const SLOT_MINUTES = 30;
export const SLOT_MS = SLOT_MINUTES * 60_000;
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
const CHINA_OFFSET_MS = 8 * 3_600_000;

export const WEEKDAY_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

/** One day's opening: [open, close) in minutes after midnight, both on a 30-minute boundary; null = closed. */
export interface TOpening {
  open: number;
  close: number;
}
/** Seven entries, Monday first. */
export type TWeekHours = Array<TOpening | null>;

/** The China-time midnight (as epoch ms) of the day `ms` falls in. */
export function chinaDayStart(ms: number): number {
  return Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
}

/** 0 = Monday … 6 = Sunday, in China time. */
export function chinaWeekday(ms: number): number {
  return (new Date(ms + CHINA_OFFSET_MS).getUTCDay() + 6) % 7;
}

/** Minutes after China-time midnight. */
export function chinaMinuteOfDay(ms: number): number {
  return Math.round((ms - chinaDayStart(ms)) / 60_000);
}

export function formatMinute(minute: number): string {
  return `${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}`;
}

export function formatOpening(o: TOpening): string {
  return `${formatMinute(o.open)}–${formatMinute(o.close)}`;
}

/** `12月3日（周四）9:00`, China time. */
export function formatSlotTime(ms: number): string {
  const d = new Date(ms + CHINA_OFFSET_MS);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日（${WEEKDAY_LABELS[chinaWeekday(ms)]}）${formatMinute(chinaMinuteOfDay(ms))}`;
}

/** Every 30-minute unit start in [startAt, endAt). */
export function unitsOf(range: { startAt: number; endAt: number }): number[] {
  const units: number[] = [];
  for (let t = range.startAt; t < range.endAt; t += SLOT_MS) units.push(t);
  return units;
}
