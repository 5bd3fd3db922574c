/**
 * SQLite adapter (local gateway, tests). One table per collection: `id TEXT PRIMARY KEY, doc TEXT` (JSON),
 * expression indexes on `json_extract(doc, '$.field')`.
 *
 * Semantics chosen to match CloudBase (MongoDB) so code that works here works in the cloud:
 * - Equality is typed: `{ f: true }` matches only JSON true (json_extract yields 1 for both `true` and `1`, so
 *   every comparison also checks json_type); `{ f: 1 }` does not match `true`; `{ f: '1' }` does not match 1.
 * - `{ f: null }` / `{ f: { eq: null } }` match a null OR missing field (Mongo's rule). `{ f: { neq: v } }`
 *   matches everything not equal to v, including missing fields; `neq: null` means "present and not null".
 *   `in` containing null also matches missing.
 * - Ranges compare within one type (numbers with numbers, strings with strings), as Mongo's type brackets do.
 * - eq/neq/in/range are defined for scalar fields; use `has` for array membership. (Mongo's eq would also match
 *   arrays containing the value; SQLite's does not. Don't rely on either.)
 * - Sorting: null/missing first in asc, last in desc, on both backends. Sort fields should hold one type.
 *
 * Concurrency: better-sqlite3 is synchronous but `transaction(work)` is async, so other requests could run
 * between the awaits inside `work`. An async mutex is held for a whole transaction and every other operation
 * takes it too, so nothing interleaves with an open transaction (serializable, trivially).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import Database from 'better-sqlite3';
import type { Database as TDatabase, Statement } from 'better-sqlite3';
import {
  DuplicateIdError,
  type TCollection,
  type TDoc,
  type TFilter,
  type TFindOptions,
  type TFindPage,
  type TIndexSpec,
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
  assertFieldPath,
  assertVersion,
  cleanInsert,
  cleanPatch,
  parseFilter,
  withMeta,
  type TParsedCondition,
} from './query';

export interface TSqliteStoreOptions {
  file: string;
  indexes?: TIndexSpec[];
  clock?: () => number;
  /** Open a private in-memory copy of a `serialize()`d database instead of `file` (tests: seed once, copy per test). */
  image?: Buffer;
}

type TBind = string | number | null;
interface TSql {
  sql: string;
  params: TBind[];
}

/** better-sqlite3 cannot bind booleans; json_extract yields 1/0 for them, so bind the same. */
function bind(value: TScalar): TBind {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

/** The SQL expression for a field. Index expressions are matched textually, so build them in one place. */
function valueExpr(path: string): string {
  return path === '_id' ? 'id' : `json_extract(doc, '$.${path}')`;
}

/** A SQL predicate "the field holds a JSON value of this kind" (never NULL, so it composes under NOT). */
function typeIs(path: string, kind: 'text' | 'number' | 'true' | 'false'): string {
  if (path === '_id') return kind === 'text' ? '1' : '0';
  const t = `json_type(doc, '$.${path}')`;
  return kind === 'number' ? `coalesce(${t} IN ('integer', 'real'), 0)` : `coalesce(${t} = '${kind}', 0)`;
}

function kindOf(value: string | number | boolean): 'text' | 'number' | 'true' | 'false' {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'number';
  return value ? 'true' : 'false';
}

/** Typed equality that is always 0/1 (never NULL), so `NOT` of it is the exact complement. */
function eqSql(path: string, value: TScalar): TSql {
  const x = valueExpr(path);
  if (value === null) return { sql: `${x} IS NULL`, params: [] };
  return { sql: `(${x} = ? AND ${typeIs(path, kindOf(value))})`, params: [bind(value)] };
}

function conditionSql(path: string, cond: TParsedCondition): TSql {
  const x = valueExpr(path);
  switch (cond.kind) {
    case 'eq':
      return eqSql(path, cond.value);
    case 'neq': {
      const eq = eqSql(path, cond.value);
      return { sql: `NOT coalesce(${eq.sql}, 0)`, params: eq.params };
    }
    case 'in': {
      if (cond.values.length === 0) return { sql: '0', params: [] };
      const parts: TSql[] = [];
      const strings = cond.values.filter((v): v is string => typeof v === 'string');
      const numbers = cond.values.filter((v): v is number => typeof v === 'number');
      if (strings.length) {
        parts.push({ sql: `(${x} IN (${strings.map(() => '?').join(', ')}) AND ${typeIs(path, 'text')})`, params: strings });
      }
      if (numbers.length) {
        parts.push({ sql: `(${x} IN (${numbers.map(() => '?').join(', ')}) AND ${typeIs(path, 'number')})`, params: numbers });
      }
      for (const b of [true, false]) if (cond.values.includes(b)) parts.push(eqSql(path, b));
      if (cond.values.includes(null)) parts.push(eqSql(path, null));
      return { sql: `(${parts.map((p) => p.sql).join(' OR ')})`, params: parts.flatMap((p) => p.params) };
    }
    case 'has': {
      if (path === '_id') return eqSql(path, cond.value);
      const type = typeof cond.value === 'number' ? `je.type IN ('integer', 'real')` : `je.type = '${kindOf(cond.value)}'`;
      return {
        sql: `EXISTS (SELECT 1 FROM json_each(doc, '$.${path}') AS je WHERE je.value = ? AND ${type})`,
        params: [bind(cond.value)],
      };
    }
    case 'range': {
      const ops = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
      const first = cond.bounds[0];
      const kind = first && typeof first[1] === 'number' ? 'number' : 'text';
      const sql = [typeIs(path, kind), ...cond.bounds.map(([op]) => `${x} ${ops[op]} ?`)].join(' AND ');
      return { sql: `(${sql})`, params: cond.bounds.map(([, v]) => v) };
    }
  }
}

function filterSql(where: TFilter | undefined): TSql[] {
  return parseFilter(where).map(({ path, cond }) => conditionSql(path, cond));
}

/**
 * Rows strictly after the cursor row in `order`, using SQLite's own ordering (the same one ORDER BY uses, so
 * it is self-consistent for any value types). NULL sorts first: "after v" asc is `x > v`, plus non-nulls when
 * v is null; desc is `x < v OR x IS NULL`, and nothing when v is null.
 *
 * The OR form alone makes SQLite walk the index from the top on every page. So when the leading key has a
 * non-null cursor value the query also gets a plain range on it (`x >= v` asc, `x <= v` desc) that the index
 * can seek to. In desc order that range excludes the NULL tail, which `nullTail` fetches separately.
 */
function keysetSql(order: TSortKey[], values: TScalar[]): { after: TSql; range: TSql | null; nullTail: TSql | null } {
  const ors: TSql[] = [];
  for (let i = 0; i < order.length; i++) {
    const key = order[i] as TSortKey;
    const v = values[i] as TScalar;
    const x = valueExpr(key.field);
    let after: TSql | null;
    if (key.direction === 'asc') after = v === null ? { sql: `${x} IS NOT NULL`, params: [] } : { sql: `${x} > ?`, params: [bind(v)] };
    else after = v === null ? null : { sql: `(${x} < ? OR ${x} IS NULL)`, params: [bind(v)] };
    if (after) {
      const eqs = order.slice(0, i).map((k, j): TSql => {
        const ev = values[j] as TScalar;
        return ev === null ? { sql: `${valueExpr(k.field)} IS NULL`, params: [] } : { sql: `${valueExpr(k.field)} = ?`, params: [bind(ev)] };
      });
      const parts = [...eqs, after];
      ors.push({ sql: parts.map((p) => p.sql).join(' AND '), params: parts.flatMap((p) => p.params) });
    }
  }
  const after = { sql: ors.length ? `(${ors.map((o) => `(${o.sql})`).join(' OR ')})` : '0', params: ors.flatMap((o) => o.params) };
  const lead = order[0] as TSortKey;
  const leadValue = values[0] as TScalar;
  if (leadValue === null) return { after, range: null, nullTail: null };
  const x = valueExpr(lead.field);
  if (lead.direction === 'asc') return { after, range: { sql: `${x} >= ?`, params: [bind(leadValue)] }, nullTail: null };
  return {
    after,
    range: { sql: `${x} <= ?`, params: [bind(leadValue)] },
    nullTail: lead.field === '_id' ? null : { sql: `${x} IS NULL`, params: [] },
  };
}

function orderSql(order: TSortKey[]): string {
  return order.map((k) => `${valueExpr(k.field)} ${k.direction.toUpperCase()}`).join(', ');
}

function whereClause(parts: TSql[]): TSql {
  if (!parts.length) return { sql: '', params: [] };
  return { sql: ` WHERE ${parts.map((p) => p.sql).join(' AND ')}`, params: parts.flatMap((p) => p.params) };
}

function isPrimaryKeyViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** FIFO async mutex: a chain of promises. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const prev = this.tail;
    this.tail = prev.then(() => next);
    await prev;
    return release;
  }
}

interface TTxState {
  open: boolean;
  /** A DuplicateIdError aborts the whole transaction (as in CloudBase), even if `work` catches it. */
  abortError?: Error;
  /** Tables created inside the transaction: forgotten again on rollback. */
  created: string[];
}

class SqliteStore implements TStore {
  private readonly db: TDatabase;
  private readonly clock: () => number;
  private readonly indexes: Map<string, TIndexSpec[]>;
  private readonly ensured = new Set<string>();
  private readonly statements = new Map<string, Statement>();
  private readonly mutex = new Mutex();
  private readonly txContext = new AsyncLocalStorage<TTxState>();
  private closed = false;

  constructor(options: TSqliteStoreOptions) {
    this.clock = options.clock ?? Date.now;
    this.indexes = new Map();
    for (const spec of options.indexes ?? []) {
      assertCollectionName(spec.collection);
      if (!/^[a-z][a-z0-9_]*$/i.test(spec.name)) throw new TypeError(`invalid index name ${spec.name}`);
      if (!spec.fields.length) throw new TypeError(`index ${spec.name} has no fields`);
      spec.fields.forEach(([field, dir]) => {
        assertFieldPath(field);
        if (dir !== 'asc' && dir !== 'desc') throw new TypeError(`index ${spec.name}: bad direction ${dir}`);
      });
      this.indexes.set(spec.collection, [...(this.indexes.get(spec.collection) ?? []), spec]);
    }
    this.db = options.image ? new Database(options.image) : new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('synchronous = NORMAL');
  }

  /** The SQLite name of an index spec (index names are global in SQLite, so prefix the collection). */
  static indexName(spec: TIndexSpec): string {
    return `idx_${spec.collection}_${spec.name}`;
  }

  private stmt(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      if (this.statements.size > 500) this.statements.clear();
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Creates the table and its indexes on first use in this process (idempotent across processes). */
  ensure(name: string, tx?: TTxState): string {
    assertCollectionName(name);
    const table = `"${name}"`;
    if (this.ensured.has(name)) return table;
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
    for (const spec of this.indexes.get(name) ?? []) {
      // `id` last: the tie-breaker every find appends, so ORDER BY never needs a temp b-tree. Specs in
      // core/indexes.ts already end with `_id` (CloudBase needs it spelled out); others get it added.
      const fields = spec.fields.map(([f, d]) => `${valueExpr(f)} ${d.toUpperCase()}`);
      const last = spec.fields[spec.fields.length - 1];
      const cols = last && last[0] === '_id' ? fields : [...fields, 'id ASC'];
      this.db.exec(`CREATE INDEX IF NOT EXISTS "${SqliteStore.indexName(spec)}" ON ${table} (${cols.join(', ')})`);
    }
    this.ensured.add(name);
    tx?.created.push(name);
    return table;
  }

  private assertUsable(): void {
    if (this.closed) throw new Error('store is closed');
  }

  /** Every non-transactional operation: wait for open transactions to finish, then run synchronously. */
  async run<R>(fn: () => R): Promise<R> {
    this.assertUsable();
    if (this.txContext.getStore()?.open) {
      // Waiting here would deadlock on our own transaction; CloudBase would run it outside the transaction.
      throw new Error('non-transactional store call inside transaction(): use the tx handle');
    }
    const release = await this.mutex.acquire();
    try {
      this.assertUsable();
      return fn();
    } finally {
      release();
    }
  }

  // ---- synchronous primitives, shared by collection ops and transaction ops ----

  /** The document as stored (a hand-made one may lack meta fields). */
  private rawGetSync(name: string, id: string, tx?: TTxState): Record<string, unknown> | null {
    const table = this.ensure(name, tx);
    const row = this.stmt(`SELECT doc FROM ${table} WHERE id = ?`).get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as Record<string, unknown>) : null;
  }

  getSync(name: string, id: string, tx?: TTxState): TDoc | null {
    const raw = this.rawGetSync(name, id, tx);
    return raw ? withMeta(raw) : null;
  }

  /** Writes a document exactly as given, without meta fields: what a console import leaves (tests). */
  importRawSync(name: string, doc: Record<string, unknown> & { _id: string }): void {
    assertDocId(doc._id);
    this.stmt(`INSERT INTO ${this.ensure(name)} (id, doc) VALUES (?, ?)`).run(doc._id, JSON.stringify(doc));
  }

  insertSync(name: string, doc: Record<string, unknown> & { _id: string }, tx?: TTxState): TDoc {
    assertDocId(doc._id);
    const table = this.ensure(name, tx);
    const now = this.clock();
    const full = { _id: doc._id, ...cleanInsert(doc), createdAt: now, updatedAt: now, version: 1 };
    const json = JSON.stringify(full);
    try {
      this.stmt(`INSERT INTO ${table} (id, doc) VALUES (?, ?)`).run(doc._id, json);
    } catch (err) {
      if (isPrimaryKeyViolation(err)) throw new DuplicateIdError(name, doc._id);
      throw err;
    }
    return JSON.parse(json) as TDoc;
  }

  /**
   * Applies a patch to an existing row; `expectedVersion` makes it a compare-and-set. A stored document
   * without `version` counts as version 0 (as it reads) and becomes 1, as `_.inc(1)` does in CloudBase.
   */
  patchSync(name: string, id: string, patch: TPatch, expectedVersion?: number, tx?: TTxState): boolean {
    const clean = cleanPatch(patch);
    const current = this.rawGetSync(name, id, tx);
    if (!current) return false;
    const version = typeof current.version === 'number' ? current.version : 0;
    if (expectedVersion !== undefined && version !== expectedVersion) return false;
    const next = { ...current, ...clean, updatedAt: this.clock(), version: version + 1 };
    this.stmt(`UPDATE ${this.ensure(name, tx)} SET doc = ? WHERE id = ?`).run(JSON.stringify(next), id);
    return true;
  }

  removeSync(name: string, id: string, tx?: TTxState): boolean {
    return this.stmt(`DELETE FROM ${this.ensure(name, tx)} WHERE id = ?`).run(id).changes > 0;
  }

  /** The statements a find runs: the main query and, for a desc cursor, the NULL tail after it. */
  private findPlan(name: string, options: TFindOptions): { order: TSortKey[]; main: TSql; tail: TSql | null } {
    assertLimit(options.limit);
    const order = normalizeOrder(options.orderBy);
    const filters = filterSql(options.where);
    const table = this.ensure(name);
    const select = (parts: TSql[], limit: number): TSql => {
      const where = whereClause(parts);
      return { sql: `SELECT doc FROM ${table}${where.sql} ORDER BY ${orderSql(order)} LIMIT ?`, params: [...where.params, limit] };
    };
    if (options.cursor === undefined) return { order, main: select(filters, options.limit + 1), tail: null };
    const keyset = keysetSql(order, decodeCursor(options.cursor, order));
    const main = select([...filters, keyset.after, ...(keyset.range ? [keyset.range] : [])], options.limit + 1);
    return { order, main, tail: keyset.nullTail ? select([...filters, keyset.nullTail], options.limit + 1) : null };
  }

  findSync(name: string, options: TFindOptions): TFindPage<TDoc> {
    const { order, main, tail } = this.findPlan(name, options);
    let rows = this.stmt(main.sql).all(...main.params) as Array<{ doc: string }>;
    if (tail && rows.length <= options.limit) {
      // NULLs sort after every value in desc order, so the tail simply continues the page.
      rows = rows.concat(this.stmt(tail.sql).all(...tail.params) as Array<{ doc: string }>);
    }
    const stored = rows.slice(0, options.limit).map((r) => JSON.parse(r.doc) as Record<string, unknown>);
    // The cursor holds the stored sort values (a missing updatedAt is NULL there, as ORDER BY saw it).
    const last = stored[stored.length - 1];
    const nextCursor = rows.length > options.limit && last ? encodeCursor(order, last) : null;
    return { items: stored.map(withMeta), nextCursor };
  }

  countSync(name: string, where?: TFilter): number {
    const table = this.ensure(name);
    const clause = whereClause(filterSql(where));
    const row = this.stmt(`SELECT count(*) AS n FROM ${table}${clause.sql}`).get(...clause.params) as { n: number };
    return row.n;
  }

  /** For tests and diagnostics: EXPLAIN QUERY PLAN of a find's main statement. */
  explainFind(name: string, options: TFindOptions): string[] {
    const { main } = this.findPlan(name, options);
    return (this.db.prepare(`EXPLAIN QUERY PLAN ${main.sql}`).all(...main.params) as Array<{ detail: string }>).map((r) => r.detail);
  }

  /** For tests and diagnostics: run a read-only statement. */
  pragma(source: string): unknown {
    return this.db.pragma(source);
  }

  serialize(): Promise<Buffer> {
    return this.run(() => this.db.serialize());
  }

  importRaw(name: string, doc: Record<string, unknown> & { _id: string }): Promise<void> {
    return this.run(() => this.importRawSync(name, doc));
  }

  // ---- TStore ----

  collection<T extends TStoredMeta = TDoc>(name: string): TCollection<T> {
    assertCollectionName(name);
    return {
      get: (id) => this.run(() => this.getSync(name, id) as unknown as T | null),
      find: (options) => this.run(() => this.findSync(name, options) as unknown as TFindPage<T>),
      count: (where) => this.run(() => this.countSync(name, where)),
      insert: (doc) => this.run(() => this.insertSync(name, doc as Record<string, unknown> & { _id: string }) as unknown as T),
      updateIfVersion: (id, version, patch) =>
        this.run(() => {
          assertVersion(version);
          return this.db.transaction(() => this.patchSync(name, id, patch, version)).immediate();
        }),
      remove: (id) => this.run(() => this.removeSync(name, id)),
    };
  }

  async transaction<R>(work: (tx: TTransaction) => Promise<R>): Promise<R> {
    this.assertUsable();
    if (this.txContext.getStore()?.open) throw new Error('nested transaction() is not supported');
    const release = await this.mutex.acquire();
    const state: TTxState = { open: true, created: [] };
    try {
      this.assertUsable();
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await this.txContext.run(state, () => work(this.txHandle(state)));
        if (state.abortError) throw state.abortError;
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        for (const name of state.created) this.ensured.delete(name);
        throw err;
      }
    } finally {
      state.open = false;
      release();
    }
  }

  private txHandle(state: TTxState): TTransaction {
    // Each op is synchronous; the mutex (held by transaction()) keeps everything else out meanwhile.
    const guard = <R>(fn: () => R): Promise<R> => {
      try {
        if (!state.open) throw new Error('transaction is finished');
        if (state.abortError) throw state.abortError;
        return Promise.resolve(fn());
      } catch (err) {
        if (err instanceof DuplicateIdError) state.abortError = err;
        return Promise.reject(err);
      }
    };
    return {
      get: <T extends TStoredMeta = TDoc>(name: string, id: string) => guard(() => this.getSync(name, id, state) as unknown as T | null),
      insert: <T extends TStoredMeta = TDoc>(name: string, doc: Omit<T, keyof TStoredMeta> & { _id: string }) =>
        guard(() => this.insertSync(name, doc as Record<string, unknown> & { _id: string }, state) as unknown as T),
      update: (name, id, patch) => guard(() => this.patchSync(name, id, patch, undefined, state)),
      remove: (name, id) => guard(() => this.removeSync(name, id, state)),
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    const release = await this.mutex.acquire();
    try {
      if (!this.closed) this.db.close();
      this.closed = true;
    } finally {
      release();
    }
  }
}

export type TSqliteStore = TStore & {
  /** EXPLAIN QUERY PLAN details for a find (tests/diagnostics). */
  explainFind(collection: string, options: TFindOptions): string[];
  /** Runs a PRAGMA (tests/diagnostics). */
  pragma(source: string): unknown;
  /** Stores a document as given, no meta fields added: a console import's document (tests). */
  importRaw(collection: string, doc: Record<string, unknown> & { _id: string }): Promise<void>;
  /** The whole database as bytes, for `createSqliteStore({ image })` (tests). */
  serialize(): Promise<Buffer>;
};

export function sqliteIndexName(spec: TIndexSpec): string {
  return SqliteStore.indexName(spec);
}

export function createSqliteStore(options: TSqliteStoreOptions): TSqliteStore {
  return new SqliteStore(options);
}
