// Groups and membership across three people, in the H5 build against the local gateway on a fresh seeded database:
// a resident searches the directory and asks to join 塔谈社区老年协会, its leader approves in 成员管理, the resident
// sees it under 我的 as 已加入; the leader files a name change, the social worker approves it comparing before → after,
// and the directory shows the new name.
import type { Page } from 'playwright-core';
import { $, confirmModal, expectNoProblems, tap, type, waitForText } from './actions';
import { screenshot, type AppPage } from './harness';
import { ROUTES, SEL, visible } from './selectors';
import { useAppSession } from './session';

const GROUP_NAME = '塔谈社区老年协会';
const NEW_NAME = '塔谈社区老年人协会';
const RESIDENT_NAME = '李秀英';
const JOIN_MESSAGE = '我住在塔谈社区5号楼，退休了，想参加老年大学的书法课。';
const CHANGE_REASON = '按街道要求统一组织名称的写法';

jest.setTimeout(120_000);

const { open } = useAppSession();

/** The id in the current hash route's query (`?id=` / `?groupId=`). */
function routeParam(page: Page, name: string): string {
  return new URL(page.url()).hash.match(new RegExp(`[?&]${name}=([^&]+)`))?.[1] ?? '';
}

/** First use of the directory asks for the community; a resident of this story lives in 塔谈社区. */
async function openDirectoryAsResident(): Promise<AppPage> {
  const page = await open('demo-resident', ROUTES.directory);
  const chooser = $(page, SEL.directory.chooser);
  const current = $(page, SEL.directory.current);
  await Promise.race([chooser.waitFor({ timeout: 30_000 }), current.waitFor({ timeout: 30_000 })]);
  if (await chooser.isVisible()) {
    await page.locator(visible(`${SEL.directory.communityList} [id^="community-"]`)).filter({ hasText: '塔谈社区' }).first().tap();
  }
  await waitForText(page, SEL.directory.current, '塔谈社区');
  await $(page, SEL.directory.list).waitFor({ timeout: 20_000 });
  return page;
}

let groupId = '';
let filingId = '';

test('a resident searches 「老年」, opens 塔谈社区老年协会 and asks to join with a message', async () => {
  const page = await openDirectoryAsResident();

  // A word nobody uses: the empty state says so and offers to clear the search.
  await type(page, SEL.directory.search, '潜水艇');
  await waitForText(page, SEL.directory.noResults, '没有找到相关组织');
  await tap(page, SEL.directory.clearSearch);
  await waitForText(page, SEL.directory.card, '塔谈社区合唱团');

  await type(page, SEL.directory.search, '老年');
  // The search narrows the list: groups without 老年 in name or introduction leave it.
  await page.waitForFunction(
    (sel) => {
      const cards = Array.from(document.querySelectorAll(sel)).filter((el) => (el as HTMLElement).offsetParent !== null);
      return cards.length > 0 && cards.every((el) => String(el.textContent).includes('老年'));
    },
    SEL.directory.card,
    { timeout: 20_000 },
  );
  const card = page.locator(visible(SEL.directory.card)).filter({ hasText: GROUP_NAME }).first();
  await card.tap();

  await waitForText(page, SEL.group.name, GROUP_NAME);
  groupId = routeParam(page, 'id');
  expect(groupId).not.toBe('');
  await waitForText(page, SEL.group.subCommittees, '老年大学管委会');
  await waitForText(page, SEL.group.join, '申请加入');
  expect(await page.locator(visible(SEL.group.manageMembers)).count()).toBe(0);

  await tap(page, SEL.group.join);
  await $(page, SEL.group.joinSheet).waitFor({ timeout: 10_000 });
  // The server's objections show in Chinese next to the field: a malformed phone, then a message the content check refuses.
  await type(page, SEL.group.joinMobile, '12345');
  await tap(page, SEL.group.joinSubmit);
  await waitForText(page, `#join-mobile ${SEL.fieldError}`, '请填写11位联系电话');
  await type(page, SEL.group.joinMobile, '');
  await type(page, SEL.group.joinMessage, '周末有没有赌博活动？');
  await tap(page, SEL.group.joinSubmit);
  await waitForText(page, `#join-message ${SEL.fieldError}`, '未通过内容安全检查');

  await type(page, SEL.group.joinMessage, JOIN_MESSAGE);
  await tap(page, SEL.group.joinSubmit);
  await waitForText(page, SEL.group.joinStatus, '待审核');
  await $(page, SEL.group.cancelJoin).waitFor();
  await screenshot(page, 'membership-1-resident-requested');
  expectNoProblems(page);
});

test('the leader opens 成员管理 from the group page and approves the request', async () => {
  const page = await open('demo-leader', ROUTES.mine);
  await waitForText(page, SEL.mine.group(groupId), '已加入');
  await tap(page, SEL.mine.group(groupId));
  await waitForText(page, SEL.group.name, GROUP_NAME);
  await tap(page, SEL.group.manageMembers);

  const request = page.locator(visible(`${SEL.members.requests} [data-name="${RESIDENT_NAME}"]`)).first();
  await request.waitFor({ timeout: 30_000 });
  await expect(request.textContent()).resolves.toContain(JOIN_MESSAGE);
  const requestId = (await request.getAttribute('id')) ?? '';
  const index = Number(requestId.replace('request-', ''));
  await tap(page, SEL.members.approve(index));
  await confirmModal(page);
  await $(page, SEL.members.requestsEmpty).waitFor({ timeout: 20_000 });

  await tap(page, SEL.members.tabActive);
  await page.locator(visible(`${SEL.members.roster} [data-name="${RESIDENT_NAME}"]`)).first().waitFor({ timeout: 20_000 });
  await screenshot(page, 'membership-2-leader-approved');
  expectNoProblems(page);
});

test('the resident sees the group under 我的 as 已加入', async () => {
  const page = await open('demo-resident', ROUTES.mine);
  await waitForText(page, SEL.mine.group(groupId), GROUP_NAME);
  await waitForText(page, SEL.mine.group(groupId), '已加入');
  await tap(page, SEL.mine.group(groupId));
  await waitForText(page, SEL.group.joinStatus, '已加入');
  await $(page, SEL.group.leave).waitFor();
  await screenshot(page, 'membership-3-resident-joined');
  expectNoProblems(page);
});

test('the leader files a name change through 组织管理 → 备案信息变更', async () => {
  const page = await open('demo-leader', ROUTES.groupDetail(groupId));
  await tap(page, SEL.group.manageGroup);
  await waitForText(page, SEL.settings.groupName, GROUP_NAME);
  await tap(page, SEL.settings.tab('change'));
  await tap(page, SEL.settings.change);

  await $(page, SEL.change.name).waitFor({ timeout: 30_000 });
  expect(await $(page, SEL.change.name).inputValue()).toBe(GROUP_NAME);
  await type(page, SEL.change.name, NEW_NAME);
  await type(page, SEL.change.reason, CHANGE_REASON);
  await tap(page, SEL.change.review);
  await waitForText(page, SEL.change.summaryRow('name'), GROUP_NAME);
  await waitForText(page, SEL.change.summaryRow('name'), NEW_NAME);
  await tap(page, SEL.change.confirm);

  // Filed: the app moves on to the filing's own page.
  await waitForText(page, SEL.detail.status, '待审核', 30_000);
  filingId = routeParam(page, 'id');
  expect(filingId).not.toBe('');
  await waitForText(page, SEL.detail.kind, '变更报备');
  await waitForText(page, SEL.detail.reason, CHANGE_REASON);
  await waitForText(page, SEL.detail.changeRow('name'), NEW_NAME);
  await screenshot(page, 'membership-4-leader-filed-change');
  expectNoProblems(page);
});

test('the social worker opens the change filing, compares before → after and approves', async () => {
  const page = await open('demo-social-worker', ROUTES.mine);
  await tap(page, SEL.mine.workbench);
  await waitForText(page, SEL.queue.kind(filingId), '变更报备');
  await tap(page, SEL.queue.filing(filingId));

  await waitForText(page, SEL.review.status, '待审核');
  await waitForText(page, SEL.detail.kind, '变更报备');
  await waitForText(page, SEL.detail.reason, CHANGE_REASON);
  const row = $(page, SEL.detail.changeRow('name'));
  await row.waitFor();
  const before = (await row.locator('.changes__before').innerText()).trim();
  const after = (await row.locator('.changes__after').innerText()).trim();
  expect([before, after]).toEqual([GROUP_NAME, NEW_NAME]);
  expect(await row.innerText()).toContain('组织名称');

  await tap(page, SEL.review.approve);
  await waitForText(page, SEL.review.sheet, '变更内容立即生效');
  await tap(page, SEL.review.confirm);
  await waitForText(page, SEL.review.result, '已通过');
  await waitForText(page, SEL.review.status, '已通过');
  await screenshot(page, 'membership-5-social-worker-approved');
  expectNoProblems(page);
});

test('the directory shows the new name to the resident', async () => {
  const page = await openDirectoryAsResident();
  await waitForText(page, SEL.directory.group(groupId), NEW_NAME);
  await tap(page, SEL.directory.group(groupId));
  await waitForText(page, SEL.group.name, NEW_NAME);
  await waitForText(page, SEL.group.joinStatus, '已加入');
  await screenshot(page, 'membership-6-resident-sees-new-name');
  expectNoProblems(page);
});
