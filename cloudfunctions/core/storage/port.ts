/**
 * The storage port: small and shaped like the CloudBase database, so nothing works locally that cannot work
 * in the cloud. Two adapters implement it (SQLite for local/tests, CloudBase for production) and one contract
 * suite (tests/storage/contract.ts) runs against both.
 *
 * Deliberate limits, each mirroring CloudBase:
 * - `find` takes equality / `in` / range filters on top-level or dotted fields, an order, a limit ≤ 100 and a
 *   cursor. No skip: deep pages use the cursor.
 * - A transaction only reads and writes by id. CloudBase transactions cannot query (a `where().update()` inside
 *   one silently runs outside it), so the port does not offer it.
 * - Uniqueness comes from deterministic ids (`insert` fails with DuplicateIdError), not unique indexes.
 */

/** Fields every stored document carries. The adapters set them; callers never do. */
export interface TStoredMeta {
  _id: string;
  createdAt: number;
  updatedAt: number;
  version: number;
}

export type TDoc = TStoredMeta & Record<string, unknown>;

/** A scalar a filter can compare against. */
export type TScalar = string | number | boolean | null;

/**
 * A condition on one field. A bare scalar means equality. `has` matches an array field containing the value
 * (CloudBase's `{ tags: 'x' }` on an array field).
 */
export type TCondition =
  | TScalar
  | { eq: TScalar }
  | { neq: TScalar }
  | { in: TScalar[] }
  | { has: TScalar }
  | { gt?: number | string; gte?: number | string; lt?: number | string; lte?: number | string };

/** Field path (dotted for nested fields) → condition. All conditions must hold. */
export type TFilter = Record<string, TCondition>;

export type TSortDirection = 'asc' | 'desc';

export interface TFindOptions {
  where?: TFilter;
  /** Sort keys in priority order. `_id` ascending is always appended as the tie-breaker for stable cursors. */
  orderBy?: Array<[field: string, direction: TSortDirection]>;
  /** 1..100. */
  limit: number;
  /** Opaque cursor from a previous page's `nextCursor`, for the same where/orderBy. */
  cursor?: string;
}

export interface TFindPage<T> {
  items: T[];
  /** Null when there are no more rows. */
  nextCursor: string | null;
}

/** A shallow patch of top-level fields. `_id`, `createdAt`, `updatedAt`, `version` are managed by the adapter. */
export type TPatch = Record<string, unknown>;

export class DuplicateIdError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`duplicate id ${id} in ${collection}`);
    this.name = 'DuplicateIdError';
  }
}

/** Thrown when a transaction lost a race it could not retry its way out of. */
export class TransactionConflictError extends Error {
  constructor(message = 'transaction conflict') {
    super(message);
    this.name = 'TransactionConflictError';
  }
}

export interface TCollection<T extends TStoredMeta = TDoc> {
  get(id: string): Promise<T | null>;
  find(options: TFindOptions): Promise<TFindPage<T>>;
  count(where?: TFilter): Promise<number>;
  /** Inserts with the given `_id`; sets createdAt = updatedAt = now, version = 1. Throws DuplicateIdError. */
  insert(doc: Omit<T, keyof TStoredMeta> & { _id: string }): Promise<T>;
  /**
   * Compare-and-set: applies the patch (and bumps version, updatedAt) only if the stored version matches.
   * `version` must be an integer ≥ 0 (TypeError otherwise). A document created by hand reads as version 0 and
   * only a CAS naming 0 updates it.
   */
  updateIfVersion(id: string, version: number, patch: TPatch): Promise<boolean>;
  remove(id: string): Promise<boolean>;
}

/** By-id operations inside a transaction. Reads see the transaction's own writes. */
export interface TTransaction {
  get<T extends TStoredMeta = TDoc>(collection: string, id: string): Promise<T | null>;
  /** Throws DuplicateIdError (which aborts the transaction) if the id exists. */
  insert<T extends TStoredMeta = TDoc>(collection: string, doc: Omit<T, keyof TStoredMeta> & { _id: string }): Promise<T>;
  /** Patches an existing document (bumps version, updatedAt). Returns false if it does not exist. */
  update(collection: string, id: string, patch: TPatch): Promise<boolean>;
  remove(collection: string, id: string): Promise<boolean>;
}

export interface TStore {
  collection<T extends TStoredMeta = TDoc>(name: string): TCollection<T>;
  /**
   * Runs `work` atomically with snapshot isolation. If a concurrent transaction wrote the same documents the
   * adapter retries `work` (so it must be free of outside side effects), then throws TransactionConflictError.
   * Throwing inside `work` rolls everything back and rethrows.
   */
  transaction<R>(work: (tx: TTransaction) => Promise<R>): Promise<R>;
  /** Releases connections; the store is unusable afterwards. */
  close(): Promise<void>;
}

/** An index the query paths rely on: created by the SQLite adapter at open, by `npm run setup:cloud` for CloudBase. */
export interface TIndexSpec {
  collection: string;
  name: string;
  fields: Array<[field: string, direction: TSortDirection]>;
}
