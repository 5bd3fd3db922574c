// One app and one browser per test file: a fresh seeded database, pages opened as demo users, all closed after.
import type { Browser } from 'playwright-core';
import { launchBrowser, openAs, startApp, type AppPage, type AppUser, type RunningApp } from './harness';

/** Registers beforeAll/afterAll in the calling test file and returns `open(user, route)`. */
export function useAppSession(): { open(user: AppUser, route: string): Promise<AppPage>; url(): string } {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  const pages: AppPage[] = [];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const p of pages) await p.context().close().catch(() => undefined);
    await browser?.close();
    await app?.close();
  });

  return {
    url() {
      if (!app) throw new Error('beforeAll did not start the app');
      return app.url;
    },
    async open(user, route) {
      if (!app || !browser) throw new Error('beforeAll did not start the app and the browser');
      const page = await openAs(browser, app.url, user, route);
      pages.push(page);
      return page;
    },
  };
}
