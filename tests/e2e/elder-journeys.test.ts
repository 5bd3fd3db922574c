// 长辈模式 (issue 8): offered on a person's first visit, remembered with the person (a new phone opens in it), and
// from the first screen each main journey reaches its goal in at most three taps. Taps are counted; typing a phone
// number is not a tap. Screenshots of each goal: test-results/screenshots/modes/elder-journey-*.png.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { $, type as typeInto, waitForText } from './actions';
import { SCREENSHOT_DIR, type AppPage } from './harness';
import { ROUTES, SEL, visible } from './selectors';
import { useAppSession } from './session';

jest.setTimeout(180_000);

const PERSON = 'e2e-elder-wang';
const MOBILE = '13931188001';
const GROUP_ID = 'g_seed_laonian';
const MAX_TAPS = 3;
const TAB_ITEM = '.weui-tabbar__item';
const session = useAppSession();

/** A person's taps on one page, counted. Each waits for what it should show, as the person would. */
class Taps {
  count = 0;
  constructor(private readonly page: Page) {}

  /**
   * Taps `target` (a selector, optionally narrowed by its text) until `shown` appears. Taro's H5 router can swallow
   * a tap that lands while it re-shows a tab page (tests/e2e/actions.ts tapUntilShown): a repeat is that artefact,
   * not a second step for the person, so it counts once.
   */
  async tap(target: string, shown: string, text?: string): Promise<void> {
    this.count += 1;
    const locator = () => {
      // The H5 tab bar lies outside the page container that `visible()` scopes to.
      const l = target === TAB_ITEM ? this.page.locator(target).filter({ visible: true }) : this.page.locator(visible(target));
      return (text ? l.filter({ hasText: text }) : l).first();
    };
    for (let attempt = 1; ; attempt++) {
      await locator().tap({ timeout: 10_000 }).catch((e: unknown) => {
        if (attempt >= 3) throw e;
      });
      try {
        await $(this.page, shown).waitFor({ state: 'visible', timeout: 8_000 });
        return;
      } catch (e) {
        if (attempt >= 3) throw e;
      }
    }
  }
}

const isElder = (page: Page) => page.evaluate(() => document.body.classList.contains('elder'));

async function keep(page: AppPage, name: string): Promise<void> {
  const dir = path.join(SCREENSHOT_DIR, 'modes');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `elder-journey-${name}.png`), fullPage: true });
}

/** The first screen on a phone that has never seen this person: the mode comes from the server. */
async function firstScreen(): Promise<{ page: AppPage; taps: Taps }> {
  const page = await session.open(PERSON, ROUTES.directory, { elderMode: null });
  await $(page, SEL.directory.card).waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.body.classList.contains('elder'), undefined, { timeout: 10_000 });
  expect(await page.locator(visible('#elder-offer')).count()).toBe(0);
  return { page, taps: new Taps(page) };
}

let eventCount = 0;
/** An event of 老年协会 starting in `startsInMin` minutes, made by its leader. */
async function eventIn(startsInMin: number, title: string): Promise<string> {
  eventCount += 1;
  const startAt = Date.now() + startsInMin * 60_000;
  const { events } = await session.call<{ events: { id: string }[] }>('demo-leader', 'events', 'create', {
    requestId: `elder-journey-${eventCount}-${Date.now()}`,
    groupId: GROUP_ID,
    title,
    description: '欢迎大家参加。',
    startAt,
    endAt: startAt + 2 * 3_600_000,
    place: '社区活动室',
    capacity: 30,
    signupDeadline: startAt,
    audience: 'community',
    isVolunteer: false,
  });
  return events[0]!.id;
}


beforeAll(async () => {
  // The offer, once: a first visit shows it, 长辈模式 is chosen, then the community (a one-time step, not a journey).
  const page = await session.open(PERSON, ROUTES.directory, { elderMode: null });
  await $(page, '#elder-offer').waitFor({ timeout: 30_000 });
  await keep(page, '0-offer');
  await $(page, '#btn-elder-on').tap();
  await page.waitForFunction(() => document.body.classList.contains('elder'), undefined, { timeout: 10_000 });
  await $(page, '#elder-offer').waitFor({ state: 'hidden', timeout: 10_000 });
  await page.locator(visible(`${SEL.directory.communityList} [id^="community-"]`)).filter({ hasText: '塔谈社区' }).first().tap();
  await $(page, SEL.directory.card).waitFor({ timeout: 30_000 });
  await page.context().close();
});

test('the choice is remembered with the person: the server says so, and a new phone opens in 长辈模式 without asking', async () => {
  const { me } = await session.call<{ me: { prefs: { elderMode: boolean | null } } }>(PERSON, 'account', 'me', {});
  expect(me.prefs.elderMode).toBe(true);
  const { page } = await firstScreen();
  expect(await isElder(page)).toBe(true);
});

test('find a group: its page in one tap', async () => {
  const { page, taps } = await firstScreen();
  await taps.tap(SEL.directory.group(GROUP_ID), SEL.group.join);
  await keep(page, 'find-a-group');
  expect(taps.count).toBeLessThanOrEqual(MAX_TAPS);
});

test('join a group: asked for in three taps (card, 申请加入, 提交), the phone number typed', async () => {
  const { page, taps } = await firstScreen();
  await taps.tap(SEL.directory.group(GROUP_ID), SEL.group.join);
  await taps.tap(SEL.group.join, SEL.group.joinSheet);
  await typeInto(page, SEL.group.joinMobile, MOBILE);
  await taps.tap(SEL.group.joinSubmit, SEL.group.joinStatus);
  await waitForText(page, SEL.group.joinStatus, '待审核');
  await keep(page, 'join');
  expect(taps.count).toBeLessThanOrEqual(MAX_TAPS);
});

test('sign up to an activity: 活动, the activity, 报名', async () => {
  const eventId = await eventIn(26 * 60, '重阳节登山');
  const { page, taps } = await firstScreen();
  await taps.tap(TAB_ITEM, SEL.events.event(eventId), '活动');
  await taps.tap(SEL.events.event(eventId), SEL.event.signUp);
  if ((await page.locator(visible(SEL.event.signUpMobile)).count()) > 0) await typeInto(page, SEL.event.signUpMobile, MOBILE);
  await taps.tap(SEL.event.signUp, SEL.event.cancelSignUp);
  await keep(page, 'sign-up');
  expect(taps.count).toBeLessThanOrEqual(MAX_TAPS);
});

test('check in: 活动, the activity, 签到 opens the code entry', async () => {
  const eventId = await eventIn(20, '健身操晨练');
  await session.call(PERSON, 'events', 'signUp', { eventId, mobile: MOBILE });
  const { page, taps } = await firstScreen();
  await taps.tap(TAB_ITEM, SEL.events.event(eventId), '活动');
  await taps.tap(SEL.events.event(eventId), SEL.event.checkIn);
  await taps.tap(SEL.event.checkIn, SEL.event.checkInCode);
  await keep(page, 'check-in');
  expect(taps.count).toBeLessThanOrEqual(MAX_TAPS);
});

test('see my things: 我的 in one tap, 我的活动 in two', async () => {
  const { page, taps } = await firstScreen();
  await taps.tap(TAB_ITEM, SEL.mine.name, '我的');
  await $(page, SEL.mine.groups).waitFor({ timeout: 20_000 });
  expect(taps.count).toBeLessThanOrEqual(1);
  await taps.tap(SEL.myEvents.entry, SEL.myEvents.hours);
  await keep(page, 'my-things');
  expect(taps.count).toBeLessThanOrEqual(2);
});

test('我的 → 长辈模式 switches it off and on again, and the server remembers each', async () => {
  const { page } = await firstScreen();
  const taps = new Taps(page);
  await taps.tap(TAB_ITEM, '#elder-mode-switch', '我的');
  await waitForText(page, '#elder-mode-switch', '已开启');
  const prefs = async () => (await session.call<{ me: { prefs: { elderMode: boolean | null } } }>(PERSON, 'account', 'me', {})).me.prefs;
  const saved = () => page.waitForResponse((r) => r.url().endsWith('/fn/account') && (r.request().postData() ?? '').includes('setPrefs'));

  let done = saved();
  await $(page, '#elder-mode-switch').tap();
  await waitForText(page, '#elder-mode-switch', '已关闭');
  expect(await isElder(page)).toBe(false);
  await done;
  expect(await prefs()).toEqual({ elderMode: false });

  done = saved();
  await $(page, '#elder-mode-switch').tap();
  await waitForText(page, '#elder-mode-switch', '已开启');
  expect(await isElder(page)).toBe(true);
  await done;
  expect(await prefs()).toEqual({ elderMode: true });
});
