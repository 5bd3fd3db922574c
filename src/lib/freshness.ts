import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { topPageKey } from './safe-nav';

/**
 * How pages stay fresh without reloading on every show.
 *
 * - The API client counts the person's successful writes (`noteWrite`, called in api/client.ts). A page shown
 *   again after any write since its last load reloads: the person's own change, made on another page, shows at once.
 * - Otherwise a page shown again revalidates quietly only when what it shows is older than `STALE_AFTER_MS`
 *   (changes by other people — a reviewer approving a new name — reach it within that time, at the cost of one call).
 * - A write that finishes while another page is on screen (back was pressed during a submit) reloads that page
 *   at once: it is the person's own change, and they are looking at a page it may affect.
 * Reloads keep the content on screen (no spinner): pages pass a quiet reload (usePagedList's `refresh`).
 */
export const STALE_AFTER_MS = 30_000;

let writes = 0;
const listeners = new Set<(origin: string | undefined) => void>();

/**
 * The person changed something on the server: every page's data may be out of date. `origin` is the page the
 * write started on (lib/safe-nav `topPageKey`, taken when the call began).
 */
export function noteWrite(origin?: string): void {
  writes += 1;
  for (const listener of listeners) listener(origin);
}

export function writeCount(): number {
  return writes;
}

interface TFreshOptions {
  /** The page loads itself on its first show (useLoad, an effect); only later shows are checked. */
  skipFirst?: boolean;
}

/**
 * Runs `load` on the page's first show (unless `skipFirst`), and on each later show when a write happened since
 * the last load or the data is older than STALE_AFTER_MS. Returns `markLoaded`, for a page that reloaded on its own
 * (pull-down, after its own action), so the next show need not load again.
 */
export function useFreshOnShow(load: () => unknown, options: TFreshOptions = {}): () => void {
  const stamp = useRef<{ writes: number; at: number } | null>(options.skipFirst ? { writes, at: Date.now() } : null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const markLoaded = () => {
    stamp.current = { writes, at: Date.now() };
  };
  const markRef = useRef(markLoaded);
  // This page's key while it is on screen; null while hidden.
  const shownAs = useRef<string | null>(null);

  useDidShow(() => {
    shownAs.current = topPageKey() ?? '';
    const last = stamp.current;
    if (last && last.writes === writes && Date.now() - last.at < STALE_AFTER_MS) return;
    markRef.current();
    void loadRef.current();
  });
  useDidHide(() => {
    shownAs.current = null;
  });
  useEffect(() => {
    const onWrite = (origin: string | undefined) => {
      // The page that made the write refreshes itself as it sees fit; a hidden page waits for its next show.
      if (shownAs.current === null || origin === undefined || origin === shownAs.current) return;
      markRef.current();
      void loadRef.current();
    };
    listeners.add(onWrite);
    return () => void listeners.delete(onWrite);
  }, []);
  return markRef.current;
}
