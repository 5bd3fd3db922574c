/**
 * CloudBase adapter (production). Translates the port onto `@cloudbase/node-sdk` 3.18.3's database API, whose
 * shapes were read from its source (@cloudbase/database 1.4.3): outside a transaction `doc(id).get()` answers
 * `{ data: [doc] }`, inside one `{ data: doc | null }`; `where().update()` answers `{ updated }`;
 * `doc().remove()` `{ deleted }`; `count()` `{ total }`; errors are thrown as `{ code, message }` (or returned
 * with a `code` when the app called `setThrowOnCode(false)`, so results are checked too).
 *
 * Semantics match the SQLite adapter (see its header); the contract suite pins them on both. Notes:
 * - Each field condition becomes one element of a top-level `_.and([...])`: two range conditions in one
 *   where-object make the SDK's serializer nest an array inside `$and`, which the server rejects.
 * - Patches wrap object values in `_.set(v)`: the SDK flattens plain objects into dotted `$set` paths, which
 *   would deep-merge instead of replacing the field (and drop `{}` entirely).
 * - Transactions run one attempt at a time through `runTransaction(cb, 0)` (which rolls back on any error);
 *   conflicts are retried here with jittered backoff, then surface as TransactionConflictError. After a
 *   conflict the server has already dropped the transaction, so the next step (or the commit) answers
 *   `DATABASE_TRANSACTION_FAIL … TransactionNotExist`: that is the same lost race and is retried too.
 * - `where()` silently drops keys whose value is `undefined`, so `updateIfVersion` checks the version itself:
 *   a CAS on a missing version would otherwise become an unconditional update.
 * - Collections are not created on first write (setup:cloud creates them); a missing one is reported as such.
 */
import tcb from '@cloudbase/node-sdk';
import {
  DuplicateIdError,
  TransactionConflictError,
  type TCollection,
  type TDoc,
  type TFilter,
  type TFindOptions,
  type TFindPage,
  type TPatch,
  type TScalar,
  type TStore,
  type TStoredMeta,
  type TTransaction,
} from './port';
import { assertLimit, decodeCursor, encodeCursor, normalizeOrder, type TSortKey } from './cursor';
import {
  assertCollectionName,
  assertDocId,
  assertVersion,
  cleanInsert,
  cleanPatch,
  parseFilter,
  withMeta,
  type TParsedTerm,
} from './query';

// ---- the slice of the SDK this adapter uses (structural, so tests can fake it; the real Db must fit it) ----

export interface CloudbaseCommand {
  eq(value: unknown): unknown;
  neq(value: unknown): unknown;
  in(values: unknown[]): unknown;
  gt(value: unknown): unknown;
  gte(value: unknown): unknown;
  lt(value: unknown): unknown;
  lte(value: unknown): unknown;
  and(conditions: unknown[]): unknown;
  or(conditions: unknown[]): unknown;
  set(value: unknown): unknown;
  inc(value: number): unknown;
}

export interface CloudbaseQuery {
  where(query: object): CloudbaseQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): CloudbaseQuery;
  limit(limit: number): CloudbaseQuery;
  get(): Promise<{ data: unknown[] }>;
  count(): Promise<{ total: number }>;
  update(data: object): Promise<{ updated: number }>;
}

export interface CloudbaseDocRef {
  get(): Promise<{ data: unknown }>;
  update(data: object): Promise<{ updated: number }>;
  remove(): Promise<{ deleted: number }>;
}

export interface CloudbaseCollectionRef extends CloudbaseQuery {
  doc(id: string): CloudbaseDocRef;
  add(data: object): Promise<{ id?: string }>;
}

export interface CloudbaseTransactionRef {
  collection(name: string): CloudbaseCollectionRef;
}

export interface CloudbaseDatabase {
  command: CloudbaseCommand;
  collection(name: string): CloudbaseCollectionRef;
  runTransaction(callback: (transaction: CloudbaseTransactionRef) => Promise<unknown>, times?: number): Promise<unknown>;
}

export interface TCloudbaseStoreOptions {
  db: CloudbaseDatabase;
  clock?: () => number;
  /** Attempts per transaction before TransactionConflictError (default 8). */
  maxTransactionAttempts?: number;
}

// ---- error mapping ----

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function errorMessage(err: unknown): string {
  const message = (err as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : '';
}

/** A unique-key violation: CloudBase's own code, or MongoDB's E11000 text passed through. */
export function isDuplicateError(err: unknown): boolean {
  return errorCode(err) === 'DATABASE_DUPLICATE_WRITE' || /E11000|duplicate key/i.test(errorMessage(err));
}

/**
 * A lost race, worth retrying the whole transaction: the conflict itself (`DATABASE_TRANSACTION_CONFLICT`,
 * message `[ResourceUnavailable.TransactionConflict] …`, the code the SDK's own runTransaction retries on), or
 * any later step of the transaction the server aborted because of it (`DATABASE_TRANSACTION_FAIL` with
 * `TransactionNotExist`). MongoDB's own texts are accepted too, in case the gateway passes them through.
 */
export function isConflictError(err: unknown): boolean {
  const code = errorCode(err);
  const message = errorMessage(err);
  if (code === 'DATABASE_TRANSACTION_CONFLICT') return true;
  if (code === 'DATABASE_TRANSACTION_FAIL' && /TransactionNotExist/.test(message)) return true;
  return /\[ResourceUnavailable\.TransactionConflict\]|WriteConflict|TransientTransactionError/.test(message);
}

/** The collection was never created (CloudBase does not create one on first write). */
export function isMissingCollectionError(err: unknown): boolean {
  return errorCode(err) === 'DATABASE_COLLECTION_NOT_EXIST' || /Db or Table not exist/i.test(errorMessage(err));
}

/** Names the collection and the fix; keeps the code so callers can still match on it. */
function explainMissingCollection(name: string, err: unknown): unknown {
  if (!isMissingCollectionError(err)) return err;
  return Object.assign(new Error(`collection ${name} does not exist in this environment: run npm run setup:cloud (${errorMessage(err)})`), {
    code: 'DATABASE_COLLECTION_NOT_EXIST',
  });
}

/** With `setThrowOnCode(false)` the SDK returns errors instead of throwing them: throw them anyway. */
function checked<R>(res: R): R {
  const code = errorCode(res);
  if (code) throw Object.assign(new Error(errorMessage(res) || code), { code });
  return res;
}

// ---- translation ----

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** One `{ path: command }` object per condition (ranges give one per bound). */
export function filterConditions(_: CloudbaseCommand, terms: TParsedTerm[]): object[] {
  return terms.flatMap(({ path, cond }): object[] => {
    switch (cond.kind) {
      case 'eq':
        return [{ [path]: _.eq(cond.value) }];
      case 'neq':
        return [{ [path]: _.neq(cond.value) }];
      case 'in':
        return [{ [path]: _.in(cond.values) }];
      case 'has':
        // CloudBase's plain equality on an array field means "contains".
        return [{ [path]: cond.value }];
      case 'range':
        return cond.bounds.map(([op, value]) => ({ [path]: _[op](value) }));
    }
  });
}

/**
 * Rows strictly after the cursor row. MongoDB sorts null/missing first and compares within a type, so "after v"
 * is `$gt v` (asc; `$ne null` when v is null) or `$lt v OR null/missing` (desc; nothing when v is null).
 */
export function keysetCondition(_: CloudbaseCommand, order: TSortKey[], values: TScalar[]): unknown {
  const equal = (field: string, v: TScalar) => ({ [field]: _.eq(v) });
  const branches: unknown[] = [];
  order.forEach((key, i) => {
    const v = values[i] as TScalar;
    let after: object | null;
    if (key.direction === 'asc') after = { [key.field]: v === null ? _.neq(null) : _.gt(v) };
    else after = v === null ? null : (_.or([{ [key.field]: _.lt(v) }, { [key.field]: _.eq(null) }]) as object);
    if (!after) return;
    const parts = [...order.slice(0, i).map((k, j) => equal(k.field, values[j] as TScalar)), after];
    branches.push(parts.length === 1 ? parts[0] : _.and(parts));
  });
  // Never empty in practice: the last key is `_id` asc with a string value.
  return branches.length === 1 ? branches[0] : branches.length ? _.or(branches) : { _id: _.in([]) };
}

function combine(_: CloudbaseCommand, conditions: unknown[]): object | null {
  if (conditions.length === 0) return null;
  return (conditions.length === 1 ? conditions[0] : _.and(conditions)) as object;
}

/** Top-level patch → update data: objects replaced whole via `_.set`, meta fields bumped. */
function updateData(_: CloudbaseCommand, patch: TPatch, now: number): object {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(cleanPatch(patch))) data[key] = isPlainObject(value) ? _.set(value) : value;
  data.updatedAt = now;
  data.version = _.inc(1);
  return data;
}

function firstDoc(data: unknown): TDoc | null {
  const doc = Array.isArray(data) ? data[0] : data;
  return doc && typeof doc === 'object' ? withMeta(doc as Record<string, unknown>) : null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface TTxState {
  open: boolean;
  abortError?: Error;
}

class CloudbaseStore implements TStore {
  private readonly db: CloudbaseDatabase;
  private readonly _: CloudbaseCommand;
  private readonly clock: () => number;
  private readonly maxAttempts: number;
  private closed = false;

  constructor(options: TCloudbaseStoreOptions) {
    this.db = options.db;
    this._ = options.db.command;
    this.clock = options.clock ?? Date.now;
    this.maxAttempts = options.maxTransactionAttempts ?? 8;
  }

  private ref(name: string): CloudbaseCollectionRef {
    if (this.closed) throw new Error('store is closed');
    return this.db.collection(name);
  }

  /** Runs one request against collection `name`, turning "collection does not exist" into a clear error. */
  private async call<R>(name: string, fn: () => Promise<R>): Promise<R> {
    try {
      return checked(await fn());
    } catch (err) {
      throw explainMissingCollection(name, err);
    }
  }

  private newDoc(doc: Record<string, unknown> & { _id: string }): TDoc {
    assertDocId(doc._id);
    const now = this.clock();
    // JSON round trip: what we return equals what a later get returns (as in the SQLite adapter).
    return JSON.parse(JSON.stringify({ _id: doc._id, ...cleanInsert(doc), createdAt: now, updatedAt: now, version: 1 })) as TDoc;
  }

  private async addDoc(ref: CloudbaseCollectionRef, name: string, doc: Record<string, unknown> & { _id: string }): Promise<TDoc> {
    const full = this.newDoc(doc);
    try {
      await this.call(name, () => ref.add(full));
    } catch (err) {
      if (isDuplicateError(err)) throw new DuplicateIdError(name, full._id);
      throw err;
    }
    return full;
  }

  whereFor(where: TFilter | undefined, extra: unknown[] = []): object | null {
    return combine(this._, [...filterConditions(this._, parseFilter(where)), ...extra]);
  }

  private async find(name: string, options: TFindOptions): Promise<TFindPage<TDoc>> {
    assertLimit(options.limit);
    const order = normalizeOrder(options.orderBy);
    const extra = options.cursor === undefined ? [] : [keysetCondition(this._, order, decodeCursor(options.cursor, order))];
    const where = this.whereFor(options.where, extra);
    let query: CloudbaseQuery = this.ref(name);
    if (where) query = query.where(where);
    for (const key of order) query = query.orderBy(key.field, key.direction);
    const res = await this.call(name, () => query.limit(options.limit + 1).get());
    const rows = (res.data ?? []) as Array<Record<string, unknown>>;
    const page = rows.slice(0, options.limit);
    // The cursor holds the stored sort values (a missing updatedAt is null there, as the server sorts it).
    const last = page[page.length - 1];
    const nextCursor = rows.length > options.limit && last ? encodeCursor(order, last) : null;
    return { items: page.map(withMeta), nextCursor };
  }

  collection<T extends TStoredMeta = TDoc>(name: string): TCollection<T> {
    assertCollectionName(name);
    const _ = this._;
    return {
      get: async (id) => firstDoc((await this.call(name, () => this.ref(name).doc(id).get())).data) as unknown as T | null,
      find: async (options) => (await this.find(name, options)) as unknown as TFindPage<T>,
      count: async (where) => {
        const w = this.whereFor(where);
        const ref = this.ref(name);
        return (await this.call(name, () => (w ? ref.where(w) : ref).count())).total;
      },
      insert: async (doc) =>
        (await this.addDoc(this.ref(name), name, doc as Record<string, unknown> & { _id: string })) as unknown as T,
      updateIfVersion: async (id, version, patch) => {
        // Checked here: where() drops an undefined version and the CAS would become an unconditional update.
        assertVersion(version);
        const data = updateData(_, patch, this.clock());
        // Version 0 is how a hand-made document without `version` reads (see withMeta): match it as missing.
        // (`version: null` matches null or missing, as in MongoDB; the adapter never stores null.)
        const where = { _id: id, version: version === 0 ? null : version };
        const res = await this.call(name, () => this.ref(name).where(where).update(data));
        return res.updated === 1;
      },
      remove: async (id) => (await this.call(name, () => this.ref(name).doc(id).remove())).deleted > 0,
    };
  }

  async transaction<R>(work: (tx: TTransaction) => Promise<R>): Promise<R> {
    if (this.closed) throw new Error('store is closed');
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.db.runTransaction(async (t) => {
          const state: TTxState = { open: true };
          try {
            const result = await work(this.txHandle(t, state));
            // A failed insert aborts the server-side transaction even if `work` swallowed the error.
            if (state.abortError) throw state.abortError;
            return result;
          } finally {
            state.open = false;
          }
        }, 0)) as R;
      } catch (err) {
        if (!isConflictError(err)) throw err;
        if (attempt >= this.maxAttempts) {
          throw new TransactionConflictError(`transaction conflict after ${attempt} attempts: ${errorMessage(err)}`);
        }
        await sleep(Math.min(1000, 15 * 2 ** attempt) * (0.5 + Math.random()));
      }
    }
  }

  private txHandle(t: CloudbaseTransactionRef, state: TTxState): TTransaction {
    const _ = this._;
    const guard = async <R>(name: string, fn: (ref: CloudbaseCollectionRef) => Promise<R>): Promise<R> => {
      if (!state.open) throw new Error('transaction is finished');
      if (state.abortError) throw state.abortError;
      assertCollectionName(name);
      try {
        return await fn(t.collection(name));
      } catch (err) {
        // Both abort the server-side transaction: later steps would fail anyway, and must not run at all.
        if (err instanceof DuplicateIdError || isConflictError(err)) state.abortError = err as Error;
        throw err;
      }
    };
    return {
      // Only doc(id).get/update/remove and add carry the transaction id; where() would run outside it.
      get: <T extends TStoredMeta = TDoc>(name: string, id: string) =>
        guard(name, async (ref) => firstDoc((await this.call(name, () => ref.doc(id).get())).data) as unknown as T | null),
      insert: <T extends TStoredMeta = TDoc>(name: string, doc: Omit<T, keyof TStoredMeta> & { _id: string }) =>
        guard(name, async (ref) => (await this.addDoc(ref, name, doc as Record<string, unknown> & { _id: string })) as unknown as T),
      update: (name, id, patch) =>
        guard(name, async (ref) => (await this.call(name, () => ref.doc(id).update(updateData(_, patch, this.clock())))).updated > 0),
      remove: (name, id) => guard(name, async (ref) => (await this.call(name, () => ref.doc(id).remove())).deleted > 0),
    };
  }

  async close(): Promise<void> {
    // The SDK holds no connection (plain HTTPS requests); just refuse further use.
    this.closed = true;
  }
}

export function createCloudbaseStore(options: TCloudbaseStoreOptions): TStore {
  return new CloudbaseStore(options);
}

/**
 * The SDK's per-request timeout. Its default (15 s) outlasts our functions (10–15 s in cloudbaserc.json): a hung
 * request would let the platform kill the function mid-transaction, and the person would see a bare
 * "timeout" instead of our envelope. 8 s leaves room for the rest of the call; `TCB_REQUEST_TIMEOUT_MS`
 * overrides it (keep it below the function's own timeout).
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 8000;

export function requestTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TCB_REQUEST_TIMEOUT_MS;
  if (raw === undefined || raw === '') return DEFAULT_REQUEST_TIMEOUT_MS;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 100 || ms > 60_000) {
    throw new RangeError(`TCB_REQUEST_TIMEOUT_MS must be an integer number of milliseconds in 100..60000, got ${raw}`);
  }
  return ms;
}

/**
 * In a cloud function the platform supplies credentials and the current env; locally `tcb.init` reads
 * TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY from the environment.
 */
export function createCloudbaseStoreFromEnv(env?: string, init: typeof tcb.init = tcb.init): TStore {
  const app = init({ env: env ?? tcb.SYMBOL_CURRENT_ENV, timeout: requestTimeoutMs() });
  const db: CloudbaseDatabase = app.database();
  return createCloudbaseStore({ db });
}
