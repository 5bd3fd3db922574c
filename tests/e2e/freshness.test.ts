// Pages show fresh data when shown again, without a reload: after someone else's change once what a page shows is
// older than 30 s (the browser's clock is moved forward instead of waiting), and after the person's own change at once.
import { $, expectNoProblems, tap, tapUntilShown, type, waitForText } from './actions';
import { screenshot } from './harness';
import { ROUTES, SEL, visible } from './selectors';
import { useAppSession } from './session';

jest.setTimeout(180_000);

const GROUP_ID = 'g_seed_laonian';
const OLD_NAME = '塔谈社区老年协会';
const NAV_BACK = '#nav-back';

const session = useAppSession();
const { open, call } = session;

test('社团 tab and group page, left open by a resident, show a reviewer-approved new name and a new activity time', async () => {
  await call('demo-resident', 'account', 'setCommunity', { communityId: 'c-tatan' });
  const page = await open('demo-resident', ROUTES.directory);
  // A fake clock that still ticks, so the test can let 40 s pass at once; the reload puts it under the app.
  await page.clock.install();
  await page.reload();
  await waitForText(page, SEL.directory.group(GROUP_ID), OLD_NAME, 30_000);
  await tapUntilShown(page, SEL.directory.group(GROUP_ID), SEL.group.name, OLD_NAME);
  const oldTime = (await $(page, SEL.group.activityTime).innerText()).trim();
  // The group's events load after it; one of them is the way to leave the group page and come back.
  const eventCard = `${SEL.groupEvents.section} .event-card`;
  await $(page, eventCard).waitFor({ timeout: 30_000 });

  // Meanwhile, elsewhere: the leader files a new name, the social worker approves it, the leader sets a new time.
  const newName = '塔谈社区老年人协会';
  const newTime = '每周一、周四上午8点半到11点';
  const { filing } = await call<{ filing: { id: string } }>('demo-leader', 'manage', 'fileChange', {
    groupId: GROUP_ID,
    requestId: 'freshness-test-change-0001',
    changes: { name: newName },
    reason: '协会更名',
  });
  await call('demo-social-worker', 'filings', 'decide', { filingId: filing.id, decision: 'approve' });
  await call('demo-leader', 'manage', 'update', { groupId: GROUP_ID, activityTime: newTime });
  expect(oldTime).not.toContain(newTime);

  await page.clock.fastForward('00:40');
  await tapUntilShown(page, eventCard, '#nav-title', '活动详情');
  await tap(page, NAV_BACK);
  // Back on the same group page (not reopened): it revalidated quietly on show.
  await waitForText(page, SEL.group.name, newName, 20_000);
  await waitForText(page, SEL.group.activityTime, newTime);
  await screenshot(page, 'fresh-group-after-approval');

  await page.clock.fastForward('00:40');
  await tap(page, NAV_BACK);
  await waitForText(page, SEL.directory.group(GROUP_ID), newName, 20_000);
  expect(await page.locator(visible(SEL.directory.group(GROUP_ID))).innerText()).not.toContain(OLD_NAME);
  expectNoProblems(page);
});

test("the leader's own change in 组织管理 shows on the group page on the way back, without waiting", async () => {
  const page = await open('demo-leader', ROUTES.directory);
  await tapUntilShown(page, SEL.directory.group(GROUP_ID), SEL.group.name, '协会');
  await $(page, SEL.group.activityTime).waitFor();
  await tapUntilShown(page, SEL.group.manageGroup, '#nav-title', '组织管理');
  const ownTime = '每周二、周五下午2点到4点半';
  await type(page, '#field-activityTime input', ownTime);
  const saved = page.waitForResponse((r) => r.url().endsWith('/fn/manage') && r.request().postDataJSON()?.action === 'update', { timeout: 30_000 });
  await tap(page, '#btn-save-daily');
  expect(((await (await saved).json()) as { ok: boolean }).ok).toBe(true);
  await tap(page, NAV_BACK);
  await waitForText(page, SEL.group.activityTime, ownTime, 20_000);
  expectNoProblems(page);
});
