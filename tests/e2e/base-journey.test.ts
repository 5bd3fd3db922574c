// The incubation base across five people, in the H5 build against the local gateway on a fresh seeded database:
// a resident posts 想学智能手机 from 我的; two others add 我也想 (one of them tapping twice); the social worker turns
// the need into a 4-session course with a partner teacher in the base's 活动室 on Thursday mornings; a resident
// enrolls from the need; the room calendar shows the four sessions; the leader of 老年协会 tries to book the same
// Thursday slot and is refused with the course named. Direct gateway calls only set up (communities, a partner).
import type { Page } from 'playwright-core';
import { $, confirmModal, expectLegible, expectNoProblems, nudgePicker, tap, type, waitForText } from './actions';
import { screenshot, type AppPage, type AppUser } from './harness';
import { ROUTES, SEL, visible } from './selectors';
import { useAppSession } from './session';

jest.setTimeout(300_000);

const COMMUNITY_ID = 'c-tatan';
const ROOM = '活动室';
const LEADER_GROUP_ID = 'g_seed_laonian';
const NEED = '想学智能手机';
const COURSE = '智能手机入门';
const PARTNER = '市开放大学老年教育中心';
const TEACHER = '陈晓雯';
const POSTER: AppUser = 'demo-resident';
const WANTS: AppUser[] = ['e2e-base-2', 'e2e-base-3'];
const B = SEL.base;

const session = useAppSession();

const call = session.call;

function routeParam(page: Page, name: string): string {
  return new URL(page.url()).hash.match(new RegExp(`[?&]${name}=([^&]+)`))?.[1] ?? '';
}

/** 'YYYY-MM-DD' of an instant in China time. */
function chinaDate(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

let needId = '';
let courseId = '';
let sessions: Array<{ startAt: number; endAt: number }> = [];

test('a resident posts 想学智能手机 from 我的, and sees it counted once as hers', async () => {
  for (const user of [POSTER, ...WANTS]) await call(user, 'account', 'setCommunity', { communityId: COMMUNITY_ID });
  const page = await session.open(POSTER, ROUTES.mine);
  await tap(page, B.mineNeeds);
  await tap(page, B.postNeed);
  await $(page, B.needSheet).waitFor();
  // Nothing chosen yet: both problems named at once, nothing sent.
  await tap(page, B.needSubmit);
  await waitForText(page, `#need-category ${SEL.fieldError}`, '请选择类别');
  await type(page, B.needTitle, NEED);
  await tap(page, B.needCategory('learning'));
  await screenshot(page, 'base-1-need-form');
  await expectLegible(page, 'base-need-form');
  await tap(page, B.needSubmit);
  // 塔谈社区 already has a 想学智能手机 of the neighbours (seeded): hers is the one she wants herself.
  const card = page.locator(visible(`${B.needCard}[data-title="${NEED}"]`)).filter({ has: page.locator('.need-card__done') }).first();
  await card.waitFor({ timeout: 20_000 });
  needId = ((await card.getAttribute('id')) ?? '').replace(/^need-/, '');
  expect(needId).not.toBe('');
  await waitForText(page, B.demand(needId), '1 人想要');
  await $(page, B.wanted(needId)).waitFor();
  await expectLegible(page, 'base-needs-list');
  expectNoProblems(page);
});

test('two others add 我也想: a double tap counts once, and the button says it is done', async () => {
  const [first, second] = WANTS;
  const p2 = await session.open(first!, ROUTES.events);
  await tap(p2, B.eventsNeeds);
  // The 活动 tab's entry opens the form at once; this person only wants to add to an existing need.
  await tap(p2, '#btn-need-cancel');
  const want = $(p2, B.want(needId));
  await want.waitFor();
  await Promise.all([want.tap({ force: true }), want.tap({ force: true }).catch(() => undefined)]);
  await $(p2, B.wanted(needId)).waitFor();
  await waitForText(p2, B.demand(needId), '2 人想要');
  expectNoProblems(p2);

  const p3 = await session.open(second!, ROUTES.needs);
  await tap(p3, B.want(needId));
  await $(p3, B.wanted(needId)).waitFor();
  await waitForText(p3, B.demand(needId), '3 人想要');
  // Reloaded from the server: still three, still done.
  await p3.reload();
  await waitForText(p3, B.demand(needId), '3 人想要');
  await $(p3, B.wanted(needId)).waitFor();
  expectNoProblems(p3);
});

test('the social worker turns the need into a 4-session course with a partner teacher in the 活动室 on Thursday mornings', async () => {
  const { partner } = await call<{ partner: { id: string } }>('demo-social-worker', 'incubation', 'savePartner', {
    requestId: `e2e-partner-${Date.now()}`,
    communityId: COMMUNITY_ID,
    name: PARTNER,
    contactName: TEACHER,
    contactMobile: '13700001111',
    offers: '智能手机、书法、声乐教学',
  });
  const page = await session.open('demo-social-worker', ROUTES.mine);
  await tap(page, B.mineBaseHome);
  await tap(page, B.staffNeeds);
  await waitForText(page, B.staffNeed(needId), '3人想要');
  await expectLegible(page, 'base-staff-needs');
  await tap(page, B.toCourse(needId));

  await $(page, B.coursePartner(partner.id)).waitFor();
  await type(page, B.courseTitle, COURSE);
  await tap(page, B.coursePartner(partner.id));
  // Choosing the partner fills its contact as the teacher.
  expect(await $(page, B.courseTeacher).inputValue()).toBe(TEACHER);
  await tap(page, `#course-roomId [data-name="${ROOM}"]`);
  await tap(page, B.courseWeekday(3));
  await type(page, B.courseWeeks, '4');
  await waitForText(page, B.courseSummary, '每周四 09:00–11:00，共4次');
  // A bad number is named next to its field before anything is sent.
  await type(page, B.courseCapacity, '0');
  await tap(page, B.createCourse);
  await waitForText(page, `#course-capacity ${SEL.fieldError}`, '招收人数');
  await type(page, B.courseCapacity, '20');
  await expectLegible(page, 'base-course-form');
  await tap(page, B.createCourse);

  await waitForText(page, B.courseName, COURSE, 30_000);
  courseId = routeParam(page, 'id');
  expect(courseId).not.toBe('');
  await waitForText(page, B.coursePlaces, '剩余20个名额');
  await waitForText(page, B.courseTeacherRow, TEACHER);
  await $(page, B.courseSession(4)).waitFor();
  const { course } = await call<{ course: { sessions: Array<{ startAt: number; endAt: number }> } }>('demo-social-worker', 'incubation', 'course', { courseId });
  sessions = course.sessions.map((s) => ({ startAt: s.startAt, endAt: s.endAt }));
  expect(sessions).toHaveLength(4);
  for (const s of sessions) {
    expect(new Date(s.startAt + 8 * 3_600_000).getUTCDay()).toBe(4);
    expect(new Date(s.startAt + 8 * 3_600_000).getUTCHours()).toBe(9);
  }
  await expectLegible(page, 'base-course-staff');
  expectNoProblems(page);
});

test('a resident who wanted it enrolls in the whole course from the need', async () => {
  const page = await session.open(WANTS[0]!, ROUTES.needs);
  await waitForText(page, B.need(needId), '已安排');
  await tap(page, B.needCourse(needId));
  await waitForText(page, B.courseName, COURSE);
  await waitForText(page, B.enroll, '报名整个课程');
  await tap(page, B.enroll);
  await waitForText(page, B.myEnrollment, '已报名');
  await waitForText(page, B.coursePlaces, '剩余19个名额');
  await expectLegible(page, 'base-course-enrolled');
  expectNoProblems(page);
});

/** Moves the week calendar forward until the day of `startAt` is shown. */
async function showWeekOf(page: Page, startAt: number): Promise<void> {
  const day = B.calDay(chinaDate(startAt));
  for (let k = 0; k < 8; k += 1) {
    if (await page.locator(visible(day)).count()) return;
    await tap(page, B.calNext);
    await page.waitForTimeout(300);
  }
  await $(page, day).waitFor({ timeout: 10_000 });
}

test('the 活动室 calendar shows the four sessions, week by week', async () => {
  const page = await session.open(POSTER, ROUTES.mine);
  await tap(page, B.mineRooms);
  await tap(page, `#room-chips [data-name="${ROOM}"]`);
  await waitForText(page, B.roomFacts, '活动室');
  await $(page, B.calendar).waitFor();
  await expectLegible(page, 'base-room-calendar-week');
  for (const s of sessions) {
    await showWeekOf(page, s.startAt);
    await waitForText(page, B.calDay(chinaDate(s.startAt)), `课程·塔谈社区：${COURSE}`);
    await waitForText(page, B.calDay(chinaDate(s.startAt)), '9:00–11:00');
  }
  await screenshot(page, 'base-2-calendar');
  expectNoProblems(page);
});

/**
 * In the room's calendar, the week of the course's first session: taps the free time right after it (11:00) and
 * names the booking 老年协会理事会. Returns that session's China date.
 */
async function startBookingAfterFirstSession(page: AppPage): Promise<string> {
  await tap(page, `#room-chips [data-name="${ROOM}"]`);
  await $(page, B.calendar).waitFor();
  const first = sessions[0]!;
  await showWeekOf(page, first.startAt);
  const date = chinaDate(first.startAt);
  await tap(page, B.free(date, '1100'));
  await $(page, B.bookSheet).waitFor();
  await type(page, B.bookTitle, '老年协会理事会');
  return date;
}

test("a leader's attempt to book the same Thursday slot is refused, naming the course and the date", async () => {
  const page = (await session.open('demo-leader', ROUTES.groupDetail(LEADER_GROUP_ID))) as AppPage;
  await tap(page, '#btn-group-rooms');
  // The course holds 9:00–11:00: the first free time that Thursday starts at 11:00. Pick it, then move it back.
  const date = await startBookingAfterFirstSession(page);
  await nudgePicker(page, B.bookStart, 0, -2);
  await waitForText(page, B.bookStart, '09:00');
  await nudgePicker(page, B.bookEnd, 0, -2);
  await waitForText(page, B.bookEnd, '11:00');
  await tap(page, B.bookSubmit);
  await waitForText(page, B.bookConflict, COURSE);
  const [, month, day] = date.split('-');
  await waitForText(page, B.bookConflict, `${Number(month)}月${Number(day)}日`);
  await screenshot(page, 'base-3-conflict');
  await expectLegible(page, 'base-booking-conflict');
  // Nothing was booked for the group.
  const { items } = await call<{ items: unknown[] }>('demo-leader', 'base', 'myBookings', { groupId: LEADER_GROUP_ID });
  expect(items.filter((b) => (b as { title: string }).title === '老年协会理事会')).toHaveLength(0);
  expectNoProblems(page);
});

test('the leader books the free time after the course instead, sees it on the calendar, and cancels it (asked first)', async () => {
  const page = await session.open('demo-leader', ROUTES.rooms(LEADER_GROUP_ID));
  const date = await startBookingAfterFirstSession(page);
  await tap(page, B.bookSubmit);
  // The calendar shows a group's booking by the group's name (its title is for the group's list and for staff).
  await waitForText(page, B.calDay(date), '预约·塔谈社区老年协会');
  await waitForText(page, B.calDay(date), '11:00–13:00');
  const { items } = await call<{ items: Array<{ id: string; title: string; status: string }> }>('demo-leader', 'base', 'myBookings', { groupId: LEADER_GROUP_ID });
  const booking = items.find((b) => b.title === '老年协会理事会');
  expect(booking?.status).toBe('approved');
  await waitForText(page, '#my-bookings', '老年协会理事会');
  await expectLegible(page, 'base-calendar-with-own-booking');
  await tap(page, `#btn-cancel-booking-${booking!.id}`);
  await confirmModal(page);
  await waitForText(page, `#booking-${booking!.id}`, '已取消');
  // The time is free again.
  await $(page, B.free(date, '1100')).waitFor();
  expectNoProblems(page);
});
