import { chinaDate, DAY_MS, fromChina } from '../../../lib/china-time';

/** WEEKDAY order of the chips: Monday first, as 0–6 (types/base-time.ts's chinaWeekday). */
export const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

export interface TCourseForm {
  title: string;
  description: string;
  partnerId: string;
  teacher: string;
  roomId: string;
  place: string;
  placeTouched: boolean;
  weekday: number;
  startTime: string;
  endTime: string;
  weeks: string;
  capacity: string;
  audience: 'community' | 'anyone';
}

export function emptyCourseForm(title: string): TCourseForm {
  return {
    title,
    description: '',
    partnerId: '',
    teacher: '',
    roomId: '',
    place: '',
    placeTouched: false,
    weekday: 3,
    startTime: '09:00',
    endTime: '11:00',
    weeks: '4',
    capacity: '20',
    audience: 'community',
  };
}

/** The first day after today (China time) that falls on the chosen weekday: 'YYYY-MM-DD'. */
export function firstDate(weekday: number, now: number): string {
  for (let k = 1; k <= 7; k += 1) {
    const day = now + k * DAY_MS;
    const w = (new Date(day + 8 * 3_600_000).getUTCDay() + 6) % 7;
    if (w === weekday) return chinaDate(day);
  }
  return chinaDate(now + DAY_MS);
}

export interface TCourseTimes {
  startAt: number;
  endAt: number;
  sessions: number | undefined;
  capacity: number | undefined;
}

export function courseTimes(form: TCourseForm, now: number): TCourseTimes {
  const date = firstDate(form.weekday, now);
  const sessions = /^\d{1,2}$/.test(form.weeks.trim()) ? Number(form.weeks.trim()) : undefined;
  const capacity = /^\d{1,3}$/.test(form.capacity.trim()) ? Number(form.capacity.trim()) : undefined;
  return { startAt: fromChina(date, form.startTime), endAt: fromChina(date, form.endTime), sessions, capacity };
}

/** What the form can say at once: times always; the rest once 开设 has been tapped. */
export function courseProblems(form: TCourseForm, t: TCourseTimes, tried: boolean): Record<string, string> {
  const p: Record<string, string> = {};
  if (!(t.endAt > t.startAt)) p.time = '下课时间需晚于上课时间';
  if (!tried) return p;
  if (form.title.trim().length < 2) p.title = '课程名称至少2个字';
  if (!form.teacher.trim()) p.teacher = '请填写授课老师';
  if (!form.place.trim()) p.place = '请选择活动室或填写上课地点';
  if (t.sessions === undefined || t.sessions < 1 || t.sessions > 16) p.sessions = '课程节数请填写1到16';
  if (t.capacity === undefined || t.capacity < 1 || t.capacity > 500) p.capacity = '招收人数请填写1到500';
  return p;
}
