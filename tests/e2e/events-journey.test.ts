// Events across five people, in the H5 build against the local gateway on a fresh seeded database: the leader of
// 塔谈社区老年协会 creates an event for 2 people; three residents sign up and the third is waitlisted; one cancels and
// the third is promoted (and sees it under 我的活动); one checks in with the code on the leader's screen; the leader
// registers an elder without WeChat (代报名) and marks her present by hand, then records the activity with a photo,
// which shows on the group's page. Time moves with the gateway's dev clock (POST /dev/clock).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { $, expectLegible, expectNoProblems, nudgePicker, tap, tapUntilShown, type, waitForText } from './actions';
import { screenshot, type AppPage, type AppUser } from './harness';
import { ROUTES, SEL, visible } from './selectors';
import { useAppSession } from './session';

jest.setTimeout(240_000);

const GROUP_ID = 'g_seed_laonian';
const COMMUNITY_ID = 'c-tatan';
const TITLE = '健步走·秋日环湖';
const PLACE = '孵化基地一楼大厅集合';
const ELDER = '王桂兰';
const ELDER_MOBILE = '13833445566';
const RESIDENT_2_MOBILE = '13912345678';
const SUMMARY = '老年协会14位会员环湖健步走5公里，社工讲解了秋季防跌倒要点。';
const RESIDENT_1: AppUser = 'demo-resident';
const RESIDENT_2: AppUser = 'e2e-resident-2';
const RESIDENT_3: AppUser = 'e2e-resident-3';
/** A real 1×1 PNG: the gateway checks an image's bytes, not its name. */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const session = useAppSession();

const call = session.call;

/** Moves the gateway's clock so that "now" is `at` (the phone's clock stays as it is). */
async function setServerNow(at: number): Promise<boolean> {
  const res = await fetch(`${session.url()}/dev/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ offsetMs: at - Date.now() }),
  }).catch(() => null);
  return !!res && res.ok;
}

function routeParam(page: Page, name: string): string {
  return new URL(page.url()).hash.match(new RegExp(`[?&]${name}=([^&]+)`))?.[1] ?? '';
}

interface TTimes {
  startAt: number;
  endAt: number;
}

let eventId = '';
let times: TTimes = { startAt: 0, endAt: 0 };
const pages: Partial<Record<string, AppPage>> = {};

test('the leader creates an event for 2 people from the group page, with instant feedback on times', async () => {
  const page = await session.open('demo-leader', ROUTES.groupDetail(GROUP_ID));
  await waitForText(page, SEL.group.name, '塔谈社区老年协会');
  await tap(page, SEL.groupEvents.newEvent);
  await waitForText(page, SEL.eventForm.host, '老年协会');

  await type(page, SEL.eventForm.title, TITLE);
  await type(page, SEL.eventForm.place, PLACE);
  // An end before the start is named at once, before anything is sent; putting it back clears it.
  await nudgePicker(page, SEL.eventForm.endTime, 0, -3);
  await waitForText(page, SEL.eventForm.rowError('endAt'), '结束时间需晚于开始时间');
  await nudgePicker(page, SEL.eventForm.endTime, 0, 3);
  await $(page, SEL.eventForm.rowError('endAt')).waitFor({ state: 'detached' });
  await type(page, SEL.eventForm.capacity, '0');
  await tap(page, SEL.eventForm.save);
  await waitForText(page, SEL.eventForm.rowError('capacity'), '1到2000');
  await type(page, SEL.eventForm.capacity, '2');
  await tap(page, SEL.eventForm.audience('community'));
  await screenshot(page, 'events-1-leader-form');
  await expectLegible(page, 'journey-event-form-with-error');
  await tap(page, SEL.eventForm.save);

  await waitForText(page, SEL.event.title, TITLE, 30_000);
  eventId = routeParam(page, 'id');
  expect(eventId).not.toBe('');
  await waitForText(page, SEL.event.places, '剩余2个名额');
  await $(page, SEL.event.manageArea).waitFor();

  const { event } = await call<{ event: TTimes }>('demo-leader', 'events', 'detail', { eventId });
  times = { startAt: event.startAt, endAt: event.endAt };
  // Into the check-in window (it opens 30 minutes before the start), sign-up still open.
  expect(await setServerNow(times.startAt - 20 * 60_000)).toBe(true);
  pages.leader = page;
  expectNoProblems(page);
});

test('three residents sign up: a double tap registers once, back works mid-way, the third is waitlisted', async () => {
  // 李秀英 finds it in the 活动 tab after choosing her community.
  const r1 = await session.open(RESIDENT_1, ROUTES.events);
  await page1ChoosesCommunity(r1);
  await waitForText(r1, SEL.events.event(eventId), TITLE);
  await waitForText(r1, SEL.events.event(eventId), '剩余2个名额');
  await tap(r1, SEL.events.event(eventId));
  await waitForText(r1, SEL.event.title, TITLE);
  const signUp = $(r1, SEL.event.signUp);
  await signUp.waitFor();
  // Two taps in a row, the second without waiting for the button to settle: one registration.
  await Promise.all([signUp.tap({ force: true }), signUp.tap({ force: true }).catch(() => undefined)]);
  await waitForText(r1, SEL.event.myStatus, '已报名');
  // Back to the list mid-way: the card counts her place.
  await r1.goBack();
  await waitForText(r1, SEL.events.event(eventId), '剩余1个名额');
  await tapUntilShown(r1, SEL.events.event(eventId), SEL.event.myStatus, '已报名');
  pages.r1 = r1;
  expectNoProblems(r1);

  for (const user of [RESIDENT_2, RESIDENT_3]) await call(user, 'account', 'setCommunity', { communityId: COMMUNITY_ID });
  // The second leaves a phone for the hosts; a short one is refused next to the field, and nothing is registered.
  const r2 = await session.open(RESIDENT_2, ROUTES.eventDetail(eventId));
  await waitForText(r2, SEL.event.signUp, '报名');
  await type(r2, SEL.event.signUpMobile, '139123');
  await tap(r2, SEL.event.signUp);
  await waitForText(r2, `#signup-mobile ${SEL.fieldError}`, '手机号');
  await type(r2, SEL.event.signUpMobile, RESIDENT_2_MOBILE);
  await tap(r2, SEL.event.signUp);
  await waitForText(r2, SEL.event.myStatus, '已报名');
  pages.r2 = r2;

  const r3 = await session.open(RESIDENT_3, ROUTES.eventDetail(eventId));
  await waitForText(r3, SEL.event.places, '已满');
  await waitForText(r3, SEL.event.signUp, '报名候补');
  await tap(r3, SEL.event.signUp);
  await waitForText(r3, SEL.event.myStatus, '候补第1位');
  await screenshot(r3, 'events-2-third-waitlisted');
  pages.r3 = r3;

  const { items } = await call<{ items: { name: string; status: string; mobile: string | null }[] }>('demo-leader', 'events', 'registrations', { eventId });
  expect(items.filter((r) => r.name === '李秀英')).toHaveLength(1);
  expect(items.filter((r) => r.mobile === RESIDENT_2_MOBILE)).toHaveLength(1);
  expect(items.filter((r) => r.status === 'registered')).toHaveLength(2);
  expect(items.filter((r) => r.status === 'waitlisted')).toHaveLength(1);
  expectNoProblems(r2);
  expectNoProblems(r3);
});

async function page1ChoosesCommunity(page: AppPage): Promise<void> {
  const chooser = $(page, SEL.directory.chooser);
  const current = $(page, SEL.events.community);
  await Promise.race([chooser.waitFor({ timeout: 30_000 }), current.waitFor({ timeout: 30_000 })]);
  if (await chooser.isVisible()) {
    await page.locator(visible(`${SEL.directory.communityList} [id^="community-"]`)).filter({ hasText: '塔谈社区' }).first().tap();
  }
  await waitForText(page, SEL.events.community, '塔谈社区');
}

test('the second cancels after confirming; the third is promoted and sees it under 我的活动', async () => {
  const r2 = pages.r2!;
  await tap(r2, SEL.event.cancelSignUp);
  await waitForText(r2, SEL.event.cancelSheet, '确定取消');
  await tap(r2, SEL.event.confirmCancel);
  await waitForText(r2, SEL.event.myArea, '您已取消报名');
  expectNoProblems(r2);

  const r3 = await session.open(RESIDENT_3, ROUTES.mine);
  await tap(r3, SEL.myEvents.entry);
  await waitForText(r3, SEL.myEvents.registration(eventId), '已报名');
  await waitForText(r3, SEL.events.event(eventId), TITLE);
  await $(r3, SEL.myEvents.hours).waitFor();
  await tap(r3, SEL.myEvents.tab('waitlisted'));
  await $(r3, SEL.myEvents.empty).waitFor();
  // And was told (locally the gateway keeps what it would have sent).
  const outbox = (await (await fetch(`${session.url()}/dev/outbox?to=${RESIDENT_3}`)).json()) as { data: { items: { kind: string; body: string }[] } };
  expect(outbox.data.items.map((n) => n.kind)).toContain('event_promoted');
  await screenshot(r3, 'events-3-promoted-in-my-events');
  await tap(r3, SEL.myEvents.tab('upcoming'));
  await waitForText(r3, SEL.myEvents.registration(eventId), '已报名');
  await expectLegible(r3, 'journey-my-events');
  expectNoProblems(r3);
});

test('李秀英 checks in by typing the code on the leader’s screen', async () => {
  const leader = pages.leader!;
  await tap(leader, SEL.event.code);
  const digits = $(leader, SEL.checkInCode.digits);
  await digits.waitFor({ timeout: 30_000 });
  await $(leader, SEL.checkInCode.qr).waitFor();
  const code = (await digits.innerText()).trim();
  expect(code).toMatch(/^\d{6}$/);
  await screenshot(leader, 'events-4-leader-code');
  await expectLegible(leader, 'journey-code-screen');

  const r1 = pages.r1!;
  await r1.reload();
  await tap(r1, SEL.event.checkIn);
  await $(r1, SEL.event.checkInSheet).waitFor();
  // A wrong code is refused in Chinese, next to the field.
  await type(r1, SEL.event.checkInCode, code === '000000' ? '111111' : '000000');
  await tap(r1, SEL.event.checkInSubmit);
  await waitForText(r1, `${SEL.event.checkInSheet} ${SEL.fieldError}`, '签到码');
  await expectLegible(r1, 'journey-checkin-sheet-with-error');
  // The code may have turned over meanwhile: the leader's screen shows the current one.
  const current = (await $(leader, SEL.checkInCode.digits).innerText()).trim();
  await type(r1, SEL.event.checkInCode, current);
  await tap(r1, SEL.event.checkInSubmit);
  await waitForText(r1, SEL.event.myStatus, '已签到');
  await waitForText(leader, SEL.checkInCode.checkedIn, '1', 40_000);
  expectNoProblems(r1);
  expectNoProblems(leader);
});

test('the leader raises the capacity, registers an elder on her behalf and marks her present by hand', async () => {
  const leader = pages.leader!;
  await leader.goBack();
  await tap(leader, SEL.event.edit);
  await $(leader, SEL.eventForm.capacity).waitFor();
  await type(leader, SEL.eventForm.capacity, '3');
  await tap(leader, SEL.eventForm.save);
  await waitForText(leader, SEL.event.capacity, '限3人');

  await tap(leader, SEL.event.registrations);
  await waitForText(leader, SEL.registrations.registered, '2');
  await tap(leader, SEL.registrations.behalf);
  await type(leader, SEL.registrations.behalfName, ELDER);
  await type(leader, SEL.registrations.behalfMobile, '1383344');
  await tap(leader, SEL.registrations.behalfSubmit);
  await waitForText(leader, `#behalf-mobile ${SEL.fieldError}`, '手机号');
  await type(leader, SEL.registrations.behalfMobile, ELDER_MOBILE);
  await tap(leader, SEL.registrations.behalfSubmit);

  const row = leader.locator(visible(`${SEL.registrations.list} [data-name="${ELDER}"]`)).first();
  await row.waitFor({ timeout: 20_000 });
  await expect(row.innerText()).resolves.toContain('代报名');
  await expect(row.innerText()).resolves.toContain(ELDER_MOBILE);
  const index = Number(((await row.getAttribute('id')) ?? '').replace('reg-', ''));
  await tap(leader, SEL.registrations.mark(index));
  await waitForText(leader, `${SEL.registrations.row(index)}`, '已到场');
  await waitForText(leader, SEL.registrations.checkedIn, '2');
  await waitForText(leader, SEL.registrations.registered, '3');
  await screenshot(leader, 'events-5-leader-registrations');
  await expectLegible(leader, 'journey-registrations');
  expectNoProblems(leader);
});

test('after the event the leader records it with a photo, and the record shows on the group page', async () => {
  // Past the end.
  expect(await setServerNow(times.endAt + 10 * 60_000)).toBe(true);

  const dir = mkdtempSync(path.join(tmpdir(), 'cf-photo-'));
  const photo = path.join(dir, 'walk.png');
  writeFileSync(photo, Buffer.from(PNG_1X1, 'base64'));
  try {
    const leader = await session.open('demo-leader', ROUTES.eventDetail(eventId));
    await tap(leader, SEL.event.writeRecord);
    await $(leader, SEL.record.summary).waitFor({ timeout: 30_000 });
    await type(leader, SEL.record.summary, SUMMARY);
    const [chooser] = await Promise.all([leader.waitForEvent('filechooser'), tap(leader, SEL.record.addPhotos)]);
    await chooser.setFiles(photo);
    await $(leader, SEL.record.photo(0)).waitFor();
    await tap(leader, SEL.record.save);

    await waitForText(leader, SEL.event.recordSummary, SUMMARY, 30_000);
    await $(leader, `${SEL.event.recordPhotos} img, ${SEL.event.recordPhotos} taro-image-core`).waitFor();
    await waitForText(leader, SEL.event.recordAttendance, '2人');
    await screenshot(leader, 'events-6-record');
    await expectLegible(leader, 'journey-event-with-record');
    expectNoProblems(leader);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const resident = await session.open(RESIDENT_1, ROUTES.groupDetail(GROUP_ID));
  await waitForText(resident, SEL.groupEvents.past, TITLE, 30_000);
  await waitForText(resident, SEL.groupEvents.record(eventId), SUMMARY);
  await waitForText(resident, SEL.groupEvents.record(eventId), '参加 2 人');
  await screenshot(resident, 'events-7-group-page-record');
  await expectLegible(resident, 'journey-group-page-with-record');
  expectNoProblems(resident);
});

test('the leader cancels another event with a reason after confirming; a registered resident reads why', async () => {
  const startAt = Date.now() + 3 * 24 * 3_600_000;
  const { events } = await call<{ events: { id: string }[] }>('demo-leader', 'events', 'create', {
    requestId: `e2e-cancel-${Date.now()}`,
    groupId: GROUP_ID,
    title: '端午包粽子',
    description: '',
    startAt,
    endAt: startAt + 2 * 3_600_000,
    place: '孵化基地厨房',
    capacity: 10,
    signupDeadline: startAt,
    audience: 'community',
    isVolunteer: false,
  });
  const otherId = events[0]!.id;
  await call(RESIDENT_3, 'events', 'signUp', { eventId: otherId });

  const leader = await session.open('demo-leader', ROUTES.eventDetail(otherId));
  await tap(leader, SEL.event.cancelEvent);
  await $(leader, SEL.event.cancelEventSheet).waitFor();
  // No reason, no cancellation: the sheet says what is missing.
  await tap(leader, SEL.event.confirmCancelEvent);
  await waitForText(leader, `${SEL.event.cancelEventSheet} ${SEL.fieldError}`, '取消原因');
  await type(leader, SEL.event.cancelReason, '厨房水管检修，改期另行通知');
  await tap(leader, SEL.event.confirmCancelEvent);
  await waitForText(leader, SEL.event.cancelled, '厨房水管检修');
  expectNoProblems(leader);

  const resident = await session.open(RESIDENT_3, ROUTES.eventDetail(otherId));
  await waitForText(resident, SEL.event.cancelled, '厨房水管检修，改期另行通知');
  await waitForText(resident, SEL.event.places, '已取消');
  expect(await resident.locator(visible(SEL.event.signUp)).count()).toBe(0);
  await screenshot(resident, 'events-8-cancelled');
  await expectLegible(resident, 'journey-event-cancelled');
  expectNoProblems(resident);
});
