import type { TStore } from '../../cloudfunctions/core/storage/port';

/**
 * A store that runs a hook once, just before the next transaction starts: the moment between a use case's
 * first reads and its write, where a concurrent change (a deputy removed, an event cancelled) lands.
 */
export function storeWithHook(inner: TStore) {
  let hook: (() => Promise<void>) | null = null;
  const store: TStore = {
    collection: (name) => inner.collection(name),
    close: () => inner.close(),
    async transaction(work) {
      const pending = hook;
      hook = null;
      if (pending) await pending();
      return inner.transaction(work);
    },
  };
  return { store, beforeNextTransaction: (fn: () => Promise<void>) => void (hook = fn) };
}
