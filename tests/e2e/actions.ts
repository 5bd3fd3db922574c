// What a person does on a page, for the browser tests: find the visible element, wait for text, tap, type.
import type { Page } from 'playwright-core';
import { formatProblems, type AppPage } from './harness';
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
