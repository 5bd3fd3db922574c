import Taro from '@tarojs/taro';

type TStackPage = { $taroPath?: string; route?: string; options?: Record<string, unknown> };

/** The top page's identity: Taro gives each page instance a unique `$taroPath` (path + stamp/timestamp). */
export function topPageKey(): string | undefined {
  const pages = Taro.getCurrentPages() as unknown as TStackPage[];
  const top = pages[pages.length - 1];
  if (!top) return undefined;
  return top.$taroPath ?? `${top.route ?? ''}?${JSON.stringify(top.options ?? {})}`;
}

export interface TOriginNav {
  /** Whether the page that started the action is still the one the person sees. */
  isStillTop(): boolean;
  navigateTo(url: string): void;
  redirectTo(url: string): void;
  navigateBack(): void;
}

/**
 * Call when an async action starts (on the tap, before any await): it remembers the page the person is on.
 * After the await, navigation happens only if that page is still on top. If the person pressed back (or went
 * anywhere else) meanwhile, a `redirectTo` would replace whatever page they are on now — a tab page, or another
 * page entirely — leaving a blank page or a page with the wrong parameters; doing nothing is the safe choice, and
 * whatever the action changed shows on the page they are on through the freshness check (lib/freshness.ts).
 */
export function startedHere(): TOriginNav {
  const origin = topPageKey();
  const isStillTop = () => origin !== undefined && topPageKey() === origin;
  return {
    isStillTop,
    navigateTo: (url) => {
      if (isStillTop()) void Taro.navigateTo({ url }).catch(() => undefined);
    },
    redirectTo: (url) => {
      if (isStillTop()) void Taro.redirectTo({ url }).catch(() => undefined);
    },
    navigateBack: () => {
      if (isStillTop()) void Taro.navigateBack().catch(() => undefined);
    },
  };
}
