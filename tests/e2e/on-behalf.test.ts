// 代办 and 年度确认 (docs/on-behalf.md) in the H5 build against the local gateway on a fresh seeded database: the social
// worker files a group for 孙桂兰, who does not use a phone; the street officer approves it (the social worker may
// not review what she entered); 孙桂兰 signs in, verifies her phone, confirms the takeover and leads the group. Then
// a leader confirms the year and drops off the social worker's list of groups not yet confirmed.
import { $, confirmModal, expectLegible, expectNoProblems, tap, waitForText } from './actions';
import { screenshot } from './harness';
import { ROUTES, SEL, visible } from './selectors';
import { useAppSession } from './session';
import { fileOnBehalf } from './staff-steps';

jest.setTimeout(180_000);

const { open } = useAppSession();

const PAGES = {
  onBehalf: '/package-workbench/pages/on-behalf/index',
  confirmations: '/package-workbench/pages/confirmations/index',
};
const ELDER = { name: '孙桂兰', mobile: '13803110021' };
const GROUP = {
  name: '塔谈社区京剧票友社',
  purpose: '京剧爱好者每周聚在一起练唱、排练折子戏，节日为社区居民义务演出。',
  memberCount: '16',
  venue: '塔谈社区活动中心一楼多功能厅',
  activityTime: '每周二下午2点到4点',
  partyMemberCount: '1',
};
let filingId = '';

test('the social worker starts a 代办 for 孙桂兰 and files it through the ordinary form, marked 代 孙桂兰 填写', async () => {
  const page = await open('demo-social-worker', ROUTES.workbench);
  await tap(page, '#wb-tab-tools');
  await tap(page, '#wb-tile-on-behalf');
  await fileOnBehalf(page, ELDER, GROUP, (start) => expectLegible(start, 'on-behalf-start'));
  await waitForText(page, '#filing-behalf', `由社工 刘芳 代 ${ELDER.name} 填写`);
  filingId = new URL(page.url()).hash.match(/[?&]id=([^&]+)/)?.[1] ?? '';
  expect(filingId).not.toBe('');
  await screenshot(page, 'behalf-1-social-worker-filed');
  expectNoProblems(page);
});

test('the social worker who entered it cannot decide it; the street officer approves it', async () => {
  const own = await open('demo-social-worker', ROUTES.review(filingId));
  await waitForText(own, '#review-behalf', '由社区其他工作人员审核', 30_000);
  expect(await own.locator(visible(SEL.review.approve)).count()).toBe(0);

  const page = await open('demo-admin', ROUTES.review(filingId));
  await waitForText(page, '#review-behalf', `由社工 刘芳 代 ${ELDER.name} 填写`, 30_000);
  await tap(page, SEL.review.approve);
  await tap(page, SEL.review.confirm);
  await waitForText(page, SEL.review.result, '已通过');
  await screenshot(page, 'behalf-2-officer-approved');
  expectNoProblems(page);
});

test('孙桂兰 signs in, verifies her phone, confirms the takeover and leads the group', async () => {
  const page = await open('demo-elder', ROUTES.mine);
  await tap(page, '#btn-takeover-find');
  await tap(page, '#btn-verify-phone');
  // Her phone matches two 代办: the seeded 北焦社区剪纸艺术队 (filed by 赵明) and the one just approved.
  await waitForText(page, `#takeover-${filingId}`, `社工 刘芳 为您代办了「${GROUP.name}」的报备，是您吗？`, 30_000);
  await waitForText(page, '#takeover-offers', '北焦社区剪纸艺术队');
  await expectLegible(page, 'takeover-offers');
  await tap(page, `#takeover-${filingId} .btn--primary`);
  await confirmModal(page);

  await waitForText(page, SEL.group.name, GROUP.name, 30_000);
  await $(page, SEL.group.manageGroup).waitFor({ timeout: 20_000 });
  await screenshot(page, 'behalf-3-elder-leads-group');

  // 我的 now lists the group as hers, and still offers the other 代办 waiting for her.
  const mine = await open('demo-elder', ROUTES.mine);
  await waitForText(mine, SEL.mine.groups, GROUP.name, 30_000);
  await waitForText(mine, '#takeover-offer', '北焦社区剪纸艺术队');
  expectNoProblems(page);
  expectNoProblems(mine);
});

test('a leader confirms the year on 组织管理 and leaves the social worker’s list of groups not yet confirmed', async () => {
  const list = await open('demo-social-worker', PAGES.confirmations);
  await waitForText(list, '#unconfirmed-g_seed_laonian', '老年协会', 30_000);
  const countOf = async (p: typeof list) => Number(/：(\d+) 个/.exec(await $(p, '#unconfirmed-count').innerText())?.[1]);
  const before = await countOf(list);
  expect(before).toBeGreaterThan(0);
  await expectLegible(list, 'confirmations');

  const page = await open('demo-leader', ROUTES.settings('g_seed_laonian'));
  await tap(page, '#btn-confirm-year');
  await confirmModal(page);
  await waitForText(page, '#annual-confirmed', '已确认备案信息属实', 20_000);
  await screenshot(page, 'behalf-4-leader-confirmed-year');

  const after = await open('demo-social-worker', PAGES.confirmations);
  await waitForText(after, '#unconfirmed-count', `还没有确认的组织：${before - 1} 个`, 30_000);
  expect(await after.locator(visible('#unconfirmed-g_seed_laonian')).count()).toBe(0);
  expectNoProblems(page);
  expectNoProblems(after);
});
