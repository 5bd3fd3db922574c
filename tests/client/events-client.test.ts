// The events pages' pure helpers: China time whatever the machine's zone, the words for places left and for my
// registration, the QR text, which notices 报名 asks for, and how the form moves the end and deadline with the start.
import { chinaDate, chinaDayTime, chinaTime, dateLabel, eventWhen, fromChina } from '../../src/lib/china-time';
import { parseCheckInQr } from '../../src/lib/checkin-qr';
import { myRegistrationLabel, placesLabel } from '../../src/lib/event-labels';
import { signUpNoticeKinds } from '../../src/lib/event-notices';
import { applyEventChange, capacityOf, emptyEventForm, rowOf, timesOf } from '../../src/package-event-manage/pages/edit/form-model';
import { NOTICE_KINDS } from '../../types/notices';

// 2026-12-01 09:00 in China is 01:00 UTC.
const DEC1_0900 = Date.UTC(2026, 11, 1, 1, 0);
const NOW = Date.UTC(2026, 10, 29, 17, 0); // 2026-11-30 01:00 in China

test('China time is UTC+8 whatever the machine says', () => {
  expect(chinaDate(DEC1_0900)).toBe('2026-12-01');
  expect(chinaTime(DEC1_0900)).toBe('09:00');
  expect(fromChina('2026-12-01', '09:00')).toBe(DEC1_0900);
  // Just after midnight in China is still the previous day in UTC.
  expect(chinaDate(Date.UTC(2026, 10, 30, 16, 30))).toBe('2026-12-01');
  expect(chinaDayTime(DEC1_0900, NOW)).toBe('12月1日 周二 09:00');
  expect(chinaDayTime(DEC1_0900, Date.UTC(2025, 0, 1))).toBe('2026年12月1日 周二 09:00');
  expect(eventWhen(DEC1_0900, DEC1_0900 + 2 * 3_600_000, NOW)).toBe('12月1日 周二 09:00–11:00');
  expect(eventWhen(DEC1_0900, DEC1_0900 + 16 * 3_600_000, NOW)).toBe('12月1日 周二 09:00 至 12月2日 周三 01:00');
  expect(dateLabel('2026-12-01')).toBe('2026年12月1日 周二');
  expect(fromChina('2026-13-01', '9:00')).toBeNaN();
});

const card = { status: 'scheduled' as const, capacity: 2, placesLeft: 2, registeredCount: 0, signupDeadline: DEC1_0900, startAt: DEC1_0900, endAt: DEC1_0900 + 7_200_000 };

test('places left, waitlist, full, closed, cancelled and past read as words', () => {
  expect(placesLabel(card, NOW)).toEqual({ text: '剩余2个名额', tone: 'open' });
  expect(placesLabel({ ...card, placesLeft: 0, registeredCount: 2 }, NOW)).toEqual({ text: '已满，可报名候补', tone: 'waitlist' });
  expect(placesLabel({ ...card, placesLeft: 0, signupDeadline: NOW - 1 }, NOW)).toEqual({ text: '已满', tone: 'full' });
  expect(placesLabel({ ...card, signupDeadline: NOW - 1 }, NOW).text).toBe('报名已截止');
  expect(placesLabel({ ...card, capacity: null, placesLeft: null, registeredCount: 7 }, NOW).text).toBe('不限人数 · 已报名7人');
  expect(placesLabel({ ...card, status: 'cancelled' }, NOW).text).toBe('已取消');
  expect(placesLabel(card, card.endAt + 1).text).toBe('已结束');
  expect(myRegistrationLabel({ status: 'waitlisted', waitlistPosition: 3, checkedInAt: null })).toBe('候补第3位');
  expect(myRegistrationLabel({ status: 'registered', waitlistPosition: null, checkedInAt: null })).toBe('已报名');
  expect(myRegistrationLabel({ status: 'registered', waitlistPosition: null, checkedInAt: NOW })).toBe('已签到');
});

test('the QR text names one event and a six-digit code, nothing else', () => {
  expect(parseCheckInQr('ccf1:ev_abc-1:012345')).toEqual({ eventId: 'ev_abc-1', code: '012345' });
  expect(parseCheckInQr(' ccf1:ev1:123456\n')).toEqual({ eventId: 'ev1', code: '123456' });
  for (const bad of ['ccf1:ev1:12345', 'ccf2:ev1:123456', 'https://example.com', 'ccf1::123456', 'ccf1:ev 1:123456']) {
    expect(parseCheckInQr(bad)).toBeNull();
  }
});

test('报名 asks for at most three event notices that exist, the promotion first when the event is full', () => {
  for (const full of [true, false]) {
    const kinds = signUpNoticeKinds(full);
    expect(kinds.length).toBeLessThanOrEqual(3);
    for (const k of kinds) expect(NOTICE_KINDS[k]).toBeDefined();
  }
  expect(signUpNoticeKinds(true)[0]).toBe('event_promoted');
  expect(signUpNoticeKinds(false)[0]).toBe('event_reminder');
});

test('moving the start moves the end with it, and the deadline until it is picked by hand', () => {
  const form = emptyEventForm(NOW, 'community');
  expect(form.startDate).toBe('2026-12-01');
  const moved = applyEventChange(form, { startTime: '14:00' });
  expect([moved.endDate, moved.endTime, moved.deadlineTime]).toEqual(['2026-12-01', '16:00', '14:00']);
  const picked = applyEventChange(moved, { deadlineTime: '12:00' });
  const again = applyEventChange(picked, { startDate: '2026-12-02' });
  expect([again.endDate, again.deadlineDate, again.deadlineTime]).toEqual(['2026-12-02', '2026-12-01', '12:00']);
  expect(timesOf(again).startAt).toBe(fromChina('2026-12-02', '14:00'));
  expect(capacityOf({ ...form, capacity: ' 12 ' })).toBe(12);
  expect(capacityOf({ ...form, capacity: '十' })).toBeUndefined();
  expect(capacityOf({ ...form, unlimited: true })).toBeNull();
  expect(rowOf('repeat.weeks')).toBe('repeat');
  expect(rowOf('groupId')).toBe('_');
});
