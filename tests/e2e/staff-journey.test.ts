// Issue 10's staff journey in one session, on the story's demo (docs/demo-data.md): the social worker opens 工作台
// from 我的 with its badge, finds the overdue filings, returns one with a picked (and edited) reason, approves another,
// files a group on behalf of an elder, reads 塔谈社区's dashboard (15 / 8 / 32, charts drawn, the waiting filings
// moved by what she just did) and downloads the quarterly report, which opens as a workbook with the same totals and
// the change she approved. The street officer then sees both of 汇通街道's communities where she sees one.
// Each step has its own deeper test (workbench, on-behalf, dashboard, reports); this one proves they fit together.
import { QUARTERLY_SHEETS, SUMMARY_HEADERS } from '../../cloudfunctions/core/reports/quarterly-workbook';
import { readWorkbook } from '../support/reports';
import { $, expectNoProblems, tap, waitForText } from './actions';
import { screenshot } from './harness';
import { ROUTES, SEL, visible } from './selectors';
import { useAppSession } from './session';
import { barsOf, dashboardNumber, download, fileOnBehalf } from './staff-steps';

jest.setTimeout(300_000);

const session = useAppSession();
const { open, call } = session;

/** The demo's waiting filings in 塔谈社区 (scripts/seed/demo-filings.ts): a new group 12 days old, a change 9 days old. */
const OVERDUE_NEW = 'f_seed_xiqu';
const OVERDUE_CHANGE = 'f_seed_xunluo_venue';
const ELDER = { name: '孙桂兰', mobile: '13803110021' };
const GROUP = {
  name: '塔谈社区评剧爱好者协会',
  purpose: '评剧爱好者每周练唱，逢年过节为社区老人义务演出。',
  memberCount: '14',
  venue: '塔谈社区活动中心二楼',
  activityTime: '每周四下午2点到4点',
  partyMemberCount: '0',
};

let waitingAtStart = 0;

test('the social worker: badge on 我的, the overdue filings on 工作台, one returned with a picked reason, another approved', async () => {
  waitingAtStart = (await call<{ waiting: { reviews: number } }>('demo-social-worker', 'account', 'waiting', {})).waiting.reviews;
  expect(waitingAtStart).toBeGreaterThanOrEqual(2);
  const page = await open('demo-social-worker', ROUTES.mine);
  await waitForText(page, '#badge-reviews', String(waitingAtStart), 30_000);
  await tap(page, SEL.mine.workbench);

  await waitForText(page, '#wb-waiting', String(waitingAtStart), 30_000);
  for (const id of [OVERDUE_NEW, OVERDUE_CHANGE]) await waitForText(page, `#queue-overdue-${id}`, '已超期');
  expect(await page.locator(visible('#wb-community-c-beijiao')).count()).toBe(0); // her scope is 塔谈社区 alone
  await screenshot(page, 'staff-journey-1-workbench');

  await tap(page, SEL.queue.filing(OVERDUE_NEW));
  await waitForText(page, SEL.review.status, '待审核', 30_000);
  await tap(page, '#review-reason-0');
  const input = $(page, SEL.review.commentInput);
  const picked = await input.inputValue();
  expect(picked.length).toBeGreaterThan(4);
  await input.fill(`${picked}（请在下周五前补交）`);
  await tap(page, SEL.review.return);
  await tap(page, SEL.review.confirm);
  await waitForText(page, SEL.review.result, '已退回修改');
  await tap(page, SEL.review.backToQueue);
  await $(page, SEL.queue.filing(OVERDUE_NEW)).waitFor({ state: 'detached', timeout: 30_000 });

  await tap(page, SEL.queue.filing(OVERDUE_CHANGE));
  await waitForText(page, SEL.review.status, '待审核', 30_000);
  await tap(page, SEL.review.approve);
  await tap(page, SEL.review.confirm);
  await waitForText(page, SEL.review.result, '已通过');
  await tap(page, SEL.review.backToQueue);
  await waitForText(page, '#wb-waiting', String(waitingAtStart - 2), 30_000);

  const returned = await call<{ filing: { status: string; lastComment: string } }>('demo-social-worker', 'filings', 'get', { filingId: OVERDUE_NEW });
  expect(returned.filing).toMatchObject({ status: 'returned', lastComment: `${picked}（请在下周五前补交）` });
  expectNoProblems(page);
});

test('the social worker files a group on behalf of an elder from 更多工作 → 代办报备', async () => {
  const page = await open('demo-social-worker', ROUTES.workbench);
  await tap(page, '#wb-tab-tools');
  await tap(page, '#wb-tile-on-behalf');
  await fileOnBehalf(page, ELDER, GROUP);
  await screenshot(page, 'staff-journey-2-on-behalf');
  expectNoProblems(page);
});

test('the community dashboard: 15 / 8 / 32, charts drawn, and the waiting filings as they now stand', async () => {
  const page = await open('demo-social-worker', ROUTES.workbench);
  await tap(page, '#wb-tab-tools');
  await tap(page, '#wb-tile-dashboard');
  await waitForText(page, '#dashboard-title', '塔谈社区', 30_000);
  expect([
    await dashboardNumber(page, 'stat-groups'),
    await dashboardNumber(page, 'stat-branches'),
    await dashboardNumber(page, 'stat-party-members'),
  ]).toEqual([15, 8, 32]);
  expect((await barsOf(page, 'chart-categories')).length).toBeGreaterThanOrEqual(3);
  expect(await page.locator(visible('#chart-months .st__month')).count()).toBe(12);
  // Two decided, one 代办 submitted: the counts behind the chart moved with the work just done.
  expect((await barsOf(page, 'chart-filings'))[0]).toBe(`等待审核:${waitingAtStart - 2 + 1}`);
  expect(await page.locator(visible('#place-picker .chip')).allTextContents()).toEqual(['塔谈社区']);
  await screenshot(page, 'staff-journey-3-dashboard');
  expectNoProblems(page);
});

test('the quarterly report downloads and opens as a workbook with the story’s totals and the approved change', async () => {
  const page = await open('demo-social-worker', ROUTES.workbench);
  await tap(page, '#wb-tab-tools');
  await tap(page, '#wb-tile-reports');
  await $(page, '#report-place-community-c-tatan').waitFor({ timeout: 30_000 });
  const { name, bytes } = await download(page, '#btn-generate-report');
  expect(name).toMatch(/^塔谈社区_\d{4}年第[1-4]季度统计报表\.xlsx$/);

  const sheets = await readWorkbook(bytes);
  expect(Object.keys(sheets)).toEqual([...QUARTERLY_SHEETS]);
  const [headers, row] = sheets['汇总']!;
  expect(headers).toEqual([...SUMMARY_HEADERS]);
  const cell = (h: (typeof SUMMARY_HEADERS)[number]) => row![SUMMARY_HEADERS.indexOf(h)];
  expect([cell('已备案组织（含示范）'), cell('党支部'), cell('党员人数')]).toEqual([15, 8, 32]);
  expect(cell('本季度变更')).toEqual(expect.any(Number));
  expect(cell('本季度变更') as number).toBeGreaterThanOrEqual(1);
  // The change approved a minute ago is among the quarter's filings, by name.
  expect(sheets['备案事项']!.some((r) => String(r[1]).includes('平安巡逻队'))).toBe(true);
  expectNoProblems(page);
});

test('the street officer sees both communities of 汇通街道 in the queue filter and on the dashboard', async () => {
  const page = await open('demo-admin', ROUTES.workbench);
  await $(page, '#wb-community-c-beijiao').waitFor({ state: 'visible', timeout: 30_000 });
  await $(page, '#wb-community-c-tatan').waitFor({ state: 'visible' });
  await tap(page, '#wb-tab-tools');
  await tap(page, '#wb-tile-dashboard');
  await $(page, '#place-community-c-beijiao').waitFor({ state: 'visible', timeout: 30_000 });
  await $(page, '#place-community-c-tatan').waitFor({ state: 'visible' });
  await $(page, '#place-street-s-huitong').waitFor({ state: 'visible' });
  await screenshot(page, 'staff-journey-4-street-officer');
  expectNoProblems(page);
});
