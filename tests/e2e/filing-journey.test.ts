// The filing journey across four people, in the H5 build against the local gateway on a fresh seeded database:
// a leader files a new group, a social worker returns it with a comment, the leader fixes it and resubmits,
// the social worker approves, and a resident finds the group in the directory with the leader's phone masked.
import { $, expectNoProblems, tap, type, waitForText } from './actions';
import { screenshot } from './harness';
import { ROUTES, SEL, visible } from './selectors';
import { useAppSession } from './session';

const GROUP = {
  name: '塔谈社区书法爱好者协会',
  purpose: '传承书法艺术，丰富退休居民的文化生活，每周集中练习并为社区活动书写春联和宣传标语。',
  leaderName: '张建国',
  leaderMobile: '13812345678',
  memberCount: '18',
  venue: '塔谈社区活动中心三楼书画室',
  activityTime: '每周三上午9点到11点',
  partyMemberCount: '2',
  rosterName: '王淑芬',
};
const RETURN_COMMENT = '请把活动时间写具体到每周哪几天，并补充周末是否活动。';
const NEW_ACTIVITY_TIME = '每周三、周六上午9点到11点';

jest.setTimeout(120_000);

const { open } = useAppSession();

let filingId = '';

test('a leader fills in every required field and submits a new filing', async () => {
  const page = await open('demo-leader', ROUTES.mine);
  await tap(page, SEL.mine.newFiling);
  await $(page, SEL.edit.input('name')).waitFor({ timeout: 30_000 });

  await type(page, SEL.edit.input('name'), GROUP.name);
  await tap(page, SEL.edit.categoryOption('culture_sports'));
  // Choosing a category fills the charter template; the leader's community fills 指导单位.
  expect(await $(page, SEL.edit.textarea('charter')).inputValue()).toContain('第一章 总则');
  await waitForText(page, SEL.edit.communityPicker, '塔谈社区');
  expect(await $(page, SEL.edit.input('supervisor')).inputValue()).toBe('塔谈社区居民委员会');

  await type(page, SEL.edit.textarea('purpose'), GROUP.purpose);
  await type(page, SEL.edit.input('leaderName'), GROUP.leaderName);
  await type(page, SEL.edit.input('leaderMobile'), GROUP.leaderMobile);
  await type(page, SEL.edit.input('memberCount'), GROUP.memberCount);
  await tap(page, SEL.edit.addRoster);
  await type(page, SEL.edit.rosterName(0), GROUP.rosterName);
  await type(page, SEL.edit.input('venue'), GROUP.venue);
  await type(page, SEL.edit.input('activityTime'), GROUP.activityTime);
  await type(page, SEL.edit.input('partyMemberCount'), GROUP.partyMemberCount);
  await waitForText(page, SEL.edit.autosave, '已自动保存');

  await tap(page, SEL.edit.submit);
  await waitForText(page, SEL.detail.status, '待审核', 30_000);
  filingId = new URL(page.url()).hash.match(/[?&]id=([^&]+)/)?.[1] ?? '';
  expect(filingId).not.toBe('');
  await screenshot(page, 'journey-1-leader-submitted');
  expectNoProblems(page);
});

test('the social worker finds it in the queue and returns it; a return without a comment is refused', async () => {
  const page = await open('demo-social-worker', ROUTES.mine);
  await tap(page, SEL.mine.workbench);
  await waitForText(page, SEL.queue.item, GROUP.name);
  await waitForText(page, SEL.queue.filing(filingId), '今天提交');
  await tap(page, SEL.queue.filing(filingId));
  await waitForText(page, SEL.review.status, '待审核');

  // A return without a comment is stopped at the comment box, before any confirmation (review.test.ts measures it).
  await tap(page, SEL.review.return);
  await waitForText(page, `${SEL.review.comment} ${SEL.fieldError}`, '请写明需要修改的地方');

  await type(page, SEL.review.commentInput, RETURN_COMMENT);
  await tap(page, SEL.review.return);
  await tap(page, SEL.review.confirm);
  await waitForText(page, SEL.review.result, '已退回修改');
  await waitForText(page, SEL.review.status, '退回修改');
  await screenshot(page, 'journey-2-social-worker-returned');
  expectNoProblems(page);
});

test('the leader sees 退回修改 with the comment, edits a field and resubmits', async () => {
  const page = await open('demo-leader', ROUTES.mine);
  await waitForText(page, SEL.mine.filing(filingId), '退回修改');
  await waitForText(page, SEL.mine.filing(filingId), RETURN_COMMENT);
  await tap(page, SEL.mine.filing(filingId));
  await waitForText(page, SEL.detail.status, '退回修改');
  await waitForText(page, SEL.detail.comment, RETURN_COMMENT);

  await tap(page, SEL.detail.edit);
  await waitForText(page, SEL.edit.returnComment, RETURN_COMMENT);
  expect(await $(page, SEL.edit.input('activityTime')).inputValue()).toBe(GROUP.activityTime);
  await type(page, SEL.edit.input('activityTime'), NEW_ACTIVITY_TIME);
  await tap(page, SEL.edit.submit);

  await waitForText(page, SEL.detail.status, '待审核', 30_000);
  await waitForText(page, SEL.detail.fields, NEW_ACTIVITY_TIME);
  await screenshot(page, 'journey-3-leader-resubmitted');
  expectNoProblems(page);
});

test('the social worker approves the resubmitted filing', async () => {
  const page = await open('demo-social-worker', ROUTES.workbench);
  await tap(page, SEL.queue.filing(filingId));
  await waitForText(page, SEL.detail.fields, NEW_ACTIVITY_TIME);
  await tap(page, SEL.review.approve);
  await tap(page, SEL.review.confirm);
  await waitForText(page, SEL.review.result, '已通过');
  await waitForText(page, SEL.review.status, '已通过');
  await screenshot(page, 'journey-4-social-worker-approved');
  expectNoProblems(page);
});

test('a resident of 塔谈社区 finds the group in the directory; the leader phone is masked', async () => {
  const page = await open('demo-resident', ROUTES.directory);
  // First use: the resident chooses a community (remembered server-side).
  const chooser = $(page, SEL.directory.chooser);
  const list = $(page, SEL.directory.list);
  await Promise.race([chooser.waitFor({ timeout: 30_000 }), list.waitFor({ timeout: 30_000 })]);
  if (await chooser.isVisible()) {
    await page.locator(visible(`${SEL.directory.communityList} [id^="community-"]`)).filter({ hasText: '塔谈社区' }).first().tap();
  }
  await waitForText(page, SEL.directory.current, '塔谈社区');
  const card = page.locator(visible(SEL.directory.card)).filter({ hasText: GROUP.name }).first();
  await card.waitFor({ timeout: 20_000 });
  await card.tap();

  await waitForText(page, SEL.group.name, GROUP.name);
  await waitForText(page, SEL.group.leaderMobile, '138****5678');
  await waitForText(page, SEL.group.activityTime, NEW_ACTIVITY_TIME);
  const text = await page.locator(visible('')).first().innerText();
  expect(text).not.toContain(GROUP.leaderMobile);
  await screenshot(page, 'journey-5-resident-group-detail');
  expectNoProblems(page);
});
