// Steps the staff browser tests share: reading the dashboard's numbers and bars, saving a download, and filing a
// group on behalf of an elder through the 代办 start page and the ordinary form.
import type { Page } from 'playwright-core';
import { $, tap, type, waitForText } from './actions';
import { SEL, visible } from './selectors';

/** The big number of a dashboard tile (`stat-groups`, `stat-branches`, `stat-party-members`, `stat-members`). */
export async function dashboardNumber(page: Page, id: string): Promise<number> {
  const text = (await $(page, `#${id} .st__tile-value`).textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

/** Each bar row of a dashboard chart, as `label:number` in the order shown. */
export async function barsOf(page: Page, chartId: string): Promise<string[]> {
  return page.locator(visible(`#${chartId} .st__bar-row`)).evaluateAll((rows) =>
    rows.map((r) => `${r.querySelector('.st__bar-label')?.textContent ?? ''}:${(r.querySelector('.st__bar-value')?.textContent ?? '').replace(/[^\d]/g, '')}`),
  );
}

/** Taps `selector` and answers the file the browser saved, with the name it suggested. */
export async function download(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), tap(page, selector)]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

export interface TBehalfGroup {
  name: string;
  purpose: string;
  memberCount: string;
  venue: string;
  activityTime: string;
  partyMemberCount: string;
}

/**
 * From the 代办 start page (already open): names the elder, continues into the filing form (which must carry the
 * 代 XXX 填写 banner and the elder's name and phone), fills the group in and submits. Ends on the filing page.
 */
export async function fileOnBehalf<P extends Page>(
  page: P,
  elder: { name: string; mobile: string },
  group: TBehalfGroup,
  onStartPage: (page: P) => Promise<void> = async () => {},
): Promise<void> {
  await $(page, '#behalf-intro').waitFor({ timeout: 30_000 });
  await waitForText(page, '#behalf-community-c-tatan', '塔谈社区');
  await type(page, '#behalf-leaderName input', elder.name);
  await type(page, '#behalf-leaderMobile input', elder.mobile);
  await onStartPage(page);
  await tap(page, '#btn-behalf-start');

  await waitForText(page, '#edit-behalf-banner', `代 ${elder.name} 填写`, 30_000);
  expect(await $(page, SEL.edit.input('leaderName')).inputValue()).toBe(elder.name);
  expect(await $(page, SEL.edit.input('leaderMobile')).inputValue()).toBe(elder.mobile);
  expect(await $(page, SEL.edit.input('supervisor')).inputValue()).toBe('塔谈社区居民委员会');
  await type(page, SEL.edit.input('name'), group.name);
  await tap(page, SEL.edit.categoryOption('culture_sports'));
  await type(page, SEL.edit.textarea('purpose'), group.purpose);
  await type(page, SEL.edit.input('memberCount'), group.memberCount);
  await type(page, SEL.edit.input('venue'), group.venue);
  await type(page, SEL.edit.input('activityTime'), group.activityTime);
  await type(page, SEL.edit.input('partyMemberCount'), group.partyMemberCount);
  await waitForText(page, SEL.edit.autosave, '已自动保存');
  await tap(page, SEL.edit.submit);
  await waitForText(page, SEL.detail.status, '待审核', 30_000);
  await waitForText(page, '#filing-behalf', `代 ${elder.name} 填写`);
}
