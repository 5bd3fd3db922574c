const DAY_MS = 24 * 60 * 60 * 1000;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** 2026-11-28 */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** 2026-11-28 09:05 */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  return `${formatDate(ms)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Whole calendar days between two instants, counted on the phone's calendar (so 23:50 → 00:10 is one day). */
export function calendarDaysBetween(fromMs: number, toMs: number): number {
  const from = new Date(fromMs);
  const to = new Date(toMs);
  const a = new Date(from.getFullYear(), from.getMonth(), from.getDate()).getTime();
  const b = new Date(to.getFullYear(), to.getMonth(), to.getDate()).getTime();
  return Math.max(0, Math.round((b - a) / DAY_MS));
}

/** 「今天提交」/「已等待 3 天」, measured against the server's `now` so a wrong phone clock does not matter. */
export function waitingLabel(submittedAt: number, now: number): string {
  const days = calendarDaysBetween(submittedAt, now);
  return days === 0 ? '今天提交' : `已等待 ${days} 天`;
}
