// Administration in the H5 build against the local gateway on a fresh seeded database (docs/administration.md):
// the district officer 王丽 creates a community in 汇通街道, assigns 刘芳 to it, renames it, and the audit log filtered
// by that community shows the lines; 汇通街道's officer sees 汇通's staff and not 振头街道's.
import { $, confirmModal, expectLegible, expectNoProblems, tap, type, waitForText } from './actions';
import { screenshot } from './harness';
import { visible } from './selectors';
import { useAppSession } from './session';

jest.setTimeout(300_000);

const PLACES = '/package-admin/pages/places/index';
const STAFF = '/package-admin/pages/staff/index';
const AUDIT = '/package-admin/pages/audit/index';
const NAME = '新华社区';
const RENAMED = '新华里社区';

const session = useAppSession();
let communityId = '';

test('the district officer creates a community in 汇通街道', async () => {
  const page = await session.open('demo-district', PLACES);
  await waitForText(page, '#street-s-huitong .adm__street-name', '汇通街道');
  await expectLegible(page, 'admin-places');
  await tap(page, '#btn-create-s-huitong');
  // Nothing typed: the name is asked for, nothing sent.
  await tap(page, '#btn-place-save');
  await waitForText(page, '#place-name', '请填写社区名称');
  await type(page, '#place-name input', NAME);
  await tap(page, '#btn-place-save');
  const card = page.locator(visible('#street-s-huitong .card')).filter({ hasText: NAME }).first();
  await card.waitFor({ timeout: 20_000 });
  communityId = ((await card.getAttribute('id')) ?? '').replace(/^community-/, '');
  expect(communityId).not.toBe('');
  await screenshot(page, 'admin-1-created');
  expectNoProblems(page);
});

test('she assigns 刘芳 to it by 人员编号, with a confirmation', async () => {
  const page = await session.open('demo-district', STAFF);
  await waitForText(page, '#staff-list', '刘芳');
  await expectLegible(page, 'admin-staff');
  await tap(page, '#btn-assign');
  await type(page, '#assign-openid input', 'demo-social-worker');
  await tap(page, `#target-${communityId}`);
  await tap(page, '#btn-assign-save');
  await confirmModal(page);
  await waitForText(page, '#staff-demo-social-worker', NAME);
  await screenshot(page, 'admin-2-assigned');
  const me = await session.call<{ me: { reviewCommunityIds: string[] } }>('demo-social-worker', 'account', 'me', {});
  expect(me.me.reviewCommunityIds).toContain(communityId);
  expectNoProblems(page);
});

test('she renames it, and the audit log filtered by that community shows its lines', async () => {
  const page = await session.open('demo-district', PLACES);
  await tap(page, `#btn-rename-${communityId}`);
  await type(page, '#place-name input', RENAMED);
  await tap(page, '#btn-place-save');
  await waitForText(page, `#community-${communityId}`, RENAMED);

  const audit = await session.open('demo-district', AUDIT);
  await waitForText(audit, '#audit-list', '修改社区名称');
  await expectLegible(audit, 'admin-audit');
  const renameLine = audit.locator(visible('.audit-line')).filter({ hasText: '修改社区名称' }).first();
  await renameLine.locator('.adm__link').filter({ hasText: '记录' }).tap();
  await $(audit, '#btn-clear-entity').waitFor();
  await waitForText(audit, '#audit-list', '新建社区');
  const titles = await audit.locator(visible('#audit-list .audit-line .card__title')).allTextContents();
  expect(titles).toEqual(['修改社区名称', '新建社区']);
  await screenshot(audit, 'admin-3-audit-by-record');
  expectNoProblems(audit);
});

test('汇通街道’s officer sees 汇通’s staff and not 振头街道’s', async () => {
  // A social worker of 友谊社区 (振头街道): she opens the app once, then the district officer assigns her.
  await session.call('e2e-youyi-sw', 'account', 'setCommunity', { communityId: 'c-youyi' });
  await session.call('demo-district', 'admin', 'assign', { openid: 'e2e-youyi-sw', level: 'community', placeId: 'c-youyi' });
  const district = await session.call<{ items: Array<{ openid: string }> }>('demo-district', 'admin', 'staff', {});
  expect(district.items.map((p) => p.openid)).toContain('e2e-youyi-sw');
  const page = await session.open('demo-admin', STAFF);
  await waitForText(page, '#staff-list', '刘芳');
  const names = await page.locator(visible('#staff-list .card__title')).allTextContents();
  // 刘芳 and himself; not the 友谊社区 social worker (微信用户: she never set a name), not the district's 王丽.
  expect(names.sort()).toEqual(['刘芳', '赵明'].sort());
  expectNoProblems(page);
});
