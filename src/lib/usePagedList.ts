import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../api';

export interface TPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface TPagedList<T> {
  items: T[];
  /** First page is loading (or reloading after an error). */
  loading: boolean;
  loadingMore: boolean;
  /** Chinese message of the last failure, if the list could not be shown. */
  error: string | null;
  hasMore: boolean;
  /** Whether the first page has arrived at least once. */
  loaded: boolean;
  reload: () => Promise<void>;
  /**
   * Fetches page one again while the current rows stay on screen (no spinner), and swaps them when it arrives;
   * a failure keeps the rows. For a page shown again (lib/freshness.ts). Before the first load it is `reload`.
   */
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
}

/**
 * A cursor-paginated list: `reload` fetches page one (pull-to-refresh, first show), `loadMore` appends the next.
 * Responses that arrive after a newer reload started are ignored, so a slow old page never overwrites a new one.
 */
export function usePagedList<T>(fetchPage: (cursor: string | undefined) => Promise<TPage<T>>): TPagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const cursorRef = useRef<string | null>(null);
  const generationRef = useRef(0);
  const busyMoreRef = useRef(false);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const reload = useCallback(async () => {
    const generation = ++generationRef.current;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchRef.current(undefined);
      if (generation !== generationRef.current) return;
      cursorRef.current = page.nextCursor;
      setItems(page.items);
      setLoaded(true);
    } catch (err) {
      if (generation !== generationRef.current) return;
      setError(errorMessage(err));
    } finally {
      if (generation === generationRef.current) setLoading(false);
    }
  }, []);

  const loadedRef = useRef(false);
  loadedRef.current = loaded;

  const refresh = useCallback(async () => {
    if (!loadedRef.current) return reload();
    const generation = ++generationRef.current;
    try {
      const page = await fetchRef.current(undefined);
      if (generation !== generationRef.current) return;
      cursorRef.current = page.nextCursor;
      setItems(page.items);
      setError(null);
    } catch {
      // The rows on screen are still the best we have; the next show or a pull-down tries again.
    } finally {
      // A refresh that overtook a reload ends that reload's spinner too.
      if (generation === generationRef.current) setLoading(false);
    }
  }, [reload]);

  const loadMore = useCallback(async () => {
    const cursor = cursorRef.current;
    if (!cursor || busyMoreRef.current) return;
    const generation = generationRef.current;
    busyMoreRef.current = true;
    setLoadingMore(true);
    try {
      const page = await fetchRef.current(cursor);
      if (generation !== generationRef.current) return;
      cursorRef.current = page.nextCursor;
      setItems((prev) => prev.concat(page.items));
    } catch (err) {
      if (generation === generationRef.current) setError(errorMessage(err));
    } finally {
      busyMoreRef.current = false;
      setLoadingMore(false);
    }
  }, []);

  return { items, loading, loadingMore, error, hasMore: loaded && cursorRef.current !== null, loaded, reload, refresh, loadMore };
}
