// Browser-test harness: the gateway serving the built H5 app on a free port, headless Debian
// Chromium through playwright-core, and a page per demo user that records what went wrong.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startGateway } from '../../scripts/gateway/server';
import { ensureChromium } from './chromium';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const H5_DIR = path.join(REPO_ROOT, 'dist', 'h5');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

/** The localStorage key the H5 build reads the acting demo user from (plain string). */
export const DEV_USER_KEY = 'cf-dev-user';

export type DemoUser = 'demo-resident' | 'demo-leader' | 'demo-social-worker' | 'demo-admin' | 'demo-district' | 'demo-elder';
/** A seeded demo user, or a person the test makes up: the gateway takes any openid-like `X-Dev-User`. */
export type AppUser = DemoUser | `e2e-${string}`;

export interface RunningApp {
  /** Base address of the gateway, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  /** Stops the gateway and removes its temp dir (database included). Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts the gateway on a free port on 127.0.0.1 with a fresh seeded SQLite database in a temp
 * dir, serving the H5 build from dist/h5.
 */
export async function startApp(): Promise<RunningApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cf-e2e-'));
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  try {
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      dbFile: path.join(dir, 'app.db'),
      staticDir: H5_DIR,
      seed: true,
    });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  let closed = false;
  return {
    url: gateway.url.replace(/\/+$/, ''),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await gateway.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Headless Debian Chromium (installing it first if needed, see ensureChromium). */
export async function launchBrowser(): Promise<Browser> {
  // playwright-core gives every launch its own fresh temporary user-data-dir.
  return chromium.launch({
    executablePath: ensureChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface Problem {
  kind: 'pageerror' | 'console' | 'requestfailed' | 'http';
  text: string;
  url?: string;
}

export type AppPage = Page & {
  /** Console errors, uncaught page errors, failed requests and HTTP errors seen so far (copy). */
  problems(): Problem[];
};

const problemsByPage = new WeakMap<Page, Problem[]>();

/** The problems recorded for a page opened with openAs (empty for any other page). */
export function problemsOf(page: Page): Problem[] {
  return [...(problemsByPage.get(page) ?? [])];
}

/** A readable one-problem-per-line summary, for assertion messages. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `[${p.kind}] ${p.text}${p.url ? ` (${p.url})` : ''}`).join('\n');
}

function isFunctionCall(url: string): boolean {
  try {
    return new URL(url).pathname.startsWith('/fn/');
  } catch {
    return false;
  }
}

function watch(page: Page, problems: Problem[]): void {
  page.on('pageerror', (error) => {
    problems.push({ kind: 'pageerror', text: error.stack ?? String(error) });
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // Chromium's own "Failed to load resource: ... status of 4xx" lines duplicate the
    // requestfailed/http records below, which apply the /fn/ rule; don't count them twice.
    if (text.startsWith('Failed to load resource')) return;
    const location = message.location();
    problems.push({ kind: 'console', text, url: location.url || undefined });
  });
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? 'failed';
    // Navigating away (or closing the page) aborts in-flight requests; not a fault of the app.
    if (failure === 'net::ERR_ABORTED') return;
    problems.push({ kind: 'requestfailed', text: `${request.method()} ${failure}`, url: request.url() });
  });
  page.on('response', (response) => {
    const status = response.status();
    const url = response.url();
    if (status < 400 || url.endsWith('/favicon.ico')) return;
    // A 4xx from a cloud function (forbidden, invalid input…) can be the behaviour under test;
    // a 5xx never is. Any 4xx/5xx on a static asset is.
    if (isFunctionCall(url) && status < 500) return;
    problems.push({ kind: 'http', text: `${response.request().method()} ${status}`, url });
  });
}

export interface TOpenOptions {
  /**
   * 长辈模式 as this phone remembers it (src/lib/elder-mode.ts): false (the default) is a person who chose 标准模式
   * before, so the first-visit offer stays away from journeys about something else; null is a first visit.
   */
  elderMode?: boolean | null;
}

/** The local-storage key and Taro's storage wrapper the H5 build keeps 长辈模式 under, for the person. */
export const elderModeStorage = (user: AppUser, elderMode: boolean) => [`elder-mode:${user}`, JSON.stringify({ data: elderMode })] as const;

/**
 * Opens the app as a demo user in a fresh phone-sized, touch-enabled zh-CN context:
 * localStorage['cf-dev-user'] is set before any page script runs, then `${appUrl}/#${route}` is
 * loaded (Taro H5 hash router: route like '/pages/directory/index'). The returned page has a
 * `problems()` getter; closing the page's context is the caller's job (`page.context().close()`),
 * or close the browser.
 */
export async function openAs(browser: Browser, appUrl: string, user: AppUser, route = '/', options: TOpenOptions = {}): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  await context.addInitScript(
    ([key, value]) => {
      try {
        window.localStorage.setItem(key, value);
      } catch {
        // about:blank and opaque origins have no localStorage
      }
    },
    [DEV_USER_KEY, user] as const,
  );
  const elderMode = options.elderMode === undefined ? false : options.elderMode;
  if (elderMode !== null) {
    // Only before the first load: a test that switches the mode later must see its switch survive a reload.
    await context.addInitScript(([key, value]) => {
      try {
        if (!sessionStorage.getItem('e2e-elder-set')) {
          localStorage.setItem(key, value);
          sessionStorage.setItem('e2e-elder-set', '1');
        }
      } catch {
        // about:blank and opaque origins have no storage
      }
    }, elderModeStorage(user, elderMode));
  }
  const page = await context.newPage();
  const problems: Problem[] = [];
  problemsByPage.set(page, problems);
  watch(page, problems);

  const appPage = Object.assign(page, { problems: () => [...problems] }) as AppPage;
  const hashRoute = route.startsWith('/') ? route : `/${route}`;
  await page.goto(`${appUrl.replace(/\/+$/, '')}/#${hashRoute}`, { waitUntil: 'load' });
  return appPage;
}

/** Writes test-results/screenshots/<name>.png (full page) and returns its path. For debugging only. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const safe = name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'page';
  const file = path.join(SCREENSHOT_DIR, `${safe}.png`);
  // Taro's H5 router slides a new page in from the right: wait until the page on top has landed, so the picture shows
  // the page and not the middle of the slide (a page that never lands is drawn as it is after a few seconds).
  await page
    .waitForFunction(() => {
      const pages = document.querySelectorAll('.taro_page');
      const top = pages[pages.length - 1];
      return !top || Math.abs(top.getBoundingClientRect().left) < 1;
    }, undefined, { timeout: 5_000 })
    .catch(() => undefined);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
