/**
 * Event times in China time (UTC+8, no daylight saving), whatever the phone's or the test machine's time zone:
 * an event at 09:00 in 塔谈社区 reads 09:00 everywhere. Pickers give 'YYYY-MM-DD' and 'HH:mm' in China time too.
 */
export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

interface TChinaParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: string;
}

export function chinaParts(ms: number): TChinaParts {
  const d = new Date(ms + CHINA_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: WEEKDAYS[d.getUTCDay()] ?? '',
  };
}

/** 2026-11-30 (the date picker's value). */
export function chinaDate(ms: number): string {
  const p = chinaParts(ms);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** 09:05 (the time picker's value). */
export function chinaTime(ms: number): string {
  const p = chinaParts(ms);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** The instant a China-time date and time name; NaN when either is malformed. */
export function fromChina(date: string, time: string): number {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return Number.NaN;
  return Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2])) - CHINA_OFFSET_MS;
}

/** 11月30日 周一 09:00 (the year only when it is not this year's, counted in China time against `now`). */
export function chinaDayTime(ms: number, now = Date.now()): string {
  const p = chinaParts(ms);
  const year = p.year === chinaParts(now).year ? '' : `${p.year}年`;
  return `${year}${p.month}月${p.day}日 ${p.weekday} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** 11月30日 周一 09:00–11:00, or both ends in full when the event runs past midnight. */
export function eventWhen(startAt: number, endAt: number, now = Date.now()): string {
  if (chinaDate(startAt) === chinaDate(endAt)) return `${chinaDayTime(startAt, now)}–${chinaTime(endAt)}`;
  return `${chinaDayTime(startAt, now)} 至 ${chinaDayTime(endAt, now)}`;
}

/** 2小时 / 1.5小时 (volunteer hours and durations). */
export function hoursText(hours: number): string {
  return `${Math.round(hours * 10) / 10}小时`;
}

/** '2026-12-01' → 2026年12月1日 周二 (a date picker's value, as older readers say it). */
export function dateLabel(date: string): string {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!d) return date;
  const ms = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]));
  return `${Number(d[1])}年${Number(d[2])}月${Number(d[3])}日 ${WEEKDAYS[new Date(ms).getUTCDay()] ?? ''}`;
}
