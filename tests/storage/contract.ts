/**
 * The storage contract: every adapter must pass this suite unchanged. It pins the semantics both backends
 * share (see the header of cloudfunctions/core/storage/sqlite.ts), including the odd corners: typed boolean
 * equality, null-or-missing, keyset pagination across ties and nulls, CAS races and lost-update freedom.
 */
import { DuplicateIdError, type TDoc, type TFindOptions, type TStore } from '../../cloudfunctions/core/storage/port';
import { InvalidCursorError } from '../../cloudfunctions/core/storage/cursor';

export interface TContractHooks {
  /**
   * Stores a document exactly as given, with no meta fields: what the CloudBase console's import (or a person
   * typing one in) leaves behind. Every adapter must be able to read and update such documents.
   */
  importRaw: (store: TStore, collection: string, doc: Record<string, unknown> & { _id: string }) => Promise<void>;
  /** Runs after each store is closed (e.g. delete a temp file). */
  cleanup?: (store: TStore) => Promise<void> | void;
  /** Collection name prefix. Default: unique per run, so runs never collide. */
  prefix?: string;
  /** Called before a test uses a collection (CloudBase: create it / empty it). */
  prepareCollection?: (name: string) => Promise<void> | void;
  /** Per-test timeout (a real CloudBase needs more than the default). */
  timeoutMs?: number;
}

type TItem = TDoc & Record<string, unknown>;

export function describeStoreContract(name: string, makeStore: () => Promise<TStore> | TStore, hooks: TContractHooks): void {
  const prefix = hooks.prefix ?? `c_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}_`;
  const timeout = hooks.timeoutMs ?? 20_000;
  let counter = 0;

  describe(`storage contract: ${name}`, () => {
    let store: TStore;

    beforeAll(async () => {
      store = await makeStore();
    });

    afterAll(async () => {
      if (!store) return;
      await store.close();
      await hooks.cleanup?.(store);
    });

    /** A fresh collection name for one test. */
    async function fresh(): Promise<string> {
      counter += 1;
      const coll = `${prefix}${counter}`;
      await hooks.prepareCollection?.(coll);
      return coll;
    }

    async function seed(coll: string, docs: Array<Record<string, unknown> & { _id: string }>): Promise<void> {
      const c = store.collection(coll);
      // Sequential keeps the CloudBase run gentle; SQLite does not care.
      for (const d of docs) await c.insert(d);
    }

    async function ids(coll: string, options: Omit<TFindOptions, 'limit'> & { limit?: number }): Promise<string[]> {
      const page = await store.collection(coll).find({ limit: 100, ...options });
      return page.items.map((d) => d._id);
    }

    /** Pages through everything, asserting each page is full except the last. */
    async function pageAll(coll: string, options: Omit<TFindOptions, 'cursor'>): Promise<string[]> {
      const out: string[] = [];
      let cursor: string | undefined;
      for (let guard = 0; guard < 100; guard++) {
        const page = await store.collection(coll).find({ ...options, cursor });
        out.push(...page.items.map((d) => d._id));
        if (page.nextCursor === null) return out;
        expect(page.items).toHaveLength(options.limit);
        cursor = page.nextCursor;
      }
      throw new Error('pagination did not terminate');
    }

    describe('get / insert', () => {
      it('get of a missing id is null', async () => {
        const coll = await fresh();
        expect(await store.collection(coll).get('nope')).toBeNull();
      }, timeout);

      it('insert sets createdAt = updatedAt = now and version 1, and get returns the same doc', async () => {
        const coll = await fresh();
        const before = Date.now();
        const inserted = await store
          .collection(coll)
          .insert({ _id: 'a', title: '读书会', n: 3, tags: ['x'], nested: { k: 'v' }, gone: undefined } as never);
        const after = Date.now();
        expect(inserted._id).toBe('a');
        expect(inserted.version).toBe(1);
        expect(inserted.createdAt).toBe(inserted.updatedAt);
        expect(inserted.createdAt).toBeGreaterThanOrEqual(before - 1);
        expect(inserted.createdAt).toBeLessThanOrEqual(after + 1);
        expect(inserted).not.toHaveProperty('gone');
        const got = await store.collection(coll).get('a');
        expect(got).toEqual(inserted);
        expect(got).toMatchObject({ title: '读书会', n: 3, tags: ['x'], nested: { k: 'v' } });
      }, timeout);

      it('insert ignores caller-supplied meta fields', async () => {
        const coll = await fresh();
        const doc = await store.collection(coll).insert({ _id: 'm', version: 7, createdAt: 1, updatedAt: 2 } as never);
        expect(doc.version).toBe(1);
        expect(doc.createdAt).not.toBe(1);
        expect((await store.collection(coll).get('m'))?.version).toBe(1);
      }, timeout);

      it('insert of an existing id throws DuplicateIdError and leaves the original alone', async () => {
        const coll = await fresh();
        await store.collection(coll).insert({ _id: 'd', v: 1 } as never);
        const err = await store
          .collection(coll)
          .insert({ _id: 'd', v: 2 } as never)
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(DuplicateIdError);
        expect(err).toMatchObject({ collection: coll, id: 'd' });
        expect((await store.collection(coll).get('d'))?.v).toBe(1);
      }, timeout);

      it('rejects invalid collection names', () => {
        expect(() => store.collection('Bad-Name')).toThrow(TypeError);
        expect(() => store.collection('1abc')).toThrow(TypeError);
      });
    });

    describe('find filters', () => {
      let coll: string;
      beforeAll(async () => {
        coll = await fresh();
        await seed(coll, [
          { _id: 'a', s: 'x', n: 1, b: true, tags: ['red', 'blue'], addr: { city: 'sh', zip: 200 }, z: null },
          { _id: 'b', s: 'y', n: 2, b: false, tags: ['blue'], addr: { city: 'bj', zip: 100 } },
          { _id: 'c', s: 'z', n: 3, b: 1, tags: [], addr: { city: 'sh', zip: 300 }, z: 'set' },
          { _id: 'd', s: '1', n: 1.5, b: 0, tags: ['red', 2] },
          { _id: 'e', n: 'text', s: 2, z: 0 },
        ]);
      }, timeout);

      it('bare scalar and eq are typed equality', async () => {
        expect(await ids(coll, { where: { s: 'x' } })).toEqual(['a']);
        expect(await ids(coll, { where: { s: { eq: 'y' } } })).toEqual(['b']);
        expect(await ids(coll, { where: { n: 1 } })).toEqual(['a']);
        expect(await ids(coll, { where: { n: 1.5 } })).toEqual(['d']);
        // '1' (string) and 1 (number) are different values
        expect(await ids(coll, { where: { s: '1' } })).toEqual(['d']);
        expect(await ids(coll, { where: { s: 1 } })).toEqual([]);
        expect(await ids(coll, { where: { s: 'x', n: 1 } })).toEqual(['a']);
        expect(await ids(coll, { where: { s: 'x', n: 2 } })).toEqual([]);
        expect(await ids(coll, { where: { _id: 'c' } })).toEqual(['c']);
      }, timeout);

      it('booleans match only booleans (not 1/0, not missing)', async () => {
        expect(await ids(coll, { where: { b: true } })).toEqual(['a']);
        expect(await ids(coll, { where: { b: false } })).toEqual(['b']);
        expect(await ids(coll, { where: { b: 1 } })).toEqual(['c']);
        expect(await ids(coll, { where: { b: 0 } })).toEqual(['d']);
        expect(await ids(coll, { where: { b: { neq: true } } })).toEqual(['b', 'c', 'd', 'e']);
        expect(await ids(coll, { where: { b: { in: [true, 0] } } })).toEqual(['a', 'd']);
      }, timeout);

      it('null means "null or missing"; neq null means "present and not null"', async () => {
        expect(await ids(coll, { where: { z: null } })).toEqual(['a', 'b', 'd']);
        expect(await ids(coll, { where: { z: { eq: null } } })).toEqual(['a', 'b', 'd']);
        expect(await ids(coll, { where: { z: { neq: null } } })).toEqual(['c', 'e']);
        // 0 is not null
        expect(await ids(coll, { where: { z: 0 } })).toEqual(['e']);
      }, timeout);

      it('neq matches every other value, including missing fields', async () => {
        expect(await ids(coll, { where: { s: { neq: 'x' } } })).toEqual(['b', 'c', 'd', 'e']);
        expect(await ids(coll, { where: { 'addr.city': { neq: 'sh' } } })).toEqual(['b', 'd', 'e']);
      }, timeout);

      it('in: typed membership; null in the list also matches missing; empty list matches nothing', async () => {
        expect(await ids(coll, { where: { s: { in: ['x', 'z', 'nope'] } } })).toEqual(['a', 'c']);
        expect(await ids(coll, { where: { n: { in: [2, 3] } } })).toEqual(['b', 'c']);
        expect(await ids(coll, { where: { s: { in: ['y', 2] } } })).toEqual(['b', 'e']);
        expect(await ids(coll, { where: { z: { in: ['set', null] } } })).toEqual(['a', 'b', 'c', 'd']);
        expect(await ids(coll, { where: { s: { in: [] } } })).toEqual([]);
        expect(await ids(coll, { where: { _id: { in: ['e', 'a'] } } })).toEqual(['a', 'e']);
      }, timeout);

      it('has: array contains the value (typed)', async () => {
        expect(await ids(coll, { where: { tags: { has: 'red' } } })).toEqual(['a', 'd']);
        expect(await ids(coll, { where: { tags: { has: 'blue' } } })).toEqual(['a', 'b']);
        expect(await ids(coll, { where: { tags: { has: 2 } } })).toEqual(['d']);
        expect(await ids(coll, { where: { tags: { has: '2' } } })).toEqual([]);
        expect(await ids(coll, { where: { tags: { has: 'green' } } })).toEqual([]);
        expect(await ids(coll, { where: { tags: { has: 'red' }, s: 'x' } })).toEqual(['a']);
      }, timeout);

      it('ranges compare numbers with numbers and strings with strings', async () => {
        expect(await ids(coll, { where: { n: { gt: 1 } } })).toEqual(['b', 'c', 'd']);
        expect(await ids(coll, { where: { n: { gte: 1 } } })).toEqual(['a', 'b', 'c', 'd']);
        expect(await ids(coll, { where: { n: { lt: 2 } } })).toEqual(['a', 'd']);
        expect(await ids(coll, { where: { n: { lte: 2 } } })).toEqual(['a', 'b', 'd']);
        expect(await ids(coll, { where: { n: { gt: 1, lt: 3 } } })).toEqual(['b', 'd']);
        expect(await ids(coll, { where: { n: { gte: 1.5, lte: 1.5 } } })).toEqual(['d']);
        // 'text' in n is not a number; booleans in b are not numbers
        expect(await ids(coll, { where: { n: { gt: -100 } } })).toEqual(['a', 'b', 'c', 'd']);
        expect(await ids(coll, { where: { b: { gte: 0 } } })).toEqual(['c', 'd']);
        expect(await ids(coll, { where: { s: { gte: 'x' } } })).toEqual(['a', 'b', 'c']);
        expect(await ids(coll, { where: { s: { gt: 'x', lte: 'y' } } })).toEqual(['b']);
        expect(await ids(coll, { where: { n: { gte: 'a' } } })).toEqual(['e']);
        expect(await ids(coll, { where: { _id: { gt: 'b', lt: 'e' } } })).toEqual(['c', 'd']);
      }, timeout);

      it('dotted paths reach nested fields', async () => {
        expect(await ids(coll, { where: { 'addr.city': 'sh' } })).toEqual(['a', 'c']);
        expect(await ids(coll, { where: { 'addr.zip': { gte: 200 } } })).toEqual(['a', 'c']);
        expect(await ids(coll, { where: { 'addr.city': 'sh', 'addr.zip': { lt: 250 } } })).toEqual(['a']);
        expect(await ids(coll, { where: { 'addr.city': null } })).toEqual(['d', 'e']);
        expect(await ids(coll, { orderBy: [['addr.zip', 'desc']] })).toEqual(['c', 'a', 'b', 'd', 'e']);
      }, timeout);

      it('count applies the same filters', async () => {
        const c = store.collection(coll);
        expect(await c.count()).toBe(5);
        expect(await c.count({})).toBe(5);
        expect(await c.count({ tags: { has: 'red' } })).toBe(2);
        expect(await c.count({ z: null })).toBe(3);
        expect(await c.count({ n: { gt: 1 }, b: { neq: false } })).toBe(2);
        expect(await c.count({ s: 'none' })).toBe(0);
      }, timeout);

      it('rejects malformed conditions', async () => {
        const c = store.collection(coll);
        await expect(c.find({ limit: 10, where: { s: { like: 'x' } as never } })).rejects.toThrow(TypeError);
        await expect(c.find({ limit: 10, where: { s: { gt: 1, lt: 'z' } } })).rejects.toThrow(TypeError);
        await expect(c.find({ limit: 10, where: { 'bad path': 1 } })).rejects.toThrow(TypeError);
        await expect(c.count({ tags: { has: null } })).rejects.toThrow(TypeError);
      }, timeout);
    });

    describe('ordering and pagination', () => {
      // 45 rows, `g` has only 4 distinct values and `h` 3, so every page boundary falls inside a tie.
      const rows = Array.from({ length: 45 }, (_, i) => ({
        _id: `r${String((i * 17) % 45).padStart(2, '0')}`,
        g: i % 4,
        h: ['a', 'b', 'c'][i % 3] as string,
        opt: i % 5 === 0 ? undefined : i % 7 === 0 ? null : i % 6,
      }));
      type TRow = (typeof rows)[number];
      const cmp = (a: unknown, b: unknown): number => {
        // null/missing sort first (asc) on both backends
        const na = a === undefined || a === null;
        const nb = b === undefined || b === null;
        if (na || nb) return na && nb ? 0 : na ? -1 : 1;
        return (a as number | string) < (b as number | string) ? -1 : (a as number | string) > (b as number | string) ? 1 : 0;
      };
      const expected = (keys: Array<[keyof TRow, 'asc' | 'desc']>): string[] =>
        [...rows]
          .sort((x, y) => {
            for (const [k, d] of keys) {
              const c = cmp(x[k], y[k]);
              if (c !== 0) return d === 'asc' ? c : -c;
            }
            return cmp(x._id, y._id);
          })
          .map((r) => r._id);

      let coll: string;
      beforeAll(async () => {
        coll = await fresh();
        await seed(coll, rows);
      }, timeout * 3);

      it('orders by multiple keys asc/desc with _id as the tie-breaker', async () => {
        expect(await ids(coll, { orderBy: [['g', 'asc']] })).toEqual(expected([['g', 'asc']]));
        expect(await ids(coll, { orderBy: [['g', 'desc']] })).toEqual(expected([['g', 'desc']]));
        expect(await ids(coll, { orderBy: [['g', 'desc'], ['h', 'asc']] })).toEqual(
          expected([['g', 'desc'], ['h', 'asc']]),
        );
        expect(await ids(coll, { orderBy: [['h', 'asc'], ['g', 'desc']] })).toEqual(
          expected([['h', 'asc'], ['g', 'desc']]),
        );
        expect(await ids(coll, {})).toEqual(expected([]));
        expect(await ids(coll, { orderBy: [['_id', 'desc']] })).toEqual(expected([]).reverse());
      }, timeout);

      it.each<[string, Array<[keyof TRow, 'asc' | 'desc']>, number]>([
        ['single key asc', [['g', 'asc']], 10],
        ['single key desc', [['g', 'desc']], 10],
        ['mixed directions', [['g', 'desc'], ['h', 'asc']], 10],
        ['mixed directions, other way', [['h', 'asc'], ['g', 'desc']], 7],
        ['nullable key asc', [['opt', 'asc']], 10],
        ['nullable key desc', [['opt', 'desc']], 10],
        ['nullable key then key', [['opt', 'desc'], ['g', 'asc']], 4],
        ['no order', [], 10],
        ['page size 1', [['g', 'asc']], 1],
      ])('cursor pages (%s) lose and repeat nothing', async (_label, keys, limit) => {
        const got = await pageAll(coll, { orderBy: keys as Array<[string, 'asc' | 'desc']>, limit });
        expect(got).toEqual(expected(keys));
        expect(new Set(got).size).toBe(45);
      }, timeout * 3);

      it('cursor pages respect the filter', async () => {
        const got = await pageAll(coll, { where: { g: { in: [1, 3] } }, orderBy: [['h', 'desc']], limit: 4 });
        const want = expected([['h', 'desc']]).filter((id) => [1, 3].includes(rows.find((r) => r._id === id)!.g));
        expect(got).toEqual(want);
      }, timeout * 2);

      it('nextCursor is null exactly when no rows remain', async () => {
        const c = store.collection(coll);
        const all = await c.find({ limit: 100 });
        expect(all.items).toHaveLength(45);
        expect(all.nextCursor).toBeNull();
        const exact = await c.find({ where: { g: 0 }, limit: 12 }); // 12 rows have g = 0
        expect(exact.items).toHaveLength(12);
        expect(exact.nextCursor).toBeNull();
        const first = await c.find({ where: { g: 0 }, limit: 11 });
        expect(first.nextCursor).not.toBeNull();
        const second = await c.find({ where: { g: 0 }, limit: 11, cursor: first.nextCursor! });
        expect(second.items).toHaveLength(1);
        expect(second.nextCursor).toBeNull();
        const empty = await c.find({ where: { g: 99 }, limit: 5 });
        expect(empty).toEqual({ items: [], nextCursor: null });
      }, timeout);

      it('limit must be an integer in 1..100', async () => {
        const c = store.collection(coll);
        await expect(c.find({ limit: 0 })).rejects.toThrow(RangeError);
        await expect(c.find({ limit: 101 })).rejects.toThrow(RangeError);
        await expect(c.find({ limit: 2.5 })).rejects.toThrow(RangeError);
        await expect(c.find({ limit: -1 })).rejects.toThrow(RangeError);
        expect((await c.find({ limit: 100 })).items).toHaveLength(45);
        expect((await c.find({ limit: 1 })).items).toHaveLength(1);
      }, timeout);

      it('a bad or foreign cursor throws InvalidCursorError', async () => {
        const c = store.collection(coll);
        await expect(c.find({ limit: 5, cursor: 'not a cursor!' })).rejects.toThrow(InvalidCursorError);
        await expect(c.find({ limit: 5, cursor: Buffer.from('{"o":1}').toString('base64url') })).rejects.toThrow(
          InvalidCursorError,
        );
        await expect(c.find({ limit: 5, cursor: 'e30' })).rejects.toThrow(InvalidCursorError);
        const page = await c.find({ limit: 5, orderBy: [['g', 'asc']] });
        await expect(c.find({ limit: 5, orderBy: [['h', 'asc']], cursor: page.nextCursor! })).rejects.toThrow(
          InvalidCursorError,
        );
      }, timeout);
    });

    describe('updateIfVersion / remove', () => {
      it('applies the patch, bumps version and updatedAt, keeps other fields', async () => {
        const coll = await fresh();
        const c = store.collection(coll);
        const doc = await c.insert({ _id: 'u', status: 'draft', keep: 1, addr: { city: 'a', zip: '1' } } as never);
        await new Promise((r) => setTimeout(r, 5));
        expect(await c.updateIfVersion('u', 1, { status: 'submitted', extra: [1, 2] })).toBe(true);
        const got = await c.get('u');
        expect(got).toMatchObject({ _id: 'u', status: 'submitted', keep: 1, extra: [1, 2], version: 2 });
        expect(got!.createdAt).toBe(doc.createdAt);
        expect(got!.updatedAt).toBeGreaterThan(doc.updatedAt);
      }, timeout);

      it('is a shallow patch: an object value replaces the whole field; undefined values are ignored', async () => {
        const coll = await fresh();
        const c = store.collection(coll);
        await c.insert({ _id: 'u', addr: { city: 'a', zip: '1' }, note: 'n', meta: { a: 1 } } as never);
        expect(await c.updateIfVersion('u', 1, { addr: { city: 'b' }, note: undefined, meta: {} })).toBe(true);
        const got = await c.get('u');
        expect(got!.addr).toEqual({ city: 'b' });
        expect(got!.meta).toEqual({});
        expect(got!.note).toBe('n');
      }, timeout);

      it('a stale version or a missing id changes nothing and returns false', async () => {
        const coll = await fresh();
        const c = store.collection(coll);
        await c.insert({ _id: 'u', s: 'a' } as never);
        expect(await c.updateIfVersion('u', 2, { s: 'b' })).toBe(false);
        expect(await c.updateIfVersion('missing', 1, { s: 'b' })).toBe(false);
        expect(await c.get('u')).toMatchObject({ s: 'a', version: 1 });
        expect(await c.get('missing')).toBeNull();
        expect(await c.updateIfVersion('u', 1, { s: 'b' })).toBe(true);
        expect(await c.updateIfVersion('u', 1, { s: 'c' })).toBe(false);
        expect(await c.get('u')).toMatchObject({ s: 'b', version: 2 });
      }, timeout);

      it('refuses a version that is not a stored version (undefined would turn the CAS into a plain update)', async () => {
        const coll = await fresh();
        const c = store.collection(coll);
        await c.insert({ _id: 'u', s: 'a' } as never);
        for (const bad of [undefined, null, 1.5, Number.NaN, '1', -1]) {
          await expect(c.updateIfVersion('u', bad as never, { s: 'b' })).rejects.toThrow(TypeError);
        }
        expect(await c.get('u')).toMatchObject({ s: 'a', version: 1 });
      }, timeout);

      it('refuses to patch adapter-managed fields', async () => {
        const coll = await fresh();
        const c = store.collection(coll);
        await c.insert({ _id: 'u' } as never);
        for (const key of ['_id', 'createdAt', 'updatedAt', 'version']) {
          await expect(c.updateIfVersion('u', 1, { [key]: 5 })).rejects.toThrow(TypeError);
        }
        expect(await c.get('u')).toMatchObject({ _id: 'u', version: 1 });
      }, timeout);

      it('two concurrent CAS writers with the same version: exactly one wins', async () => {
        const coll = await fresh();
        const c = store.collection(coll);
        await c.insert({ _id: 'cas', by: 'none' } as never);
        const results = await Promise.all(['p', 'q', 'r'].map((by) => c.updateIfVersion('cas', 1, { by })));
        expect(results.filter(Boolean)).toHaveLength(1);
        const got = await c.get('cas');
        expect(got!.version).toBe(2);
        expect(got!.by).toBe(['p', 'q', 'r'][results.indexOf(true)]);
      }, timeout);

      it('remove reports whether a document was deleted', async () => {
        const coll = await fresh();
        const c = store.collection(coll);
        await c.insert({ _id: 'x' } as never);
        await c.insert({ _id: 'y' } as never);
        expect(await c.remove('x')).toBe(true);
        expect(await c.remove('x')).toBe(false);
        expect(await c.get('x')).toBeNull();
        expect(await c.count()).toBe(1);
        // the id is free again
        expect((await c.insert({ _id: 'x' } as never)).version).toBe(1);
      }, timeout);
    });

    describe('documents created by hand (no createdAt / updatedAt / version)', () => {
      let coll: string;
      beforeAll(async () => {
        coll = await fresh();
        await hooks.importRaw(store, coll, { _id: 'h1', name: '塔谈社区', streetId: 's1' });
        await hooks.importRaw(store, coll, { _id: 'h2', name: '汇通社区', streetId: 's1' });
        await store.collection(coll).insert({ _id: 'n1', name: '新华社区', streetId: 's1' } as never);
      }, timeout);

      it('read as version 0 with createdAt = updatedAt = 0, fields intact (get, find, transaction get)', async () => {
        const want = { _id: 'h1', name: '塔谈社区', streetId: 's1', createdAt: 0, updatedAt: 0, version: 0 };
        expect(await store.collection(coll).get('h1')).toEqual(want);
        const page = await store.collection(coll).find({ where: { streetId: 's1' }, limit: 10 });
        expect(page.items.find((d) => d._id === 'h1')).toEqual(want);
        expect(page.items.find((d) => d._id === 'n1')?.version).toBe(1);
        await store.transaction(async (tx) => {
          expect(await tx.get(coll, 'h1')).toEqual(want);
        });
        expect(await store.collection(coll).count({ streetId: 's1' })).toBe(3);
      }, timeout);

      it('sort and page as missing (first in asc, last in desc), not as 0', async () => {
        const c = store.collection(coll);
        expect(await ids(coll, { orderBy: [['updatedAt', 'desc']] })).toEqual(['n1', 'h1', 'h2']);
        expect(await ids(coll, { orderBy: [['updatedAt', 'asc']] })).toEqual(['h1', 'h2', 'n1']);
        expect(await pageAll(coll, { orderBy: [['updatedAt', 'desc']], limit: 1 })).toEqual(['n1', 'h1', 'h2']);
        expect(await pageAll(coll, { orderBy: [['updatedAt', 'asc']], limit: 1 })).toEqual(['h1', 'h2', 'n1']);
        expect(await ids(coll, { where: { version: 0 } })).toEqual([]);
        expect((await c.find({ where: { version: null }, limit: 10 })).items.map((d) => d._id)).toEqual(['h1', 'h2']);
      }, timeout);

      it('a CAS naming version 1 does not touch one; naming 0 does, and makes it version 1', async () => {
        const c = store.collection(coll);
        expect(await c.updateIfVersion('h2', 1, { name: '错' })).toBe(false);
        expect(await c.updateIfVersion('h2', 2, { name: '错' })).toBe(false);
        expect(await c.get('h2')).toMatchObject({ name: '汇通社区', version: 0 });
        expect(await c.updateIfVersion('h2', 0, { name: '汇通新社区' })).toBe(true);
        const got = await c.get('h2');
        expect(got).toMatchObject({ name: '汇通新社区', streetId: 's1', version: 1, createdAt: 0 });
        expect(got!.updatedAt).toBeGreaterThan(0);
        expect(await c.updateIfVersion('h2', 0, { name: '错' })).toBe(false);
      }, timeout);

      it('a transaction update makes one version 1', async () => {
        await store.transaction(async (tx) => {
          expect(await tx.update(coll, 'h1', { note: '已核对' })).toBe(true);
          expect(await tx.get(coll, 'h1')).toMatchObject({ note: '已核对', version: 1 });
        });
        expect(await store.collection(coll).get('h1')).toMatchObject({ name: '塔谈社区', note: '已核对', version: 1, createdAt: 0 });
      }, timeout);
    });

    describe('transactions', () => {
      it('commits every write together', async () => {
        const a = await fresh();
        const b = await fresh();
        await store.collection(a).insert({ _id: 'acc', balance: 10 } as never);
        await store.collection(a).insert({ _id: 'old' } as never);
        const result = await store.transaction(async (tx) => {
          const acc = await tx.get<TItem>(a, 'acc');
          expect(await tx.update(a, 'acc', { balance: (acc!.balance as number) - 3 })).toBe(true);
          await tx.insert(b, { _id: 'log1', amount: 3 });
          expect(await tx.remove(a, 'old')).toBe(true);
          return 'done';
        });
        expect(result).toBe('done');
        expect(await store.collection(a).get('acc')).toMatchObject({ balance: 7, version: 2 });
        expect(await store.collection(b).get('log1')).toMatchObject({ amount: 3, version: 1 });
        expect(await store.collection(a).get('old')).toBeNull();
      }, timeout);

      it('rolls everything back when work throws, and rethrows', async () => {
        const a = await fresh();
        await store.collection(a).insert({ _id: 'acc', balance: 10 } as never);
        await store.collection(a).insert({ _id: 'keep' } as never);
        const boom = new Error('boom');
        await expect(
          store.transaction(async (tx) => {
            await tx.update(a, 'acc', { balance: 0 });
            await tx.insert(a, { _id: 'new' });
            await tx.remove(a, 'keep');
            throw boom;
          }),
        ).rejects.toBe(boom);
        expect(await store.collection(a).get('acc')).toMatchObject({ balance: 10, version: 1 });
        expect(await store.collection(a).get('new')).toBeNull();
        expect(await store.collection(a).get('keep')).not.toBeNull();
      }, timeout);

      it('reads its own writes', async () => {
        const a = await fresh();
        await store.collection(a).insert({ _id: 'x', n: 1 } as never);
        await store.transaction(async (tx) => {
          await tx.insert(a, { _id: 'y', n: 2 });
          expect(await tx.get<TItem>(a, 'y')).toMatchObject({ _id: 'y', n: 2, version: 1 });
          await tx.update(a, 'x', { n: 5 });
          expect(await tx.get<TItem>(a, 'x')).toMatchObject({ n: 5, version: 2 });
          await tx.update(a, 'x', { n: 6 });
          expect(await tx.get<TItem>(a, 'x')).toMatchObject({ n: 6, version: 3 });
          await tx.remove(a, 'y');
          expect(await tx.get(a, 'y')).toBeNull();
        });
        expect(await store.collection(a).get('x')).toMatchObject({ n: 6, version: 3 });
        expect(await store.collection(a).get('y')).toBeNull();
      }, timeout);

      it('update/remove of a missing id return false; get returns null', async () => {
        const a = await fresh();
        await store.collection(a).insert({ _id: 'seed' } as never);
        await store.transaction(async (tx) => {
          expect(await tx.get(a, 'nope')).toBeNull();
          expect(await tx.update(a, 'nope', { x: 1 })).toBe(false);
          expect(await tx.remove(a, 'nope')).toBe(false);
        });
        expect(await store.collection(a).get('nope')).toBeNull();
      }, timeout);

      it('a duplicate insert throws DuplicateIdError and rolls back the whole transaction', async () => {
        const a = await fresh();
        await store.collection(a).insert({ _id: 'taken', v: 1 } as never);
        await store.collection(a).insert({ _id: 'other', v: 1 } as never);
        const err = await store
          .transaction(async (tx) => {
            await tx.update(a, 'other', { v: 2 });
            await tx.insert(a, { _id: 'fresh' });
            await tx.insert(a, { _id: 'taken', v: 2 });
          })
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(DuplicateIdError);
        expect(await store.collection(a).get('taken')).toMatchObject({ v: 1, version: 1 });
        expect(await store.collection(a).get('other')).toMatchObject({ v: 1, version: 1 });
        expect(await store.collection(a).get('fresh')).toBeNull();
      }, timeout);

      it('a duplicate insert aborts the transaction even if work catches the error', async () => {
        const a = await fresh();
        await store.collection(a).insert({ _id: 'taken' } as never);
        const err = await store
          .transaction(async (tx) => {
            await tx.insert(a, { _id: 'fresh' });
            await tx.insert(a, { _id: 'taken' }).catch(() => undefined);
            return 'swallowed';
          })
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(DuplicateIdError);
        expect(await store.collection(a).get('fresh')).toBeNull();
      }, timeout);

      it('concurrent transactions incrementing one counter lose no update', async () => {
        const a = await fresh();
        await store.collection(a).insert({ _id: 'counter', n: 0 } as never);
        const workers = 4;
        const perWorker = 20;
        await Promise.all(
          Array.from({ length: workers }, async () => {
            for (let i = 0; i < perWorker; i++) {
              await store.transaction(async (tx) => {
                const doc = await tx.get<TItem>(a, 'counter');
                await new Promise((r) => setImmediate(r)); // give the others a chance to interleave
                expect(await tx.update(a, 'counter', { n: (doc!.n as number) + 1 })).toBe(true);
              });
            }
          }),
        );
        const got = await store.collection(a).get('counter');
        expect(got).toMatchObject({ n: workers * perWorker, version: workers * perWorker + 1 });
      }, timeout * 6);
    });
  });
}
