/**
 * Keyset pagination shared by both adapters: the effective sort order (with the `_id` tie-breaker), the
 * limit bounds and the opaque cursor (base64url JSON of the last row's sort values).
 */
import type { TFindOptions, TScalar, TSortDirection } from './port';
import { assertFieldPath, isScalar } from './query';

/** A malformed, tampered or foreign cursor. The use-case layer maps it to VALIDATION_FAILED. */
export class InvalidCursorError extends Error {
  constructor(message = 'invalid cursor') {
    super(message);
    this.name = 'InvalidCursorError';
  }
}

export interface TSortKey {
  field: string;
  direction: TSortDirection;
}

export const MAX_LIMIT = 100;

export function assertLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new RangeError(`limit must be an integer in 1..${MAX_LIMIT}, got ${limit}`);
  }
}

/** The order actually applied: the caller's keys, then `_id` asc (unless `_id` already appears: it is unique). */
export function normalizeOrder(orderBy: TFindOptions['orderBy']): TSortKey[] {
  const keys: TSortKey[] = [];
  const seen = new Set<string>();
  for (const [field, direction] of orderBy ?? []) {
    assertFieldPath(field);
    if (direction !== 'asc' && direction !== 'desc') throw new TypeError(`invalid sort direction ${direction}`);
    if (seen.has(field)) throw new TypeError(`field ${field} appears twice in orderBy`);
    seen.add(field);
    keys.push({ field, direction });
    if (field === '_id') return keys; // later keys can never break a tie on a unique field
  }
  keys.push({ field: '_id', direction: 'asc' });
  return keys;
}

/** Reads a dotted path; a missing field reads as undefined. */
export function readPath(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function signature(order: TSortKey[]): string {
  return order.map((k) => `${k.field}:${k.direction}`).join(',');
}

/** Missing sorts like null on both backends, so it is stored as null. Arrays/objects cannot be paged by. */
export function sortValuesOf(order: TSortKey[], doc: unknown): TScalar[] {
  return order.map(({ field }) => {
    const value = readPath(doc, field);
    if (value === undefined) return null;
    if (!isScalar(value)) throw new TypeError(`cannot page by ${field}: value is not a scalar`);
    return value;
  });
}

export function encodeCursor(order: TSortKey[], doc: unknown): string {
  const payload = { o: signature(order), v: sortValuesOf(order, doc) };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** Returns one value per key of `order` (the last is the `_id`). Throws InvalidCursorError on anything odd. */
export function decodeCursor(cursor: string, order: TSortKey[]): TScalar[] {
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > 4096 || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw new InvalidCursorError('cursor is not base64url');
  }
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('cursor is not valid JSON');
  }
  if (payload === null || typeof payload !== 'object') throw new InvalidCursorError('cursor has the wrong shape');
  const { o, v } = payload as { o?: unknown; v?: unknown };
  if (o !== signature(order)) throw new InvalidCursorError('cursor belongs to a different order');
  if (!Array.isArray(v) || v.length !== order.length || !v.every(isScalar)) {
    throw new InvalidCursorError('cursor values have the wrong shape');
  }
  order.forEach((key, i) => {
    if (key.field === '_id' && typeof v[i] !== 'string') throw new InvalidCursorError('cursor _id is not a string');
  });
  return v as TScalar[];
}
