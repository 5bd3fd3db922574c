/**
 * A TStore wrapper that counts what each call would cost on CloudBase, where every database step is its own
 * HTTPS request (docs/requests.md, ../shared/cloudbase-facts.md). The request-budget test and `npm run bench`
 * both count with it, on top of SQLite.
 *
 * The rules, as the CloudBase adapter (storage/cloudbase.ts) sends them:
 * - outside a transaction each get, find, count, insert, updateIfVersion and remove is one request;
 * - a transaction attempt is `start` + one request per by-id get/insert/update/remove inside it + `commit`
 *   (or `abort`: runTransaction(cb, 0) rolls back when the attempt throws, and a failed insert aborts the
 *   attempt even when the work caught the error). An attempt the adapter retries is counted again.
 * Reads issued in parallel are still one request each: this counts requests (what CloudBase bills and what
 * can fail), not waits.
 */
import { DuplicateIdError, type TCollection, type TDoc, type TStore, type TStoredMeta, type TTransaction } from './port';

export type TRequestOp =
  | 'get'
  | 'find'
  | 'count'
  | 'insert'
  | 'updateIfVersion'
  | 'remove'
  | 'start'
  | 'commit'
  | 'abort'
  | 'tx.get'
  | 'tx.insert'
  | 'tx.update'
  | 'tx.remove';

export interface TRequest {
  op: TRequestOp;
  /** Null for start, commit and abort. */
  collection: string | null;
  /** The document a by-id step names. */
  id?: string;
}

export interface TCountingStore extends TStore {
  /** Every request since the store was made or last reset, in the order they were sent. */
  readonly requests: readonly TRequest[];
  reset(): void;
}

export function createCountingStore(inner: TStore): TCountingStore {
  const log: TRequest[] = [];
  const record = (op: TRequestOp, collection: string | null = null, id?: string) =>
    log.push(id === undefined ? { op, collection } : { op, collection, id });

  function countedTx(tx: TTransaction, attempt: { aborted: boolean }): TTransaction {
    return {
      get: (name, id) => (record('tx.get', name, id), tx.get(name, id)),
      insert: async (name, doc) => {
        record('tx.insert', name, doc._id);
        try {
          return await tx.insert(name, doc);
        } catch (error) {
          if (error instanceof DuplicateIdError) attempt.aborted = true;
          throw error;
        }
      },
      update: (name, id, patch) => (record('tx.update', name, id), tx.update(name, id, patch)),
      remove: (name, id) => (record('tx.remove', name, id), tx.remove(name, id)),
    };
  }

  return {
    get requests() {
      return log;
    },
    reset: () => void log.splice(0),
    collection<T extends TStoredMeta = TDoc>(name: string): TCollection<T> {
      const c = inner.collection<T>(name);
      return {
        get: (id) => (record('get', name, id), c.get(id)),
        find: (options) => (record('find', name), c.find(options)),
        count: (where) => (record('count', name), c.count(where)),
        insert: (doc) => (record('insert', name, doc._id), c.insert(doc)),
        updateIfVersion: (id, version, patch) => (record('updateIfVersion', name, id), c.updateIfVersion(id, version, patch)),
        remove: (id) => (record('remove', name, id), c.remove(id)),
      };
    },
    transaction<R>(work: (tx: TTransaction) => Promise<R>): Promise<R> {
      return inner.transaction(async (tx) => {
        const attempt = { aborted: false };
        record('start');
        try {
          const result = await work(countedTx(tx, attempt));
          record(attempt.aborted ? 'abort' : 'commit');
          return result;
        } catch (error) {
          record('abort');
          throw error;
        }
      });
    },
    close: () => inner.close(),
  };
}

/**
 * The requests in words, for docs/requests.md: `users.get, tx(groups.get, memberships.insert)`. A `tx(…)`
 * costs its steps plus start and commit.
 */
export function describeRequests(requests: readonly TRequest[]): string {
  const parts: string[] = [];
  let tx: string[] | null = null;
  for (const r of requests) {
    if (r.op === 'start') tx = [];
    else if (r.op === 'commit' || r.op === 'abort') {
      parts.push(`tx(${(tx ?? []).join(', ')}${r.op === 'abort' ? ' → abort' : ''})`);
      tx = null;
    } else {
      const step = `${r.collection}.${r.op.replace(/^tx\./, '')}`;
      (tx ?? parts).push(step);
    }
  }
  if (tx) parts.push(`tx(${tx.join(', ')}`); // unfinished: shown as it stands
  return parts.join(', ');
}

/**
 * Documents read more than once by one action (`groups ×2`): the first place to look for a request to save.
 * A read outside a transaction repeated inside it counts too; the second read may be needed for consistency,
 * but it is still paid for.
 */
export function repeatedReads(requests: readonly TRequest[]): string[] {
  const reads = new Map<string, number>();
  for (const r of requests) {
    if ((r.op === 'get' || r.op === 'tx.get') && r.id !== undefined) {
      const key = `${r.collection}\u0000${r.id}`;
      reads.set(key, (reads.get(key) ?? 0) + 1);
    }
  }
  return [...reads].filter(([, n]) => n > 1).map(([key, n]) => `${key.split('\u0000')[0]} ×${n}`);
}
