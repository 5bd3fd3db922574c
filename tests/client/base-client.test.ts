// The base pages' pure helpers: a room's day cut into taken and free times in China time, opening hours said as
// runs of days, and the course form's first session on the chosen weekday.
import type { TCalendarEntry, TRoom } from '../../types/base';
import { dayLabel, hoursText, layoutDays, timeRange, weekStart } from '../../src/package-base/pages/rooms/calendar-model';
import { courseProblems, courseTimes, emptyCourseForm, firstDate } from '../../src/package-base-manage/pages/course-new/course-form';

const HOUR = 3_600_000;
// 2026-12-03 (a Thursday) 00:00 in China is 2026-12-02 16:00 UTC.
const DEC3 = Date.UTC(2026, 11, 2, 16, 0);
const open = (from: number, to: number) => ({ open: from * 60, close: to * 60 });
const room: TRoom = {
  id: 'rm',
  baseId: 'b',
  name: '活动室',
  capacity: 40,
  equipment: [],
  hours: [open(8, 21), open(8, 21), open(8, 21), open(8, 21), open(8, 21), open(8, 21), null],
  needsApproval: false,
  active: true,
};
const course: TCalendarEntry = { startAt: DEC3 + 9 * HOUR, endAt: DEC3 + 11 * HOUR, kind: 'course', holderName: '塔谈社区', title: '智能手机入门', manageable: false, bookingId: null };

test('a day reads as free, taken (whose), free within the opening hours, China time', () => {
  const [day] = layoutDays(room, DEC3, 1, [course], DEC3 - 24 * HOUR);
  expect(day!.label).toBe('12月3日 周四');
  expect(day!.blocks.map((b) => `${b.kind} ${timeRange(b.startAt, b.endAt)}`)).toEqual(['free 8:00–9:00', 'busy 9:00–11:00', 'free 11:00–21:00']);
});

test('free time already past is not offered; a closed day says so', () => {
  const [today] = layoutDays(room, DEC3, 1, [], DEC3 + 12 * HOUR + 10 * 60_000);
  expect(today!.blocks.map((b) => timeRange(b.startAt, b.endAt))).toEqual(['12:30–21:00']);
  const [sunday] = layoutDays(room, DEC3 + 3 * 24 * HOUR, 1, [], 0);
  expect(sunday!.closed).toBe(true);
  expect(sunday!.blocks).toEqual([]);
});

test('weeks start on Monday in China time; hours are said as runs of days', () => {
  expect(dayLabel(weekStart(DEC3 + 10 * HOUR))).toBe('11月30日 周一');
  expect(hoursText(room.hours)).toBe('周一至周六 8:00–21:00；周日不开放');
});

test('the course form: the first session is the next chosen weekday, times are checked at once', () => {
  // Monday 30 November, 10:00 in China: the next Thursday is 3 December; on a Thursday, the one a week later.
  expect(firstDate(3, DEC3 - 3 * 24 * HOUR + 10 * HOUR)).toBe('2026-12-03');
  expect(firstDate(3, DEC3 + 10 * HOUR)).toBe('2026-12-10');
  const form = { ...emptyCourseForm('智能手机'), weeks: '4' };
  const t = courseTimes(form, DEC3 - 3 * 24 * HOUR);
  expect(t.startAt).toBe(DEC3 + 9 * HOUR);
  expect(t.endAt).toBe(DEC3 + 11 * HOUR);
  expect(t.sessions).toBe(4);
  expect(courseProblems({ ...form, endTime: '08:00' }, courseTimes({ ...form, endTime: '08:00' }, 0), false)).toEqual({ time: '下课时间需晚于上课时间' });
  expect(Object.keys(courseProblems({ ...form, teacher: '', place: '' }, t, true)).sort()).toEqual(['place', 'teacher']);
});
