// Smoke: the gateway answers, and the built H5 app mounts in Chromium with its tab bar and no errors.
// Structural checks only — page content is written by others and changes.
import type { Browser } from 'playwright-core';
import { formatProblems, launchBrowser, openAs, screenshot, startApp, type RunningApp } from './harness';

let app: RunningApp | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

function running(): { app: RunningApp; browser: Browser } {
  if (!app || !browser) throw new Error('beforeAll did not start the app and the browser');
  return { app, browser };
}

test('GET /healthz answers 200 with JSON', async () => {
  const res = await fetch(`${running().app.url}/healthz`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type') ?? '').toMatch(/application\/json/);
  const body: unknown = await res.json();
  expect(typeof body).toBe('object');
  expect(body).not.toBeNull();
});

test('the H5 app mounts as demo-resident with a tab bar (社团, 我的) and no errors', async () => {
  const { app: running_, browser: b } = running();
  const page = await openAs(b, running_.url, 'demo-resident');
  try {
    // A Taro page rendered: the router's page container (.taro_page) has content.
    await page.waitForFunction(
      () => Array.from(document.querySelectorAll('.taro_page')).some((el) => el.childElementCount > 0),
      undefined,
      { timeout: 30_000 },
    );
    await page.locator('.weui-tabbar__label').first().waitFor({ state: 'visible', timeout: 30_000 });
    const labels = (await page.locator('.weui-tabbar__label').allTextContents()).map((t) => t.trim());
    expect(labels).toEqual(expect.arrayContaining(['社团', '我的']));

    // The dev user reached the page before its scripts ran.
    expect(await page.evaluate(() => window.localStorage.getItem('cf-dev-user'))).toBe('demo-resident');

    // Give late requests a moment to settle before judging the problems list.
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    await screenshot(page, 'smoke-demo-resident-home');
    const problems = page.problems();
    expect(formatProblems(problems)).toBe('');
  } finally {
    await page.context().close();
  }
});
