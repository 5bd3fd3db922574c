/**
 * Validation and normalisation shared by both adapters, so a filter or patch that one backend rejects the other
 * rejects too. Each adapter then translates the normalised form into its own query language.
 */
import type { TCondition, TDoc, TFilter, TPatch, TScalar } from './port';

/** Collection names become SQLite table names and CloudBase collection names: keep them boring. */
const COLLECTION_RE = /^[a-z][a-z0-9_]*$/;
/** Dotted field paths are inlined into SQLite JSON paths (index expressions must be literal), so no quoting. */
const PATH_RE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export const META_FIELDS = ['_id', 'createdAt', 'updatedAt', 'version'] as const;

export function assertCollectionName(name: string): void {
  if (!COLLECTION_RE.test(name) || name.startsWith('sqlite_')) {
    throw new TypeError(`invalid collection name ${JSON.stringify(name)}: must match ${COLLECTION_RE}`);
  }
}

export function assertFieldPath(path: string): void {
  if (!PATH_RE.test(path)) throw new TypeError(`invalid field path ${JSON.stringify(path)}`);
}

export function isScalar(value: unknown): value is TScalar {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function assertScalar(value: unknown, where: string): asserts value is TScalar {
  if (!isScalar(value)) throw new TypeError(`${where}: expected string, finite number, boolean or null`);
}

export type TRangeOp = 'gt' | 'gte' | 'lt' | 'lte';

export type TParsedCondition =
  | { kind: 'eq'; value: TScalar }
  | { kind: 'neq'; value: TScalar }
  | { kind: 'in'; values: TScalar[] }
  | { kind: 'has'; value: string | number | boolean }
  | { kind: 'range'; bounds: Array<[op: TRangeOp, value: number | string]> };

export interface TParsedTerm {
  path: string;
  cond: TParsedCondition;
}

const RANGE_OPS: readonly TRangeOp[] = ['gt', 'gte', 'lt', 'lte'];

function parseCondition(path: string, raw: TCondition): TParsedCondition {
  if (raw === null || typeof raw !== 'object') {
    assertScalar(raw, path);
    return { kind: 'eq', value: raw };
  }
  const keys = Object.keys(raw).filter((k) => (raw as Record<string, unknown>)[k] !== undefined);
  const obj = raw as Record<string, unknown>;
  if (keys.length === 1 && (keys[0] === 'eq' || keys[0] === 'neq')) {
    const value = obj[keys[0]];
    assertScalar(value, `${path}.${keys[0]}`);
    return { kind: keys[0], value };
  }
  if (keys.length === 1 && keys[0] === 'in') {
    const values = obj.in;
    if (!Array.isArray(values)) throw new TypeError(`${path}.in: expected an array`);
    values.forEach((v, i) => assertScalar(v, `${path}.in[${i}]`));
    return { kind: 'in', values: values as TScalar[] };
  }
  if (keys.length === 1 && keys[0] === 'has') {
    const value = obj.has;
    // `has: null` would mean "missing or null or contains null" in CloudBase; nobody needs that, so refuse it.
    if (value === null) throw new TypeError(`${path}.has: null is not supported`);
    assertScalar(value, `${path}.has`);
    return { kind: 'has', value };
  }
  if (keys.length > 0 && keys.every((k) => (RANGE_OPS as readonly string[]).includes(k))) {
    const bounds = keys.map((k): [TRangeOp, number | string] => {
      const value = obj[k];
      if (!(typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))) {
        throw new TypeError(`${path}.${k}: range bounds must be finite numbers or strings`);
      }
      return [k as TRangeOp, value];
    });
    // CloudBase compares within a type only, so mixed bounds would silently match nothing: refuse instead.
    if (new Set(bounds.map(([, v]) => typeof v)).size > 1) {
      throw new TypeError(`${path}: range bounds must all be numbers or all be strings`);
    }
    return { kind: 'range', bounds };
  }
  throw new TypeError(`${path}: unsupported condition ${JSON.stringify(raw)}`);
}

export function parseFilter(where: TFilter | undefined): TParsedTerm[] {
  if (!where) return [];
  return Object.keys(where)
    .filter((path) => where[path] !== undefined)
    .map((path) => {
      assertFieldPath(path);
      return { path, cond: parseCondition(path, where[path] as TCondition) };
    });
}

/**
 * Validates a patch and drops `undefined` values (CloudBase's serializer drops them; JSON would delete the
 * field instead, so dropping is the only behaviour both backends share).
 */
export function cleanPatch(patch: TPatch): TPatch {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    throw new TypeError('patch must be a plain object');
  }
  const out: TPatch = {};
  for (const [key, value] of Object.entries(patch)) {
    if ((META_FIELDS as readonly string[]).includes(key)) {
      throw new TypeError(`patch must not set ${key}: the adapter manages it`);
    }
    if (key.includes('.') || key.startsWith('$')) throw new TypeError(`patch keys are top-level fields: ${key}`);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

export function assertDocId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id.length === 0) throw new TypeError('_id must be a non-empty string');
}

/** Drops undefined top-level values and caller-supplied meta fields (the adapter sets those). */
export function cleanInsert(doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if ((META_FIELDS as readonly string[]).includes(key) || value === undefined) continue;
    out[key] = value;
  }
  return out;
}

/**
 * What reads give for a stored document. One created by hand (console, import) has no meta fields; it reads as
 * version 0 with createdAt = updatedAt = 0 ("never written through the adapter"), so callers never meet
 * `undefined` where the type promises a number. A compare-and-set must then name version 0 (a CAS with 1
 * does not touch it), and the first write through the adapter makes it version 1. Nothing is written back:
 * sorting and filtering see the stored document, so cursors are built from the stored row, not from this view.
 */
export function withMeta(doc: Record<string, unknown>): TDoc {
  const out = { ...doc } as Record<string, unknown>;
  for (const key of ['createdAt', 'updatedAt', 'version'] as const) {
    if (out[key] === undefined || out[key] === null) out[key] = 0;
  }
  return out as TDoc;
}

/** `updateIfVersion` takes only a stored version (an integer ≥ 0); anything else is a caller bug. */
export function assertVersion(version: unknown): asserts version is number {
  if (!Number.isInteger(version) || (version as number) < 0) {
    throw new TypeError(`version must be an integer >= 0, got ${String(version)}`);
  }
}
