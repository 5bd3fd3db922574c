// The axe wrapper itself, on fixed pages: it must catch a known fault and stay quiet on a clean page, or the
// accessibility checks in expectLegible would prove nothing.
import type { Browser, Page } from 'playwright-core';
import { axeViolations, describeFindings, expectAccessible } from './axe';
import { launchBrowser } from './harness';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(() => browser?.close());

const BAD = `<!doctype html><html lang="zh-CN"><head><title>坏页面</title></head><body><main>
  <input id="unlabelled" type="text">
  <div id="mute-button" role="button" tabindex="0"></div>
  <p id="faint" style="color:#808080;background:#ffffff;font-size:15px">浅灰色的小字</p>
</main></body></html>`;

const GOOD = `<!doctype html><html lang="zh-CN"><head><title>好页面</title></head><body><main>
  <label for="name">组织名称</label><input id="name" type="text">
  <div role="button" tabindex="0" aria-label="通过">通过</div>
  <p style="color:#1a1a1a;background:#ffffff;font-size:17px">正文</p>
</main></body></html>`;

test('a page with an unlabelled input, a nameless button and faint text fails, and the message names each', async () => {
  await page.setContent(BAD);
  const findings = await axeViolations(page);
  expect(findings.map((f) => f.rule).sort()).toEqual(['aria-command-name', 'color-contrast', 'label']);
  const message = describeFindings(findings);
  expect(message).toContain('[label] (critical)');
  expect(message).toContain('#unlabelled');
  expect(message).toContain('#mute-button');
  expect(message).toContain('#faint');
  await expect(expectAccessible(page, 'bad-fixture')).rejects.toThrow(/label/);
});

test('a clean page passes, also when axe is already loaded', async () => {
  await page.setContent(GOOD);
  await expectAccessible(page, 'good-fixture');
  await expectAccessible(page, 'good-fixture-again');
});
