// The social worker's 工作台 (docs/workbench.md): from 我的 with its badge, an overdue filing marked, one filing returned
// with a picked (and edited) common reason, another approved, a group's staff view (roster with phones, the filing
// timeline); the street officer's community filter holds both of 汇通街道's communities, the social worker's one.
import { $, expectLegible, expectNoProblems, tap, waitForText } from './actions';
import { screenshot } from './harness';
import { ROUTES, SEL, visible } from './selectors';
import { useAppSession } from './session';

jest.setTimeout(180_000);

const session = useAppSession();
const { open, call } = session;

const DAY = 86_400_000;
const LAONIAN = 'g_seed_laonian';
const REASON_0 = '材料不全，请补充会员花名册（姓名、手机号）';
const EDIT = '，另请补充每位成员的住址楼号';

type TFilingOnly = { filing: { id: string; status: string; lastComment: string | null } };

async function submitted(name: string): Promise<string> {
  const { filing } = await call<TFilingOnly>('demo-leader', 'filings', 'saveDraft', {
    requestId: `wb-e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
    fields: {
      name,
      category: 'culture_sports',
      communityId: 'c-tatan',
      purpose: '组织社区居民开展健身活动，丰富退休生活，增进邻里感情。',
      leaderName: '张建国',
      leaderMobile: '13812345678',
      memberCount: 12,
      roster: [{ name: '王淑芬' }],
      venue: '塔谈社区广场',
      activityTime: '每天早上7点到8点',
      charter: '第一条 本队在社区居委会指导下开展健身活动，成员自愿参加。',
      supervisor: '塔谈社区居民委员会',
      partyMemberCount: 1,
      hasPartyBranch: false,
    },
  });
  await call('demo-leader', 'filings', 'submit', { filingId: filing.id });
  return filing.id;
}

/** Moves the gateway's clock so the functions read `Date.now() + ms` (the phone's clock stays as it is). */
async function shiftServerClock(ms: number): Promise<void> {
  const res = await fetch(`${session.url()}/dev/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ offsetMs: ms }),
  });
  expect(res.ok).toBe(true);
}

let overdueId = '';
let freshId = '';

beforeAll(async () => {
  // Submitted nine days ago by the server's clock: past the street office's 7 days.
  overdueId = await submitted('塔谈社区晨练太极队');
  await shiftServerClock(9 * DAY);
  freshId = await submitted('塔谈社区健步走队');
});

test('the social worker opens 工作台 from 我的: the badge, the overdue filing marked and its age', async () => {
  const page = await open('demo-social-worker', ROUTES.mine);
  const { waiting } = await call<{ waiting: { reviews: number } }>('demo-social-worker', 'account', 'waiting', {});
  await waitForText(page, SEL.mine.workbench, '工作台');
  await waitForText(page, '#badge-reviews', String(waiting.reviews));
  await tap(page, SEL.mine.workbench);

  await waitForText(page, '#wb-waiting', String(waiting.reviews), 30_000);
  await waitForText(page, `#queue-overdue-${overdueId}`, '已超期');
  await waitForText(page, `#queue-age-${overdueId}`, '已等 9 天');
  expect(Number(await $(page, '#wb-overdue').innerText())).toBeGreaterThanOrEqual(1);
  expect(await page.locator(visible(`#queue-overdue-${freshId}`)).count()).toBe(0);
  // Oldest first: the overdue filing comes before the one submitted today.
  const order = await page.locator(visible('.queue-item')).evaluateAll((els) => els.map((el) => el.id));
  expect(order.indexOf(`queue-item-${overdueId}`)).toBeLessThan(order.indexOf(`queue-item-${freshId}`));
  // The social worker's scope is one community: the filter offers only 塔谈社区.
  await $(page, '#wb-community-c-tatan').waitFor({ state: 'visible' });
  expect(await page.locator(visible('#wb-community-c-beijiao')).count()).toBe(0);
  await tap(page, '#wb-tab-tools');
  await $(page, '#wb-tile-dashboard').waitFor({ state: 'visible' });
  expect(await page.locator(visible('#wb-tile-places')).count()).toBe(0); // officers only
  await tap(page, '#wb-tab-queue');
  await $(page, SEL.queue.filing(overdueId)).waitFor({ state: 'visible' });
  await screenshot(page, 'workbench-1-home');
  await expectLegible(page, 'workbench-home');
  expectNoProblems(page);
});

test('returns the overdue one with a picked reason, edited; a double tap on the row opens the review page once', async () => {
  const page = await open('demo-social-worker', ROUTES.workbench);
  const row = $(page, SEL.queue.filing(overdueId));
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  // A double tap: two taps in one burst, before the first navigation has landed.
  await row.evaluate((el) => {
    (el as HTMLElement).click();
    (el as HTMLElement).click();
  });
  await waitForText(page, SEL.review.status, '待审核', 30_000);
  expect(await page.locator('.taro_page').count()).toBe(2); // the workbench and one review page

  await tap(page, '#review-reason-0');
  const input = $(page, SEL.review.commentInput);
  await expect(input.inputValue()).resolves.toBe(REASON_0);
  await input.fill(REASON_0 + EDIT);
  await tap(page, SEL.review.return);
  await tap(page, SEL.review.confirm);
  await waitForText(page, SEL.review.result, '已退回修改');
  const { filing } = await call<TFilingOnly>('demo-social-worker', 'filings', 'get', { filingId: overdueId });
  expect(filing).toMatchObject({ status: 'returned', lastComment: REASON_0 + EDIT });

  // One page was opened for the two taps: one step back is the workbench, and the returned filing has left the queue.
  await page.goBack();
  await $(page, '#wb-header').waitFor({ state: 'visible', timeout: 20_000 });
  await $(page, SEL.queue.filing(overdueId)).waitFor({ state: 'detached', timeout: 20_000 });
  expectNoProblems(page);
});

test('approves the other, then finds it under 已通过', async () => {
  const page = await open('demo-social-worker', ROUTES.workbench);
  await tap(page, SEL.queue.filing(freshId));
  await waitForText(page, SEL.review.status, '待审核', 30_000);
  await tap(page, SEL.review.approve);
  await tap(page, SEL.review.confirm);
  await waitForText(page, SEL.review.result, '已通过');
  await tap(page, SEL.review.backToQueue);
  await $(page, '#wb-header').waitFor({ state: 'visible', timeout: 20_000 });
  await tap(page, '#wb-status-approved');
  await waitForText(page, SEL.queue.filing(freshId), '塔谈社区健步走队');
  expectNoProblems(page);
});

test("opens a group's staff view from the 社团 tab: the record with the leader's phone, the roster with phones, the timeline", async () => {
  const page = await open('demo-social-worker', ROUTES.workbench);
  await tap(page, '#wb-tab-groups');
  await tap(page, `#wb-group-${LAONIAN}`);
  await waitForText(page, '#staff-group-name', '塔谈社区老年协会', 30_000);
  await waitForText(page, '#staff-leader-mobile', '13831112345');
  await waitForText(page, '#staff-roster', '王桂芝');
  await waitForText(page, '#staff-roster', '13931110001');
  await waitForText(page, '#staff-roster #btn-export-roster', '导出花名册'); // the .xlsx roster (docs/reports.md)
  await waitForText(page, '#staff-timeline', '成立报备');
  await waitForText(page, '#staff-timeline', '待审核 → 已通过');
  await screenshot(page, 'workbench-2-staff-group');
  await expectLegible(page, 'workbench-staff-group');
  expectNoProblems(page);
});

test('the street officer sees both communities of 汇通街道 in the filter, and the administration tiles', async () => {
  const page = await open('demo-admin', ROUTES.workbench);
  await $(page, '#wb-community-c-beijiao').waitFor({ state: 'visible', timeout: 30_000 });
  await $(page, '#wb-community-c-tatan').waitFor({ state: 'visible' });
  await tap(page, '#wb-tab-tools');
  await $(page, '#wb-tile-audit').waitFor({ state: 'visible' });
  await tap(page, '#wb-tab-queue');
  // The officer's queue holds 塔谈社区's waiting filings; the 北焦社区 filter leaves only 北焦社区's.
  const fromTatan = page.locator(visible('.queue-item .card__meta')).filter({ hasText: /^塔谈社区/ });
  await fromTatan.first().waitFor({ state: 'visible', timeout: 20_000 });
  await tap(page, '#wb-community-c-beijiao');
  await fromTatan.first().waitFor({ state: 'detached', timeout: 20_000 });
  const communities = await page.locator(visible('.queue-item .card__meta')).allInnerTexts();
  expect(communities.every((t) => t.startsWith('北焦社区'))).toBe(true);
  expectNoProblems(page);
});
