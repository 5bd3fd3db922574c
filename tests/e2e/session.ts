// One app and one browser per test file: a fresh seeded database, pages opened as demo users, all closed after.
import type { Browser } from 'playwright-core';
import { launchBrowser, openAs, startApp, type AppPage, type AppUser, type RunningApp, type TOpenOptions } from './harness';

/** Registers beforeAll/afterAll in the calling test file and returns `open(user, route)`. */
export interface TAppSession {
  open(user: AppUser, route: string, options?: TOpenOptions): Promise<AppPage>;
  url(): string;
  /** Calls a function action as someone, straight at the gateway: setup and checks, never the journey itself. */
  call<T>(user: AppUser, fn: string, action: string, input: Record<string, unknown>): Promise<T>;
}

export function useAppSession(): TAppSession {
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

  const url = () => {
    if (!app) throw new Error('beforeAll did not start the app');
    return app.url;
  };

  return {
    url,
    async call<T>(user: AppUser, fn: string, action: string, input: Record<string, unknown>): Promise<T> {
      const res = await fetch(`${url()}/fn/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dev-user': user },
        body: JSON.stringify({ ...input, action }),
      });
      const body = (await res.json()) as { ok: boolean; data?: T; error?: { code: string; message: string } };
      if (!body.ok) throw new Error(`${fn}.${action} as ${user}: ${body.error?.code} ${body.error?.message}`);
      return body.data as T;
    },
    async open(user, route, options) {
      if (!app || !browser) throw new Error('beforeAll did not start the app and the browser');
      const page = await openAs(browser, app.url, user, route, options);
      pages.push(page);
      return page;
    },
  };
}
