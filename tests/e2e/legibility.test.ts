// Legibility on the main pages, measured in Chromium on a phone viewport: text at least 16px, tap targets at least
// 44px high, text contrast at least 4.5:1 (WCAG AA). Many of the app's users are older residents; these are floors.
import type { Page } from 'playwright-core';
import { $, expectNoProblems } from './actions';
import { screenshot, type AppPage } from './harness';
import { LEGIBILITY_PROBE, type Offender } from './legibility-probe';
import { ROUTES, SEL, visible } from './selectors';
import { useAppSession } from './session';

jest.setTimeout(120_000);

/** Seeded: 塔谈社区老年协会 (demo-leader leads it) and a new group's filing waiting for review. */
const GROUP_ID = 'g_seed_laonian';
const SUBMITTED_FILING_ID = 'f_seed_taiji';

const { open } = useAppSession();

async function ready(page: Page, selector: string): Promise<void> {
  await $(page, selector).waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  // Loading spinners are replaced by content; measure the content.
  await page.locator(visible(SEL.loading)).first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}

function describe_(offenders: Offender[]): string {
  return offenders.map((o) => `[${o.rule}] <${o.tag}${o.hook ? ` ${o.hook}` : ''}> 「${o.text}」 ${o.detail}`).join('\n');
}

async function expectLegible(page: AppPage, name: string): Promise<void> {
  const offenders = (await page.evaluate(LEGIBILITY_PROBE)) as Offender[];
  if (offenders.length > 0) await screenshot(page, `legibility-${name}`);
  expect(`${name}:\n${describe_(offenders)}`).toBe(`${name}:\n`);
  expectNoProblems(page);
}

test('directory (resident, after choosing 塔谈社区), with a search', async () => {
  const page = await open('demo-resident', ROUTES.directory);
  await ready(page, SEL.directory.chooser);
  await expectLegible(page, 'community-chooser');
  await page.locator(visible(`${SEL.directory.communityList} [id^="community-"]`)).filter({ hasText: '塔谈社区' }).first().tap();
  await ready(page, SEL.directory.card);
  await expectLegible(page, 'directory');
  await $(page, SEL.directory.search).fill('老年');
  await ready(page, SEL.directory.clearSearch);
  await expectLegible(page, 'directory-search');
});

test('group detail as a resident, with the join sheet open', async () => {
  const page = await open('demo-resident', ROUTES.groupDetail(GROUP_ID));
  await ready(page, SEL.group.join);
  await expectLegible(page, 'group-detail-resident');
  await $(page, SEL.group.join).tap();
  await ready(page, SEL.group.joinSheet);
  await expectLegible(page, 'join-sheet');
});

test('group detail as its leader (manage buttons)', async () => {
  const page = await open('demo-leader', ROUTES.groupDetail(GROUP_ID));
  await ready(page, SEL.group.manageMembers);
  await expectLegible(page, 'group-detail-leader');
});

test('我的 as the leader (groups and filings)', async () => {
  const page = await open('demo-leader', ROUTES.mine);
  await ready(page, SEL.mine.group(GROUP_ID));
  await expectLegible(page, 'mine-leader');
});

test('the filing form', async () => {
  const page = await open('demo-leader', ROUTES.filingEdit);
  await ready(page, SEL.edit.input('name'));
  await expectLegible(page, 'filing-form');
});

test('the review queue and a filing under review (social worker)', async () => {
  const page = await open('demo-social-worker', ROUTES.reviewQueue);
  await ready(page, SEL.queue.filing(SUBMITTED_FILING_ID));
  await expectLegible(page, 'review-queue');
  await $(page, SEL.queue.filing(SUBMITTED_FILING_ID)).tap();
  await ready(page, SEL.review.approve);
  await expectLegible(page, 'review');
});

test('成员管理, 组织管理 and 变更报备 (leader)', async () => {
  const members = await open('demo-leader', ROUTES.members(GROUP_ID));
  await $(members, SEL.members.tabActive).tap();
  await ready(members, SEL.members.member(0));
  await expectLegible(members, 'members');

  const settings = await open('demo-leader', ROUTES.settings(GROUP_ID));
  await ready(settings, SEL.settings.change);
  await expectLegible(settings, 'settings');

  const change = await open('demo-leader', ROUTES.change(GROUP_ID));
  await ready(change, SEL.change.name);
  await expectLegible(change, 'change');
});
