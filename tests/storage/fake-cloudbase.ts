/**
 * An in-memory stand-in for the CloudBase database *server*, plugged in underneath the real SDK.
 *
 * `@cloudbase/database` sends every request through `new Db.reqClass(config).send(action, params)`; swapping
 * that class keeps the whole real SDK in the path (command objects, query/update serializers, canonical EJSON,
 * runTransaction) and lets tests see exactly what would go over the wire. The server side imitates MongoDB
 * semantics as far as the adapter relies on them: typed equality, null matching missing, array containment,
 * type-bracketed ranges, Mongo sort order, `$set`/`$inc`, and transactions: snapshot reads (a transaction
 * reads the data as committed when it started, plus its own writes), write-conflict detection, and the
 * server dropping a transaction after a conflict (every later step answers `TransactionNotExist`). Like the
 * real service it creates no collection on first write, answers with the real error codes and texts, and
 * keeps documents exactly as written (a console import has no meta fields). It is a model, not CloudBase: the
 * real-environment run in cloudbase.test.ts is the final word.
 */
import tcb from '@cloudbase/node-sdk';
import type { CloudbaseDatabase } from '../../cloudfunctions/core/storage/cloudbase';

type TDocument = Record<string, unknown>;

export interface TRecordedCall {
  action: string;
  /** Request params with the EJSON strings (query, order, data) decoded to plain values. */
  params: Record<string, unknown>;
}

/** Canonical EJSON (`{ "$numberInt": "1" }`…) → plain JSON values. */
function decodeEjson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeEjson);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const [first] = entries;
    if (entries.length === 1 && first && ['$numberInt', '$numberDouble', '$numberLong'].includes(first[0])) {
      return Number(first[1]);
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, decodeEjson(v)]));
  }
  return value;
}

const parseEjson = (text: unknown): unknown => (typeof text === 'string' ? decodeEjson(JSON.parse(text)) : undefined);

function serverError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, requestId: 'fake' });
}

// ---- MongoDB-style matching and ordering ----

function getPath(doc: unknown, path: string): unknown {
  let cur = doc;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as TDocument)[part];
  }
  return cur;
}

function setPath(doc: TDocument, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = doc;
  parts.slice(0, -1).forEach((p) => {
    if (cur[p] === null || typeof cur[p] !== 'object') cur[p] = {};
    cur = cur[p] as TDocument;
  });
  cur[parts[parts.length - 1]!] = value;
}

/** MongoDB's BSON type order (the part we use): null/missing < numbers < strings < objects < arrays < booleans. */
function typeRank(v: unknown): number {
  if (v === null || v === undefined) return 1;
  if (typeof v === 'number') return 2;
  if (typeof v === 'string') return 3;
  if (Array.isArray(v)) return 5;
  if (typeof v === 'object') return 4;
  if (typeof v === 'boolean') return 8;
  throw new Error(`fake: unsupported value ${String(v)}`);
}

function compare(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 1) return 0;
  if (ra === 2 || ra === 3) return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
  if (ra === 8) return Number(a) - Number(b);
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}

function sameValue(a: unknown, b: unknown): boolean {
  return typeRank(a) === typeRank(b) && compare(a, b) === 0;
}

function eqMatch(value: unknown, target: unknown): boolean {
  if (target === null) return value === null || value === undefined || (Array.isArray(value) && value.includes(null));
  if (Array.isArray(value) && !Array.isArray(target)) return value.some((x) => sameValue(x, target));
  return sameValue(value, target);
}

function rangeMatch(value: unknown, op: string, target: unknown): boolean {
  const candidates = Array.isArray(value) ? value : [value];
  return candidates.some((x) => {
    if (x === null || x === undefined || typeRank(x) !== typeRank(target)) return false;
    const c = compare(x, target);
    return op === '$gt' ? c > 0 : op === '$gte' ? c >= 0 : op === '$lt' ? c < 0 : c <= 0;
  });
}

function isOperatorObject(cond: unknown): cond is Record<string, unknown> {
  return !!cond && typeof cond === 'object' && !Array.isArray(cond) && Object.keys(cond).every((k) => k.startsWith('$'));
}

function fieldMatch(value: unknown, cond: unknown): boolean {
  if (!isOperatorObject(cond)) return eqMatch(value, cond);
  return Object.entries(cond).every(([op, arg]) => {
    switch (op) {
      case '$eq':
        return eqMatch(value, arg);
      case '$ne':
        return !eqMatch(value, arg);
      case '$in':
        if (!Array.isArray(arg)) throw serverError('INVALID_PARAM', '$in needs an array');
        return arg.some((t) => eqMatch(value, t));
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte':
        return rangeMatch(value, op, arg);
      case '$and':
      case '$or':
        throw serverError('INVALID_PARAM', `fake: ${op} is not a field operator`);
      default:
        throw serverError('INVALID_PARAM', `fake: unsupported operator ${op}`);
    }
  });
}

function matches(doc: TDocument, query: unknown): boolean {
  if (!query || typeof query !== 'object' || Array.isArray(query)) {
    // e.g. an array nested directly inside $and: MongoDB rejects it, so must we
    throw serverError('INVALID_PARAM', `fake: query must be an object, got ${JSON.stringify(query)}`);
  }
  return Object.entries(query as Record<string, unknown>).every(([key, cond]) => {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(cond) || cond.length === 0) throw serverError('INVALID_PARAM', `fake: ${key} needs a non-empty array`);
      return key === '$and' ? cond.every((q) => matches(doc, q)) : cond.some((q) => matches(doc, q));
    }
    if (key.startsWith('$')) throw serverError('INVALID_PARAM', `fake: unsupported top-level ${key}`);
    return fieldMatch(getPath(doc, key), cond);
  });
}

function applyUpdate(doc: TDocument, update: Record<string, unknown>): TDocument {
  const next = structuredClone(doc);
  for (const [op, fields] of Object.entries(update)) {
    for (const [path, value] of Object.entries(fields as Record<string, unknown>)) {
      if (path === '_id') throw serverError('INVALID_PARAM', 'fake: _id is immutable');
      if (op === '$set') setPath(next, path, structuredClone(value));
      else if (op === '$inc') setPath(next, path, ((getPath(next, path) as number | undefined) ?? 0) + (value as number));
      else throw serverError('INVALID_PARAM', `fake: unsupported update operator ${op}`);
    }
  }
  return next;
}

// ---- the server ----

/**
 * Error texts as the real service sends them (code as the SDK surfaces it, message from the server). The
 * conflict and TransactionNotExist texts follow the measured facts (/work/shared/cloudbase-facts.md); the
 * missing-collection text is the one WeChat developers report for errCode -502005.
 */
export const SERVER_ERRORS = {
  conflict: {
    code: 'DATABASE_TRANSACTION_CONFLICT',
    message: '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem cannot be solved, contact us.',
  },
  transactionNotExist: {
    code: 'DATABASE_TRANSACTION_FAIL',
    message: '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, maybe transaction has been committed or rolled back. Please check your request, but if the problem cannot be solved, contact us.',
  },
  collectionNotExist: {
    code: 'DATABASE_COLLECTION_NOT_EXIST',
    message: '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.',
  },
  collectionExists: {
    code: 'DATABASE_REQUEST_FAILED',
    message: '[CreateTable] Table exist. Please check your request, but if the problem cannot be solved, contact us.',
  },
} as const;

const fail = (e: { code: string; message: string }) => serverError(e.code, e.message);

/** One committed version of a document (`doc: null` is a removal), stamped with the commit clock. */
interface TVersion {
  stamp: number;
  doc: TDocument | null;
}

interface TTx {
  id: string;
  /** Commit clock at start: the transaction reads the data as of this stamp (snapshot isolation). */
  snapshot: number;
  /** key → document after this transaction's writes (null = removed) */
  writes: Map<string, { coll: string; id: string; doc: TDocument | null }>;
  state: 'open' | 'aborted' | 'committed';
}

export class FakeCloudbaseServer {
  readonly calls: TRecordedCall[] = [];
  /** Duplicate-key errors: CloudBase's code, or a bare MongoDB message (both must map to DuplicateIdError). */
  duplicateStyle: 'code' | 'message' = 'code';
  /** When set, every transactional write fails with a conflict (to test retry exhaustion). */
  alwaysConflict = false;
  /** When set, the next N transactional writes fail with a conflict (then writes behave normally). */
  conflictsToInject = 0;
  /** Collection → document id → committed versions, oldest first. Only created collections exist. */
  private readonly data = new Map<string, Map<string, TVersion[]>>();
  private readonly txs = new Map<string, TTx>();
  private clock = 0;
  private txSeq = 0;

  /** What setup:cloud (manager-node's createCollectionIfNotExists) or the console does. Idempotent. */
  createCollection(name: string): void {
    if (!this.data.has(name)) this.data.set(name, new Map());
  }

  hasCollection(name: string): boolean {
    return this.data.has(name);
  }

  /** A document as the console's import writes it: exactly as given, no meta fields added. */
  importRaw(coll: string, doc: TDocument & { _id: string }): void {
    this.clock += 1;
    this.versions(coll, doc._id).push({ stamp: this.clock, doc: structuredClone(doc) });
  }

  /** The server forgets every open transaction, as it does after 30 s: their next step answers TransactionNotExist. */
  dropOpenTransactions(): void {
    for (const tx of this.txs.values()) if (tx.state === 'open') tx.state = 'aborted';
  }

  /** The collection, or the real "does not exist" error: CloudBase never creates one on first write. */
  private coll(name: string): Map<string, TVersion[]> {
    const c = this.data.get(name);
    if (!c) throw fail(SERVER_ERRORS.collectionNotExist);
    return c;
  }

  private versions(coll: string, id: string): TVersion[] {
    const c = this.coll(coll);
    let list = c.get(id);
    if (!list) c.set(id, (list = []));
    return list;
  }

  /** The document as of `stamp` (Infinity = latest committed). */
  private committedAt(list: TVersion[], stamp: number): TVersion | null {
    for (let i = list.length - 1; i >= 0; i--) if (list[i]!.stamp <= stamp) return list[i]!;
    return null;
  }

  /** The open transaction named in the request; a finished or unknown one answers TransactionNotExist. */
  private tx(params: Record<string, unknown>): TTx | null {
    const id = params.transactionId;
    if (!id) return null;
    const tx = this.txs.get(id as string);
    if (!tx || tx.state !== 'open') throw fail(SERVER_ERRORS.transactionNotExist);
    return tx;
  }

  /** What the caller sees: outside a transaction the latest commit; inside, its snapshot plus its own writes. */
  private visible(coll: string, tx: TTx | null, onlyId?: string): Map<string, TDocument> {
    const out = new Map<string, TDocument>();
    const stamp = tx ? tx.snapshot : Infinity;
    const all = this.coll(coll);
    // A query by _id looks at that one document only (the seeded demo makes whole-collection scans slow).
    const entries: Iterable<[string, TVersion[]]> = onlyId === undefined ? all : all.has(onlyId) ? [[onlyId, all.get(onlyId)!]] : [];
    for (const [id, list] of entries) {
      const v = this.committedAt(list, stamp);
      if (v?.doc) out.set(id, v.doc);
    }
    if (tx) {
      for (const w of tx.writes.values()) {
        if (w.coll !== coll || (onlyId !== undefined && w.id !== onlyId)) continue;
        if (w.doc) out.set(w.id, w.doc);
        else out.delete(w.id);
      }
    }
    return out;
  }

  /** The server drops a transaction on a conflict: every later step of it answers TransactionNotExist. */
  private conflict(tx: TTx): Error {
    tx.state = 'aborted';
    return fail(SERVER_ERRORS.conflict);
  }

  private write(coll: string, id: string, doc: TDocument | null, tx: TTx | null): void {
    const key = `${coll}\u0000${id}`;
    if (tx) {
      const latest = this.committedAt(this.versions(coll, id), Infinity);
      const lockedByOther = [...this.txs.values()].some((o) => o !== tx && o.state === 'open' && o.writes.has(key));
      if (this.conflictsToInject > 0) {
        this.conflictsToInject -= 1;
        throw this.conflict(tx);
      }
      if (this.alwaysConflict || lockedByOther || (latest && latest.stamp > tx.snapshot)) throw this.conflict(tx);
      tx.writes.set(key, { coll, id, doc });
      return;
    }
    this.clock += 1;
    this.versions(coll, id).push({ stamp: this.clock, doc });
  }

  private select(params: Record<string, unknown>, tx: TTx | null): TDocument[] {
    const query = (parseEjson(params.query) ?? {}) as Record<string, unknown>;
    const id = query._id;
    const onlyId = typeof id === 'string' ? id : id && typeof id === 'object' && typeof (id as { $eq?: unknown }).$eq === 'string' ? (id as { $eq: string }).$eq : undefined;
    return [...this.visible(params.collectionName as string, tx, onlyId).values()].filter((d) => matches(d, query));
  }

  async send(action: string, raw: Record<string, unknown>): Promise<unknown> {
    const params = { ...raw };
    for (const key of ['query', 'order', 'data', 'projection'] as const) {
      if (typeof params[key] === 'string') params[key] = parseEjson(params[key]);
      if (Array.isArray(params[key])) params[key] = (params[key] as unknown[]).map(parseEjson);
    }
    this.calls.push({ action, params });
    // Let concurrent requests interleave, as they would over the network.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 2));
    return this.handle(action, raw);
  }

  private handle(action: string, params: Record<string, unknown>): unknown {
    const coll = params.collectionName as string;
    switch (action) {
      case 'database.addCollection': {
        if (this.data.has(coll)) throw fail(SERVER_ERRORS.collectionExists);
        this.createCollection(coll);
        return { requestId: 'fake' };
      }
      case 'database.getDocument': {
        const tx = this.tx(params);
        let rows = this.select(params, tx);
        const order = Object.entries((parseEjson(params.order) ?? {}) as Record<string, number>);
        rows.sort((a, b) => {
          for (const [field, dir] of order) {
            const c = compare(getPath(a, field), getPath(b, field));
            if (c !== 0) return dir < 0 ? -c : c;
          }
          return 0;
        });
        rows = rows.slice((params.offset as number) ?? 0).slice(0, (params.limit as number) ?? 100);
        return { requestId: 'fake', data: { list: rows.map((d) => JSON.stringify(d)) } };
      }
      case 'database.calculateDocument':
        return { requestId: 'fake', data: { total: this.select(params, null).length } };
      case 'database.insertDocument': {
        const tx = this.tx(params);
        const ids: string[] = [];
        for (const text of params.data as string[]) {
          const doc = parseEjson(text) as TDocument;
          const id = String(doc._id);
          const exists = this.visible(coll, tx, id).has(id);
          if (exists) {
            if (tx) tx.state = 'aborted';
            throw this.duplicateStyle === 'code'
              ? serverError('DATABASE_DUPLICATE_WRITE', `duplicate _id ${id}`)
              : serverError('DATABASE_REQUEST_FAILED', `E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: "${id}" }`);
          }
          this.write(coll, id, doc, tx);
          ids.push(id);
        }
        return { requestId: 'fake', data: { insertedIds: ids } };
      }
      case 'database.modifyDocument': {
        const tx = this.tx(params);
        if (params.merge !== true) throw serverError('INVALID_PARAM', 'fake: only merge updates are modelled');
        const update = parseEjson(params.data) as Record<string, unknown>;
        let targets = this.select(params, tx);
        if (params.multi === false) targets = targets.slice(0, 1);
        for (const doc of targets) this.write(coll, String(doc._id), applyUpdate(doc, update), tx);
        return { requestId: 'fake', data: { updated: targets.length, upsert_id: null } };
      }
      case 'database.removeDocument': {
        const tx = this.tx(params);
        let targets = this.select(params, tx);
        if (params.multi === false) targets = targets.slice(0, 1);
        for (const doc of targets) this.write(coll, String(doc._id), null, tx);
        return { requestId: 'fake', data: { deleted: targets.length } };
      }
      case 'database.startTransaction': {
        const id = `tx${++this.txSeq}`;
        this.txs.set(id, { id, snapshot: this.clock, writes: new Map(), state: 'open' });
        return { requestId: 'fake', transactionId: id };
      }
      case 'database.commitTransaction': {
        const tx = this.tx(params)!;
        for (const w of tx.writes.values()) {
          const latest = this.committedAt(this.versions(w.coll, w.id), Infinity);
          if (latest && latest.stamp > tx.snapshot) throw this.conflict(tx);
        }
        this.clock += 1;
        for (const w of tx.writes.values()) this.versions(w.coll, w.id).push({ stamp: this.clock, doc: w.doc });
        tx.state = 'committed';
        return { requestId: 'fake' };
      }
      case 'database.abortTransaction': {
        // Aborting a transaction the server already dropped fails too (the SDK's rollback ignores that).
        const tx = this.tx(params)!;
        tx.state = 'aborted';
        return { requestId: 'fake' };
      }
      default:
        throw serverError('INVALID_PARAM', `fake: unsupported action ${action}`);
    }
  }
}

/**
 * A real SDK `Db` (tcb.init(...).database()) whose requests go to `server`. Call `restore()` when done: the
 * requester class is a static of the SDK's Db class.
 */
export function fakeCloudbase(server = new FakeCloudbaseServer()): {
  db: CloudbaseDatabase;
  server: FakeCloudbaseServer;
  restore: () => void;
} {
  const db = tcb.init({ env: 'fake-env', secretId: 'fake', secretKey: 'fake' }).database();
  const DbClass = db.constructor as unknown as { reqClass: unknown };
  const original = DbClass.reqClass;
  DbClass.reqClass = class FakeRequester {
    send(action: string, params: Record<string, unknown> = {}): Promise<unknown> {
      return server.send(action, params);
    }
  };
  return { db, server, restore: () => (DbClass.reqClass = original) };
}
