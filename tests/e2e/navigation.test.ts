// Navigation in H5 as WeChat gives it in the mini program: a title bar with 返回 on every non-tab page, back that
// is safe during a submit (the page that started it is the only one that may navigate afterwards), pages that
// refuse a missing id, and a dev panel whose user switch and 关闭 never strand the person.
import type { Page } from 'playwright-core';
import { $, expectNoProblems, tap, tapUntilShown, type, waitForText } from './actions';
import { screenshot } from './harness';
import { ROUTES, SEL, visible } from './selectors';
import { useAppSession } from './session';

jest.setTimeout(180_000);

const GROUP_ID = 'g_seed_laonian';
const NAV = { bar: '.nav-bar', title: '#nav-title', back: '#nav-back', missing: '#record-missing' } as const;
const BLAMING = '填写的内容有误';

const session = useAppSession();
const { open } = session;

/** Every function call the page makes, with its body, to check that none names an empty id. */
function recordCalls(page: Page): Array<{ fn: string; body: Record<string, unknown> }> {
  const calls: Array<{ fn: string; body: Record<string, unknown> }> = [];
  page.on('request', (request) => {
    const match = request.url().match(/\/fn\/([a-z]+)/);
    if (!match || request.method() !== 'POST') return;
    calls.push({ fn: match[1]!, body: (request.postDataJSON() ?? {}) as Record<string, unknown> });
  });
  return calls;
}

function emptyIdCalls(calls: Array<{ fn: string; body: Record<string, unknown> }>): string[] {
  return calls
    .filter(({ body }) => Object.entries(body).some(([key, value]) => /(^id$|Id$)/.test(key) && value === ''))
    .map(({ fn, body }) => `${fn}.${String(body.action)} ${JSON.stringify(body)}`);
}

async function setLatency(ms: number, only: string[] = []): Promise<void> {
  const res = await fetch(`${session.url()}/dev/latency`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ms, only }) });
  expect(res.status).toBe(200);
}

/** Waits until the gateway has answered the slowed call (the page's own request finished). */
async function waitForCall(page: Page, fnAction: string): Promise<void> {
  const [fn, action] = fnAction.split('.');
  await page.waitForResponse((r) => r.url().endsWith(`/fn/${fn}`) && (r.request().postDataJSON() as { action?: string })?.action === action, { timeout: 30_000 });
}

afterEach(async () => {
  await setLatency(0);
});

test('tab pages show their title without 返回; a sub-page opened by link goes back to the 社团 tab', async () => {
  const page = await open('demo-leader', ROUTES.mine);
  await waitForText(page, NAV.title, '我的');
  expect(await page.locator(visible(NAV.back)).count()).toBe(0);

  const group = await open('demo-leader', ROUTES.groupDetail(GROUP_ID));
  await waitForText(group, SEL.group.name, '塔谈社区老年协会');
  await waitForText(group, NAV.title, '社团详情');
  expect(await group.getByRole('button', { name: '返回' }).filter({ visible: true }).count()).toBe(1);
  // Large enough for older hands, and on the blue of the weapp's own bar.
  const box = (await $(group, NAV.back).boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(44);
  expect(box.width).toBeGreaterThanOrEqual(44);
  await screenshot(group, 'nav-group-opened-by-link');
  // Nothing behind it in the history: 返回 goes to the first tab instead of nowhere.
  await tap(group, NAV.back);
  await $(group, SEL.directory.current).waitFor({ timeout: 30_000 });
  await waitForText(group, NAV.title, '社区社团');
  expectNoProblems(group);
});

test('返回 goes back along the way the person came: 社团 → group → 组织管理 and back again', async () => {
  const page = await open('demo-leader', ROUTES.directory);
  await tapUntilShown(page, SEL.directory.group(GROUP_ID), SEL.group.name, '塔谈社区老年协会');
  await tapUntilShown(page, SEL.group.manageGroup, NAV.title, '组织管理');
  await tap(page, NAV.back);
  await waitForText(page, NAV.title, '社团详情');
  await waitForText(page, SEL.group.name, '塔谈社区老年协会');
  await tap(page, NAV.back);
  await $(page, SEL.directory.current).waitFor({ timeout: 30_000 });
  expectNoProblems(page);
});

test('a page opened without its record id says 找不到这条记录 and asks the server nothing about ""', async () => {
  for (const route of ['/package-filing/pages/detail/index', `/package-group/pages/detail/index?id=`, '/package-manage/pages/settings/index']) {
    const page = await open('demo-leader', route);
    const calls = recordCalls(page);
    await waitForText(page, NAV.missing, '找不到这条记录');
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    expect(await page.locator(visible(SEL.error)).count()).toBe(0);
    expect(emptyIdCalls(calls)).toEqual([]);
    expect(await page.getByText(BLAMING).count()).toBe(0);
    await page.context().close();
  }
});

test('back pressed while a new filing is being submitted: 我的 stays intact, no empty-id call, no blame', async () => {
  const page = await open('demo-leader', ROUTES.mine);
  const calls = recordCalls(page);
  await tapUntilShown(page, SEL.mine.newFiling, NAV.title, '我要报备');
  await $(page, SEL.edit.input('name')).waitFor({ timeout: 30_000 });
  await type(page, SEL.edit.input('name'), '塔谈社区剪纸兴趣小组');
  await tap(page, SEL.edit.categoryOption('culture_sports'));
  await waitForText(page, SEL.edit.communityPicker, '塔谈社区');
  await type(page, SEL.edit.textarea('purpose'), '学习传统剪纸手艺，为社区节日活动制作窗花和装饰，丰富居民的文化生活。');
  await type(page, SEL.edit.input('leaderName'), '张建国');
  await type(page, SEL.edit.input('leaderMobile'), '13812345678');
  await type(page, SEL.edit.input('memberCount'), '12');
  await tap(page, SEL.edit.addRoster);
  await type(page, SEL.edit.rosterName(0), '李桂兰');
  await type(page, SEL.edit.input('venue'), '塔谈社区活动中心二楼');
  await type(page, SEL.edit.input('activityTime'), '每周二下午2点到4点');
  await type(page, SEL.edit.input('partyMemberCount'), '1');
  await waitForText(page, SEL.edit.autosave, '已自动保存');

  await setLatency(4000, ['filings.submit']);
  const submitted = waitForCall(page, 'filings.submit');
  await tap(page, SEL.edit.submit);
  await waitForText(page, SEL.edit.submit, '正在提交');
  await tap(page, NAV.back);
  await waitForText(page, NAV.title, '我的');
  await submitted;

  // The submit landed, and the person is still on an intact 我的 (the tab's own content, not a detail page),
  // which shows it: their own change, finished while they were looking at 我的.
  await waitForText(page, SEL.mine.filings, '塔谈社区剪纸兴趣小组', 30_000);
  await waitForText(page, SEL.mine.filings, '待审核', 20_000);
  await $(page, SEL.mine.name).waitFor();
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await waitForText(page, NAV.title, '我的');
  expect(await page.locator(visible(SEL.detail.status)).count()).toBe(0);
  expect(emptyIdCalls(calls)).toEqual([]);
  expect(await page.getByText(BLAMING).count()).toBe(0);
  await screenshot(page, 'nav-back-during-new-filing-submit');
  expectNoProblems(page);
});

test('back pressed while a change filing is being submitted: the group page shows, not a blank page', async () => {
  const page = await open('demo-leader', ROUTES.groupDetail(GROUP_ID));
  const calls = recordCalls(page);
  await waitForText(page, SEL.group.name, '塔谈社区老年协会');
  await tapUntilShown(page, SEL.group.manageGroup, NAV.title, '组织管理');
  await tap(page, SEL.settings.tab('change'));
  await tapUntilShown(page, SEL.settings.change, NAV.title, '变更报备');
  await type(page, SEL.change.name, '塔谈社区老年人协会');
  await tap(page, SEL.change.review);
  await $(page, SEL.change.summary).waitFor();

  await setLatency(4000, ['manage.fileChange']);
  const filed = waitForCall(page, 'manage.fileChange');
  await tap(page, SEL.change.confirm);
  await tap(page, NAV.back);
  await waitForText(page, NAV.title, '组织管理');
  await filed;

  // Still on 组织管理, drawn in full; and back once more reaches the group page with the pending change noted.
  await waitForText(page, SEL.settings.groupName, '塔谈社区老年协会');
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await waitForText(page, NAV.title, '组织管理');
  await tap(page, NAV.back);
  await waitForText(page, SEL.group.name, '塔谈社区老年协会');
  expect(emptyIdCalls(calls)).toEqual([]);
  expect(await page.getByText(BLAMING).count()).toBe(0);
  await screenshot(page, 'nav-back-during-change-submit');
  expectNoProblems(page);
});

test('switching the demo user on a sub-page lands on the first tab as the new user', async () => {
  // The session's pages pin their user before every load; this one sets it once, as a person's browser would.
  const opened = await open('demo-leader', ROUTES.mine);
  const context = await opened.context().browser()!.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.goto(`${session.url()}/#${ROUTES.mine}`);
    await page.evaluate(() => window.localStorage.setItem('cf-dev-user', 'demo-leader'));
    await page.goto(`${session.url()}/#${ROUTES.settings(GROUP_ID)}`);
    await page.reload();
    await waitForText(page, SEL.settings.groupName, '协会', 30_000);
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/fn/')) asked.push(r.headers()['x-dev-user'] ?? '');
    });
    await tap(page, SEL.devPanelToggle);
    await tap(page, SEL.devUser('demo-resident'));
    await waitForText(page, NAV.title, '社区社团', 30_000);
    await $(page, SEL.directory.chooser).or(page.locator(visible(SEL.directory.current))).first().waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).hash).toContain('/pages/directory/index');
    expect(await page.evaluate(() => window.localStorage.getItem('cf-dev-user'))).toBe('demo-resident');
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked)).toEqual(new Set(['demo-resident']));
  } finally {
    await context.close();
  }
});

test('the dev panel’s 关闭 can be tapped on a tab page (not under the tab bar)', async () => {
  const page = await open('demo-leader', ROUTES.mine);
  await $(page, SEL.mine.name).waitFor({ timeout: 30_000 });
  await tap(page, SEL.devPanelToggle);
  await page.locator(SEL.devPanel).waitFor();
  // A tap Playwright can make is one nothing else covers (it checks what is on top at that point).
  await page.locator('#btn-dev-close').tap({ timeout: 5_000 });
  await page.locator(SEL.devPanel).waitFor({ state: 'detached', timeout: 5_000 });
});
