// The forms in the browser: nothing typed is cut, long text counts live and turns red past the schema's limit,
// a 12th phone digit is named and kept, the roster is one labelled line per person, 组织管理 is in tabs with a save
// button that is off until something changed, a rename carries into the charter, and every control has a label
// axe-core can find. Plus the misleading words that show on these pages.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { $, tap, type, waitForText } from './actions';
import { screenshot } from './harness';
import { ROUTES, SEL } from './selectors';
import { useAppSession } from './session';

jest.setTimeout(120_000);
const { open } = useAppSession();
const LAONIAN = 'g_seed_laonian';
const YANGGUANG = 'g_seed_yangguang';
const AXE = createRequire(__filename).resolve('axe-core/axe.min.js');

/** axe-core's label rules on the visible page: every input, textarea and switch has an accessible name. */
async function expectLabelled(page: Page): Promise<void> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document.querySelector('.taro_page:not([style*="display: none"])') ?? document, {
      runOnly: ['label', 'aria-input-field-name', 'aria-toggle-field-name'],
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations).toEqual([]);
}

test('the filing form keeps an over-long purpose and a 12-digit phone as typed, says why, and refuses to submit', async () => {
  const page = await open('demo-leader', ROUTES.filingEdit);
  await $(page, SEL.edit.input('name')).waitFor({ timeout: 30_000 });

  const purpose = '丰富社区老年人的文化生活'.repeat(50); // 600 characters
  await type(page, SEL.edit.textarea('purpose'), purpose);
  expect(await $(page, SEL.edit.textarea('purpose')).inputValue()).toHaveLength(600);
  await waitForText(page, `${SEL.edit.field('purpose')} .form-row__counter--over`, '600/500');
  await waitForText(page, SEL.edit.fieldError('purpose'), '宗旨与主要活动最多500个字，请精简一些');

  await type(page, SEL.edit.input('leaderMobile'), '138123456789');
  expect(await $(page, SEL.edit.input('leaderMobile')).inputValue()).toBe('138123456789');
  await waitForText(page, SEL.edit.fieldError('leaderMobile'), '手机号是 11 位数字');

  await tap(page, SEL.edit.submit);
  await $(page, SEL.edit.errorSummary).waitFor();
  await waitForText(page, SEL.edit.fieldError('purpose'), '最多500个字');
  expect(page.url()).toContain('package-filing/pages/edit');
  await screenshot(page, 'forms-1-over-long-refused');

  // Fixed: the counter turns back, the errors leave.
  await type(page, SEL.edit.textarea('purpose'), purpose.slice(0, 40));
  await waitForText(page, `${SEL.edit.field('purpose')} .form-row__counter`, '40/500');
  expect(await $(page, `${SEL.edit.field('purpose')} .form-row__counter--over`).count()).toBe(0);
  await type(page, SEL.edit.input('leaderMobile'), '13812345678');
  await $(page, SEL.edit.fieldError('leaderMobile')).waitFor({ state: 'detached' });

  await expectLabelled(page);
});

test('the roster: 12 people on compact labelled lines, a small remove with undo', async () => {
  const page = await open('demo-leader', ROUTES.filingEdit);
  await $(page, SEL.edit.addRoster).waitFor({ timeout: 30_000 });
  for (let i = 0; i < 12; i++) {
    await tap(page, SEL.edit.addRoster);
    await type(page, SEL.edit.rosterName(i), `成员${i + 1}号`);
    await type(page, SEL.edit.rosterMobile(i), `1383111${String(1000 + i)}`);
  }
  // Labels stay when filled: the column headers are on screen and each input carries its own name.
  await waitForText(page, `${SEL.edit.field('roster')} .roster__head`, '姓名');
  await waitForText(page, `${SEL.edit.field('roster')} .roster__head`, '手机号');
  expect(await $(page, SEL.edit.rosterName(11)).getAttribute('aria-label')).toBe('第 12 位 姓名');
  expect(await $(page, SEL.edit.rosterMobile(11)).getAttribute('aria-label')).toBe('第 12 位 手机号');

  const roster = (await $(page, SEL.edit.field('roster')).boundingBox())!;
  console.log(`roster of 12 people: ${Math.round(roster.height)} px high at a 390 px wide phone viewport`);
  expect(roster.height).toBeLessThan(2000);

  const remove = (await $(page, SEL.edit.removeRoster(3)).boundingBox())!;
  const row = (await $(page, '#roster-3').boundingBox())!;
  expect(remove.height).toBeGreaterThanOrEqual(44); // 88 design px
  expect(remove.width).toBeLessThan(row.width / 4); // modest, not a full-width button
  await screenshot(page, 'forms-2-roster-12');

  await tap(page, SEL.edit.removeRoster(3));
  await waitForText(page, '#roster-undo', '已删除 成员4号');
  expect(await $(page, SEL.edit.rosterName(3)).inputValue()).toBe('成员5号');
  await tap(page, '#btn-undo-roster');
  await $(page, '#roster-undo').waitFor({ state: 'detached' });
  expect(await $(page, SEL.edit.rosterName(3)).inputValue()).toBe('成员4号');
  expect(await $(page, SEL.edit.rosterMobile(3)).inputValue()).toBe('13831111003');
});

test('组织管理: tabs, save off until something changed, 注销 on its own tab', async () => {
  const page = await open('demo-leader', ROUTES.settings(LAONIAN));
  const save = $(page, SEL.settings.saveDaily);
  await save.waitFor({ timeout: 30_000 });
  expect(await save.textContent()).toContain('没有修改');
  expect(await save.evaluate((el) => el.getAttribute('disabled'))).not.toBe('false');
  expect(await save.evaluate((el) => el.hasAttribute('disabled'))).toBe(true);
  expect(await $(page, SEL.settings.dissolve).isVisible()).toBe(false);

  await type(page, '#field-coverText input', '老有所乐'.repeat(8)); // 32 characters
  expect(await $(page, '#field-coverText input').inputValue()).toHaveLength(32);
  await waitForText(page, '#field-coverText .field-error', '封面标语最多30个字，请精简一些');
  await waitForText(page, SEL.settings.saveDaily, '保存日常信息');
  await tap(page, SEL.settings.saveDaily);
  await waitForText(page, '#field-coverText .field-error', '最多30个字'); // refused here, nothing sent or cut
  await expectLabelled(page);
  await screenshot(page, 'forms-3-settings-daily');

  await tap(page, SEL.settings.tab('dissolve'));
  await $(page, SEL.settings.dissolve).waitFor();
  expect(await $(page, SEL.settings.saveDaily).isVisible()).toBe(false);
  // The half-typed daily info survives a tab switch.
  await tap(page, SEL.settings.tab('daily'));
  expect(await $(page, '#field-coverText input').inputValue()).toHaveLength(32);
});

test('变更报备: renaming the group renames it in the charter; every field is labelled', async () => {
  const page = await open('demo-leader', ROUTES.change(LAONIAN));
  await $(page, SEL.change.name).waitFor({ timeout: 30_000 });
  expect(await $(page, '#field-charter textarea').inputValue()).toContain('本组织名称为塔谈社区老年协会');
  await type(page, SEL.change.name, '塔谈社区老年人协会');
  const charter = await $(page, '#field-charter textarea').inputValue();
  expect(charter).toContain('本组织名称为塔谈社区老年人协会');
  expect(charter).not.toContain('塔谈社区老年协会');
  await expectLabelled(page);
});

test('the join sheet: an example from this group, not the choir; a 12-digit phone is refused and kept', async () => {
  const page = await open('demo-resident', ROUTES.groupDetail(YANGGUANG));
  await tap(page, SEL.group.join);
  await $(page, SEL.group.joinSheet).waitFor();
  const example = await $(page, SEL.group.joinMessage).getAttribute('placeholder');
  expect(example).not.toContain('合唱');
  expect(example).toContain('阳光小志愿者协会');

  await type(page, SEL.group.joinMobile, '138123456789');
  await waitForText(page, '#join-mobile .field-error', '手机号是 11 位数字');
  await tap(page, SEL.group.joinSubmit);
  await $(page, SEL.group.joinSheet).waitFor(); // still open: nothing was sent
  expect(await $(page, SEL.group.joinMobile).inputValue()).toBe('138123456789');
  await expectLabelled(page);
});

test('misleading words: an empty category says so and offers 看全部; a leader is not 「居民」; the filed roster lists the members', async () => {
  const directory = await open('demo-leader', ROUTES.directory);
  // 塔谈社区's demo groups cover every category but 其他 (docs/demo-data.md).
  await tap(directory, SEL.directory.chip('other'));
  await waitForText(directory, SEL.directory.empty, '这个社区还没有「其他」类的社团');
  await tap(directory, `${SEL.directory.empty} .btn`);
  await $(directory, SEL.directory.list).waitFor();

  const mine = await open('demo-leader', ROUTES.mine);
  await waitForText(mine, SEL.mine.role, '1 个社团的负责人');
  expect(await $(mine, SEL.mine.role).textContent()).not.toContain('居民');

  const record = await open('demo-leader', ROUTES.filingDetail('f_seed_laonian'));
  await waitForText(record, '#filing-fields', '王桂芝', 30_000);
  expect(await $(record, '#view-roster-empty').count()).toBe(0);
});
