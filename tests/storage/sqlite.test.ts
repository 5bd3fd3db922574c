import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSqliteStore, sqliteIndexName, type TSqliteStore } from '../../cloudfunctions/core/storage/sqlite';
import type { TIndexSpec, TStore } from '../../cloudfunctions/core/storage/port';
import { describeStoreContract } from './contract';

const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-contract-'));
afterAll(() => fs.rmSync(tmpDir, { recursive: true, force: true }));

const sqliteHooks = {
  importRaw: (store: TStore, collection: string, doc: Record<string, unknown> & { _id: string }) =>
    (store as TSqliteStore).importRaw(collection, doc),
};
describeStoreContract('sqlite (temp file, WAL)', () => createSqliteStore({ file: path.join(tmpDir, 'contract.db') }), sqliteHooks);
describeStoreContract('sqlite (:memory:)', () => createSqliteStore({ file: ':memory:' }), sqliteHooks);

describe('sqlite specifics', () => {
  const indexes: TIndexSpec[] = [
    { collection: 'filings', name: 'by_status_time', fields: [['status', 'asc'], ['submittedAt', 'desc']] },
    { collection: 'filings', name: 'by_group', fields: [['groupId', 'asc']] },
    { collection: 'groups', name: 'by_community', fields: [['scope.community', 'asc']] },
  ];
  let store: TSqliteStore;
  let file: string;

  beforeAll(async () => {
    file = path.join(tmpDir, 'specifics.db');
    store = createSqliteStore({ file, indexes, clock: () => 1234 });
    const filings = store.collection('filings');
    for (let i = 0; i < 200; i++) {
      await filings.insert({ _id: `f${i}`, status: ['draft', 'submitted', 'approved'][i % 3], submittedAt: i, groupId: `g${i % 10}` });
    }
    await store.collection('groups').insert({ _id: 'g1', scope: { community: 'c1' } });
  });
  afterAll(() => store.close());

  it('opens the file in WAL mode with NORMAL sync and a busy timeout', () => {
    expect(store.pragma('journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(store.pragma('synchronous')).toEqual([{ synchronous: 1 }]);
    expect(store.pragma('busy_timeout')).toEqual([{ timeout: 5000 }]);
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
  });

  it('uses the injected clock', async () => {
    expect(await store.collection('filings').get('f0')).toMatchObject({ createdAt: 1234, updatedAt: 1234, version: 1 });
  });

  it('creates the expression indexes with the table', () => {
    const names = (store.pragma('index_list(filings)') as Array<{ name: string }>).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining([sqliteIndexName(indexes[0]!), sqliteIndexName(indexes[1]!)]));
    const cols = store.pragma(`index_xinfo(${sqliteIndexName(indexes[0]!)})`) as Array<{ cid: number; desc: number; key: number }>;
    // two expression columns (cid -2), then `id`, with the declared directions
    expect(cols.filter((c) => c.key === 1).map((c) => [c.cid, c.desc])).toEqual([[-2, 0], [-2, 1], [0, 0]]);
    const groupIdx = (store.pragma('index_list(groups)') as Array<{ name: string }>).map((r) => r.name);
    expect(groupIdx).toContain(sqliteIndexName(indexes[2]!));
  });

  it('an indexed find uses the index and needs no sort step', async () => {
    const name = sqliteIndexName(indexes[0]!);
    const plan = store.explainFind('filings', {
      where: { status: 'submitted' },
      orderBy: [['submittedAt', 'desc']],
      limit: 20,
    });
    expect(plan.join('\n')).toContain(name);
    expect(plan.join('\n')).not.toContain('TEMP B-TREE');
    const page = await store.collection('filings').find({ where: { status: 'submitted' }, orderBy: [['submittedAt', 'desc']], limit: 20 });
    const plan2 = store.explainFind('filings', {
      where: { status: 'submitted' },
      orderBy: [['submittedAt', 'desc']],
      limit: 20,
      cursor: page.nextCursor!,
    });
    expect(plan2.join('\n')).toContain(name);
    // the cursor seeks into the index (a range on the sort key), it does not walk it from the top
    expect(plan2.join('\n')).toMatch(/<expr>=\? AND <expr><\?/);
    const ascPage = await store.collection('filings').find({ orderBy: [['status', 'asc']], limit: 20 });
    expect(store.explainFind('filings', { orderBy: [['status', 'asc']], limit: 20, cursor: ascPage.nextCursor! }).join('\n')).toMatch(
      /<expr>>\?/,
    );
    expect(store.explainFind('filings', { where: { groupId: 'g3' }, limit: 20 }).join('\n')).toContain(sqliteIndexName(indexes[1]!));
    expect(store.explainFind('groups', { where: { 'scope.community': 'c1' }, limit: 20 }).join('\n')).toContain(
      sqliteIndexName(indexes[2]!),
    );
  });

  it('an unindexed find scans (the plan check is able to fail)', () => {
    const plan = store.explainFind('filings', { where: { other: 'x' }, limit: 20 }).join('\n');
    expect(plan).not.toContain('idx_');
    expect(plan).toMatch(/SCAN/);
  });

  it('a non-transactional call inside transaction() fails fast instead of deadlocking', async () => {
    await expect(
      store.transaction(async () => {
        await store.collection('filings').get('f1');
      }),
    ).rejects.toThrow(/inside transaction/);
    await expect(store.transaction(async () => store.transaction(async () => 1))).rejects.toThrow(/nested/);
  });

  it('other operations wait while a transaction is open, and see only committed state', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const tx = store.transaction(async (t) => {
      await t.update('filings', 'f1', { note: 'in-tx' });
      await gate;
    });
    const read = store.collection('filings').get('f1');
    let readDone = false;
    void read.then(() => (readDone = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(readDone).toBe(false);
    release();
    await tx;
    expect(await read).toMatchObject({ note: 'in-tx', version: 2 });
  });

  it('a table first created inside a rolled-back transaction is recreated on next use', async () => {
    await expect(
      store.transaction(async (t) => {
        await t.insert('lazy_new', { _id: 'x' });
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await store.collection('lazy_new').get('x')).toBeNull();
    await store.collection('lazy_new').insert({ _id: 'y' });
    expect(await store.collection('lazy_new').count()).toBe(1);
  });

  it('rejects unsafe collection and index names', () => {
    expect(() => store.collection('x"; DROP TABLE filings; --')).toThrow(TypeError);
    expect(() => store.collection('sqlite_master')).toThrow(TypeError);
    expect(() =>
      createSqliteStore({ file: ':memory:', indexes: [{ collection: 'a', name: 'x y', fields: [['f', 'asc']] }] }),
    ).toThrow(TypeError);
  });

  it('a closed store refuses work', async () => {
    const s = createSqliteStore({ file: ':memory:' });
    await s.close();
    await expect(s.collection('a').get('x')).rejects.toThrow(/closed/);
  });
});
