// What a person does on a page, for the browser tests: find the visible element, wait for text, tap, type.
import type { Page } from 'playwright-core';
import { expectAccessible } from './axe';
import { formatProblems, screenshot, type AppPage } from './harness';
import { legibilityProbe, LIMITS, type Offender, type TLegibilityLimits } from './legibility-probe';
import { SEL, visible } from './selectors';

/** The visible page's element; earlier pages of the stack stay in the DOM, hidden. */
export const $ = (page: Page, selector: string) => page.locator(visible(selector)).first();

export async function waitForText(page: Page, selector: string, text: string, timeout = 20_000): Promise<void> {
  await page.locator(visible(selector)).filter({ hasText: text }).first().waitFor({ state: 'visible', timeout });
}

/** H5 `Button`s fire on touch: tap, never click. */
export async function tap(page: Page, selector: string): Promise<void> {
  const target = $(page, selector);
  await target.waitFor({ state: 'visible', timeout: 20_000 });
  await target.tap();
}

/**
 * Taps what is on screen until `shown` appears on the next page, at most three times. After a history step
 * Taro's H5 router shades and re-shows the tab page, and a tap that lands during that instant goes nowhere (the
 * phone's WeChat has no such moment: it navigates natively); a person taps again, and so does this.
 */
export async function tapUntilShown(page: Page, selector: string, shown: string, text: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.locator(visible(selector)).filter({ visible: true }).first().tap({ timeout: 10_000 }).catch((error: unknown) => {
      if (attempt >= 3) throw error;
    });
    try {
      await waitForText(page, shown, text, 5_000);
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

export async function type(page: Page, selector: string, value: string): Promise<void> {
  const target = $(page, selector);
  await target.waitFor({ state: 'visible', timeout: 20_000 });
  await target.fill(value);
}

/** Taro.showModal in H5 is not inside the page container. */
export async function confirmModal(page: Page): Promise<void> {
  const button = page.locator(SEL.modal.confirm).filter({ visible: true }).first();
  await button.waitFor({ state: 'visible', timeout: 10_000 });
  await button.tap();
}

export function expectNoProblems(page: AppPage): void {
  expect(formatProblems(page.problems())).toBe('');
}

/**
 * H5 only: opens a Taro Picker by tapping `trigger`, moves one column `steps` rows (positive = later values) by
 * tapping the row that far from the middle, as a person would, and presses 确定. WeChat draws its own picker.
 */
export async function nudgePicker(page: Page, trigger: string, column: number, steps: number): Promise<void> {
  const ROW = 34; // Taro's picker row height (px); the columns are 7 rows, the middle one chosen
  await tap(page, trigger);
  const overlay = page.locator('.weui-picker').filter({ visible: true }).first();
  await overlay.waitFor({ timeout: 10_000 });
  await page.waitForTimeout(400); // the slide-up animation
  const box = await overlay.locator('.weui-picker__group').nth(column).boundingBox();
  if (!box) throw new Error(`picker column ${column} not found`);
  const middle = box.y + box.height / 2;
  await page.mouse.click(box.x + box.width / 2, middle + steps * ROW);
  await page.waitForTimeout(400);
  await overlay.locator('.weui-picker__action').filter({ hasText: '确定' }).first().click();
  await overlay.waitFor({ state: 'hidden', timeout: 10_000 });
}

function describeOffenders(offenders: Offender[]): string {
  return offenders.map((o) => `[${o.rule}] <${o.tag}${o.hook ? ` ${o.hook}` : ''}> 「${o.text}」 ${o.detail}`).join('\n');
}

/**
 * Measures the visible page (legibility-probe.ts: text ≥ 16 px, targets ≥ 44 px, AA contrast; 长辈模式 passes
 * ELDER_LIMITS) once Taro's own toast is gone (white on a translucent box: the platform's, not ours), runs axe-core on
 * it, and expects no offender, no critical or serious axe violation, and no problem.
 */
export async function expectLegible(page: AppPage, name: string, limits: TLegibilityLimits = LIMITS): Promise<void> {
  await page
    .waitForFunction(() => !Array.from(document.querySelectorAll('.taro__toast')).some((el) => (el as HTMLElement).checkVisibility()), undefined, { timeout: 10_000 })
    .catch(() => undefined);
  const offenders = (await page.evaluate(legibilityProbe(limits))) as Offender[];
  if (offenders.length > 0) await screenshot(page, `legibility-${name}`);
  expect(`${name}:\n${describeOffenders(offenders)}`).toBe(`${name}:\n`);
  // Every state measured for legibility is also an axe state: critical and serious violations fail (axe.ts).
  await expectAccessible(page, name);
  expectNoProblems(page);
}
