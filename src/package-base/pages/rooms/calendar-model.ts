import type { TCalendarEntry, TRoom } from '../../../../types/base';
import { chinaDayStart, chinaMinuteOfDay, chinaWeekday, DAY_MS, formatMinute, formatOpening, SLOT_MS, WEEKDAY_LABELS, type TOpening } from '../../../../types/base-time';

export type TBlock =
  | { kind: 'busy'; startAt: number; endAt: number; entry: TCalendarEntry }
  | { kind: 'free'; startAt: number; endAt: number };

export interface TDay {
  dayStart: number;
  label: string;
  closed: boolean;
  blocks: TBlock[];
}

/** 12月3日 周四 (China time). */
export function dayLabel(dayStart: number): string {
  const d = new Date(dayStart + 8 * 3_600_000);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${WEEKDAY_LABELS[chinaWeekday(dayStart)]}`;
}

export function timeRange(startAt: number, endAt: number): string {
  return `${formatMinute(chinaMinuteOfDay(startAt))}–${formatMinute(chinaMinuteOfDay(endAt) || 24 * 60)}`;
}

/** The Monday (China time) of the week `ms` falls in. */
export function weekStart(ms: number): number {
  const day = chinaDayStart(ms);
  return day - chinaWeekday(day) * DAY_MS;
}

/**
 * A day as a person reads it: the opening hours cut into what is taken (whose) and what is free, in order. Free
 * time before now is not offered.
 */
export function layoutDays(room: TRoom, from: number, days: number, entries: TCalendarEntry[], now: number): TDay[] {
  const out: TDay[] = [];
  for (let k = 0; k < days; k += 1) {
    const dayStart = from + k * DAY_MS;
    const hours = room.hours[chinaWeekday(dayStart)];
    const dayEntries = entries.filter((e) => e.endAt > dayStart && e.startAt < dayStart + DAY_MS).sort((a, b) => a.startAt - b.startAt);
    const blocks: TBlock[] = [];
    const open = hours ? dayStart + hours.open * 60_000 : dayStart;
    const close = hours ? dayStart + hours.close * 60_000 : dayStart;
    let cursor = open;
    const nowUnit = Math.ceil(now / SLOT_MS) * SLOT_MS;
    const pushFree = (a: number, b: number) => {
      const start = Math.max(a, nowUnit);
      if (hours && b - start >= SLOT_MS) blocks.push({ kind: 'free', startAt: start, endAt: b });
    };
    for (const e of dayEntries) {
      if (e.startAt > cursor) pushFree(cursor, Math.min(e.startAt, close));
      blocks.push({ kind: 'busy', startAt: e.startAt, endAt: e.endAt, entry: e });
      cursor = Math.max(cursor, e.endAt);
    }
    if (cursor < close) pushFree(cursor, close);
    out.push({ dayStart, label: dayLabel(dayStart), closed: !hours, blocks });
  }
  return out;
}

/** 周一至周六 8:00–21:00；周日不开放: runs of days with the same hours said once. */
export function hoursText(hours: Array<TOpening | null>): string {
  const parts: string[] = [];
  let i = 0;
  while (i < hours.length) {
    const h = hours[i] ?? null;
    let j = i;
    while (j + 1 < hours.length && JSON.stringify(hours[j + 1] ?? null) === JSON.stringify(h)) j += 1;
    const days = j === i ? WEEKDAY_LABELS[i] : `${WEEKDAY_LABELS[i]}至${WEEKDAY_LABELS[j]}`;
    parts.push(h ? `${days} ${formatOpening(h)}` : `${days}不开放`);
    i = j + 1;
  }
  return parts.join('；');
}
