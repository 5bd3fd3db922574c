// The dashboards in the H5 build against the local gateway on a fresh seeded database: the social worker opens
// 数据看板 from 我的 and reads 塔谈社区's numbers as bars with their numbers beside them (the Party numbers read
// 15 / 8 / 32, the counters' own, read back through the API too); she can open only her community. The street officer opens
// 汇通街道, which sums both of its communities, and switches to each of them.
import type { TDashboard, TDashboardPlace } from '../../types/stats';
import { $, expectLegible, tap, waitForText } from './actions';
import { screenshot } from './harness';
import { ROUTES, visible } from './selectors';
import { useAppSession } from './session';
import { barsOf, dashboardNumber } from './staff-steps';

jest.setTimeout(300_000);

const DASHBOARD = '/package-stats/pages/dashboard/index';
const session = useAppSession();

type TAnswer = { places: TDashboardPlace[]; dashboard: TDashboard };

const numberOf = dashboardNumber;

test('the social worker opens 数据看板 from 我的: tiles, bars with their numbers, only her community', async () => {
  const api = await session.call<TAnswer>('demo-social-worker', 'stats', 'dashboard', {});
  const overview = (await session.call<{ overview: { filedGroups: number; partyBranches: number; partyMembers: number } }>('demo-social-worker', 'growth', 'overview', { communityId: 'c-tatan' })).overview;
  const page = await session.open('demo-social-worker', ROUTES.mine);
  await tap(page, '#btn-dashboard');
  await waitForText(page, '#dashboard-title', '塔谈社区');

  // The Party numbers are the community's counters (growth.overview reads the same document another way).
  expect(await numberOf(page, 'stat-groups')).toBe(overview.filedGroups);
  expect(await numberOf(page, 'stat-branches')).toBe(overview.partyBranches);
  expect(await numberOf(page, 'stat-party-members')).toBe(overview.partyMembers);
  expect(await numberOf(page, 'stat-members')).toBe(api.dashboard.members);
  // The story's numbers (the demo seed, docs/demo-data.md): 15 filed groups, 8 Party branches, 32 Party members.
  expect([overview.filedGroups, overview.partyBranches, overview.partyMembers]).toEqual([15, 8, 32]);

  // Every chart is drawn: one bar per category with its number beside it, the stages, twelve months.
  expect(await barsOf(page, 'chart-categories')).toEqual(api.dashboard.categories.map((c) => `${c.label}:${c.count}`));
  expect(await barsOf(page, 'chart-stages')).toEqual(api.dashboard.stages.map((c) => `${c.label}:${c.count}`));
  const widest = await $(page, '#chart-categories .st__bar').evaluate(() =>
    Math.max(...Array.from(document.querySelectorAll('#chart-categories .st__bar')).map((b) => (b as HTMLElement).getBoundingClientRect().width)),
  );
  expect(widest).toBeGreaterThan(50);
  expect(await page.locator(visible('#chart-months .st__month')).count()).toBe(12);
  expect(await barsOf(page, 'chart-filings')).toEqual([`等待审核:${api.dashboard.filingsWaiting}`, `超过7天未审:${api.dashboard.filingsOverdue}`]);
  expect(await barsOf(page, 'chart-needs')).toEqual([`收集中:${api.dashboard.needsOpen}`, `已答复:${api.dashboard.needsAnswered}`]);

  // Only her community to pick; another community is refused by the server, not just hidden.
  expect(await page.locator(visible('#place-picker .chip')).allTextContents()).toEqual(['塔谈社区']);
  const other = await fetch(`${session.url()}/fn/stats`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-user': 'demo-social-worker' },
    body: JSON.stringify({ action: 'dashboard', level: 'community', placeId: 'c-beijiao' }),
  });
  expect(((await other.json()) as { error?: { code: string } }).error?.code).toBe('FORBIDDEN');
  await screenshot(page, 'dashboard-social-worker');
  await expectLegible(page, 'dashboard-social-worker');
});

test('the street officer opens 汇通街道 (both communities summed) and switches to each community', async () => {
  const street = await session.call<TAnswer>('demo-admin', 'stats', 'dashboard', { level: 'street', placeId: 's-huitong' });
  const tatan = await session.call<TAnswer>('demo-admin', 'stats', 'dashboard', { level: 'community', placeId: 'c-tatan' });
  const beijiao = await session.call<TAnswer>('demo-admin', 'stats', 'dashboard', { level: 'community', placeId: 'c-beijiao' });
  expect(street.dashboard.communityCount).toBe(2);
  expect(street.dashboard.filedGroups).toBe(tatan.dashboard.filedGroups + beijiao.dashboard.filedGroups);

  const page = await session.open('demo-admin', DASHBOARD);
  await $(page, '#place-street-s-huitong').waitFor({ state: 'visible', timeout: 30_000 });
  await $(page, '#place-street-s-huitong').tap();
  await waitForText(page, '#dashboard-title', '汇通街道');
  await waitForText(page, '#dashboard-title', '共2个社区');
  expect(await numberOf(page, 'stat-groups')).toBe(street.dashboard.filedGroups);
  expect(await numberOf(page, 'stat-party-members')).toBe(street.dashboard.partyMembers);

  await $(page, '#place-community-c-beijiao').tap();
  await waitForText(page, '#dashboard-title', '北焦社区');
  expect(await numberOf(page, 'stat-groups')).toBe(beijiao.dashboard.filedGroups);
  await $(page, '#place-community-c-tatan').tap();
  await waitForText(page, '#dashboard-title', '塔谈社区');
  expect(await numberOf(page, 'stat-party-members')).toBe(tatan.dashboard.partyMembers);
  await screenshot(page, 'dashboard-street-officer');
});

test('a resident who opens the address is told the dashboard is for staff', async () => {
  const page = await session.open('demo-resident', DASHBOARD);
  await waitForText(page, '#dashboard-forbidden', '数据看板只对社区社工和街道、区的工作人员开放');
});
