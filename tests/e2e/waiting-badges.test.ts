// The badges for things waiting, in the H5 build on a fresh seeded database: a resident asks to join 老年协会;
// its leader sees the count on the 我的 tab, on the group's row under 我的, on 成员管理 of the group page and in the
// home band's 待我处理; after approving in 成员管理 every one of them is gone. The social worker sees 工作台's count.
import type { Page } from 'playwright-core';
import { $, confirmModal, expectLegible, tap, waitForText } from './actions';
import { screenshot } from './harness';
import { ROUTES, SEL, visible } from './selectors';
import { useAppSession } from './session';

jest.setTimeout(180_000);

const { open, call } = useAppSession();
const LAONIAN = 'g_seed_laonian';
const TAB_BADGE = '.weui-tabbar__item .taro-tabbar-badge';
/** The tab bar sits outside every page: found without the visible-page prefix. */
const tabBadge = (page: Page) => page.locator(TAB_BADGE).filter({ visible: true });

/** Waits until `selector` is absent or hidden everywhere on the page (the badge renders nothing at 0). */
async function gone(page: Page, selector: string) {
  await page.waitForFunction(
    (sel) => Array.from(document.querySelectorAll(sel)).every((el) => (el as HTMLElement).offsetParent === null),
    selector,
    { timeout: 20_000 },
  );
}

test('the leader sees the waiting request everywhere, and nowhere once decided', async () => {
  await call('e2e-applicant', 'groups', 'join', { groupId: LAONIAN, message: '想参加书法班' });

  const page = await open('demo-leader', ROUTES.mine);
  await waitForText(page, `#badge-group-${LAONIAN}`, '1');
  await tabBadge(page).filter({ hasText: '1' }).first().waitFor({ timeout: 20_000 });
  await screenshot(page, 'waiting-1-leader-mine');
  await expectLegible(page, 'waiting-1-leader-mine');

  await tap(page, `#my-group-${LAONIAN}`);
  await waitForText(page, '#badge-manage-members', '1');
  await tap(page, SEL.group.manageMembers);
  await $(page, SEL.members.requests).waitFor({ timeout: 20_000 });
  await tap(page, SEL.members.approve(0));
  await confirmModal(page);
  await waitForText(page, SEL.members.requestsEmpty, '暂无入会申请');

  // Back on the group page and on 我的, which refresh as they show: no count left, the tab's included.
  await page.goBack();
  await $(page, SEL.group.manageMembers).waitFor({ timeout: 20_000 });
  await gone(page, '#badge-manage-members');
  await page.goBack();
  await $(page, `#my-group-${LAONIAN}`).waitFor({ timeout: 20_000 });
  await gone(page, `#badge-group-${LAONIAN}`);
  await gone(page, TAB_BADGE);
  await screenshot(page, 'waiting-1b-leader-decided');
});

test("the home band's 待我处理 counts a leader's request and opens 我的", async () => {
  await call('e2e-applicant-2', 'groups', 'join', { groupId: LAONIAN });
  const page = await open('demo-leader', ROUTES.directory);
  await $(page, '#home-actions').waitFor({ timeout: 30_000 });
  await waitForText(page, '#home-waiting-count', '1');
  // One row: the band does not push the list down by more than a row of tiles.
  const band = await $(page, '#home-actions').boundingBox();
  // Four buttons named by their visible words (an aria-label that left out the visible text failed axe's
  // label-content-name-mismatch), the count shown on 待我处理.
  const band$ = page.locator(visible('#home-actions'));
  for (const word of ['报备社团', '找社团', '找活动', '待我处理']) {
    expect(`${word}: ${await band$.getByRole('button', { name: word }).count()}`).toBe(`${word}: 1`);
  }
  expect(band!.height).toBeLessThan(120);
  await screenshot(page, 'waiting-2-home-band');
  await expectLegible(page, 'waiting-2-home-band');
  await tap(page, '#home-waiting');
  await waitForText(page, `#badge-group-${LAONIAN}`, '1');
});

test('a social worker sees the filings waiting on 工作台', async () => {
  const page = await open('demo-social-worker', ROUTES.mine);
  await waitForText(page, '#btn-workbench', '工作台');
  const { waiting } = await call<{ waiting: { reviews: number } }>('demo-social-worker', 'account', 'waiting', {});
  expect(waiting.reviews).toBeGreaterThan(0);
  await waitForText(page, '#badge-reviews', String(waiting.reviews));
});
