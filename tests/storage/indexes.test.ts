import { INDEXES } from '../../cloudfunctions/core/indexes';
import type { TFindOptions, TIndexSpec } from '../../cloudfunctions/core/storage/port';
import { createSqliteStore, sqliteIndexName, type TSqliteStore } from '../../cloudfunctions/core/storage/sqlite';

/**
 * The query shape each index exists for: equality on the leading fields, ordered by the last key before `_id`
 * (whose direction the index holds). The adapter then appends `_id` asc, which the index ends with.
 */
function servedQuery(spec: TIndexSpec, value = 'v'): TFindOptions {
  const keys = spec.fields.filter(([field]) => field !== '_id');
  const sortKey = keys[keys.length - 1]!;
  const where = Object.fromEntries(keys.slice(0, -1).map(([field]) => [field, value]));
  return { where, orderBy: [sortKey], limit: 20 };
}

describe('core/indexes.ts', () => {
  it('every index ends with _id ascending, the tie-breaker every find sorts by last', () => {
    for (const spec of INDEXES) expect(spec.fields[spec.fields.length - 1]).toEqual(['_id', 'asc']);
  });

  it('index names are unique within a collection, and `_id` appears only last', () => {
    const seen = new Set<string>();
    for (const spec of INDEXES) {
      const key = `${spec.collection}.${spec.name}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      expect(spec.fields.slice(0, -1).map(([f]) => f)).not.toContain('_id');
    }
  });

  describe('on SQLite each serves its query with no sort step, first page and cursor pages alike', () => {
    let store: TSqliteStore;
    beforeAll(async () => {
      store = createSqliteStore({ file: ':memory:', indexes: INDEXES });
      // Enough rows in ties that a second page exists for every index's query.
      for (const spec of INDEXES) {
        const c = store.collection(spec.collection);
        for (let i = 0; i < 25; i++) {
          const doc: Record<string, unknown> = { _id: `${spec.name}_${String(i).padStart(2, '0')}` };
          for (const [field] of spec.fields) if (field !== '_id') doc[field] = 'v';
          await c.insert(doc as never);
        }
      }
    });
    afterAll(() => store.close());

    it('creates each with exactly its fields (the trailing _id is the row id, not added twice)', () => {
      for (const spec of INDEXES) {
        const cols = store.pragma(`index_xinfo(${sqliteIndexName(spec)})`) as Array<{ key: number; cid: number; desc: number }>;
        const keyCols = cols.filter((c) => c.key === 1);
        expect(keyCols.map((c) => c.desc)).toEqual(spec.fields.map(([, d]) => (d === 'desc' ? 1 : 0)));
        expect(keyCols[keyCols.length - 1]!.cid).toBe(0); // column 0 is `id`
      }
    });

    it.each(INDEXES.map((spec) => [spec.name, spec] as const))('%s', async (_name, spec) => {
      const query = servedQuery(spec);
      const first = store.explainFind(spec.collection, query).join('\n');
      expect(first).toContain(sqliteIndexName(spec));
      expect(first).not.toContain('TEMP B-TREE');
      const page = await store.collection(spec.collection).find(query);
      expect(page.nextCursor).not.toBeNull();
      const next = store.explainFind(spec.collection, { ...query, cursor: page.nextCursor! }).join('\n');
      expect(next).toContain(sqliteIndexName(spec));
      expect(next).not.toContain('TEMP B-TREE');
    });
  });

  it('the quarterly report reads a community’s filings decided in a quarter through filings_decided, in order', () => {
    const store = createSqliteStore({ file: ':memory:', indexes: INDEXES });
    try {
      const plan = store
        .explainFind('filings', { where: { communityId: 'c1', decidedAt: { gte: 1, lt: 2 } } as never, orderBy: [['decidedAt', 'asc']], limit: 100 })
        .join('\n');
      expect(plan).toContain('filings_decided');
      expect(plan).not.toContain('TEMP B-TREE');
    } finally {
      void store.close();
    }
  });

  it('the review queue reads only the reviewer’s communities: one community is served in order, several by one range each', () => {
    const store = createSqliteStore({ file: ':memory:', indexes: INDEXES });
    try {
      const queue = (communityId: unknown) =>
        store.explainFind('filings', { where: { status: 'submitted', communityId } as never, orderBy: [['submittedAt', 'asc']], limit: 20 }).join('\n');
      const one = queue('c1');
      expect(one).toContain('filings_review_queue');
      expect(one).not.toContain('TEMP B-TREE');
      // Several communities: still the index (a bounded sort of their own waiting filings), never a scan.
      const several = queue({ in: ['c1', 'c2'] });
      expect(several).toContain('filings_review_queue');
      expect(several).not.toMatch(/SCAN filings(?! USING)/);
    } finally {
      void store.close();
    }
  });

  it('the dashboard reads counters by id and counts waiting and overdue filings on the review queue’s index', () => {
    const store = createSqliteStore({ file: ':memory:', indexes: INDEXES });
    try {
      const overdue = store
        .explainFind('filings', { where: { status: 'submitted', communityId: { in: ['c1', 'c2'] }, submittedAt: { lt: 1000 } } as never, limit: 100 })
        .join('\n');
      expect(overdue).toContain('filings_review_queue');
      expect(overdue).not.toMatch(/SCAN filings(?! USING)/);
      for (const collection of ['growthstats', 'stats', 'communities']) {
        const byIds = store.explainFind(collection, { where: { _id: { in: ['a', 'b'] } }, limit: 100 }).join('\n');
        expect(byIds).not.toMatch(new RegExp(`SCAN ${collection}(?! USING)`));
      }
    } finally {
      void store.close();
    }
  });

  it('代办 and 年度确认 (docs/on-behalf.md): the takeover offer and the unconfirmed list are each one index range', () => {
    const store = createSqliteStore({ file: ':memory:', indexes: INDEXES });
    try {
      const offers = store.explainFind('filings', { where: { behalfMobile: '13803110021' }, limit: 5 }).join('\n');
      expect(offers).toContain('filings_behalf_mobile');
      expect(offers).not.toContain('TEMP B-TREE');
      const due = store
        .explainFind('groups', { where: { communityId: 'c1', status: 'active', confirmedYear: { lt: 2026 } } as never, orderBy: [['confirmedYear', 'asc']], limit: 20 })
        .join('\n');
      expect(due).toContain('groups_unconfirmed');
      expect(due).not.toContain('TEMP B-TREE');
    } finally {
      void store.close();
    }
  });
});
