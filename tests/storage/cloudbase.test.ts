/**
 * The CloudBase adapter, three ways:
 * 1. Query translation, asserted on the exact wire requests the real SDK produces (always runs).
 * 2. The full contract suite over the real SDK with an in-memory fake server (always runs; a model).
 * 3. The full contract suite against a real environment (only with credentials; skipped visibly otherwise).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import {
  createCloudbaseStore,
  createCloudbaseStoreFromEnv,
  DEFAULT_REQUEST_TIMEOUT_MS,
  isConflictError,
  isDuplicateError,
} from '../../cloudfunctions/core/storage/cloudbase';
import { DuplicateIdError, TransactionConflictError, type TDoc, type TStore } from '../../cloudfunctions/core/storage/port';
import { describeStoreContract } from './contract';
import { fakeCloudbase, SERVER_ERRORS, type FakeCloudbaseServer, type TRecordedCall } from './fake-cloudbase';

describe('cloudbase adapter: translation to wire requests (real SDK, fake server)', () => {
  let server: FakeCloudbaseServer;
  let store: TStore;
  let restore: () => void;

  beforeAll(async () => {
    const fake = fakeCloudbase();
    ({ server, restore } = fake);
    // As setup:cloud would: CloudBase creates no collection on first write.
    for (const name of ['items', 'nulls']) server.createCollection(name);
    store = createCloudbaseStore({ db: fake.db, clock: () => 1000 });
    await store.collection('items').insert({ _id: 'a', g: 2, h: 'b' });
  });
  afterAll(() => restore());

  function lastCall(action: string): TRecordedCall {
    const call = [...server.calls].reverse().find((c) => c.action === action);
    if (!call) throw new Error(`no ${action} call`);
    return call;
  }

  it('a single condition is sent as is; several become one $and of single-field objects', async () => {
    await store.collection('items').find({ where: { g: 2 }, limit: 10 });
    expect(lastCall('database.getDocument').params.query).toEqual({ g: { $eq: 2 } });

    await store.collection('items').find({
      where: {
        s: 'x',
        b: true,
        z: null,
        n: { gt: 1, lte: 5 },
        k: { neq: 'q' },
        m: { in: ['a', 1, null] },
        tags: { has: 'red' },
        'addr.city': { eq: 'sh' },
      },
      limit: 10,
    });
    expect(lastCall('database.getDocument').params.query).toEqual({
      $and: [
        { s: { $eq: 'x' } },
        { b: { $eq: true } },
        { z: { $eq: null } },
        { n: { $gt: 1 } },
        { n: { $lte: 5 } },
        { k: { $ne: 'q' } },
        { m: { $in: ['a', 1, null] } },
        { tags: 'red' },
        { 'addr.city': { $eq: 'sh' } },
      ],
    });
  });

  it('orders by the keys then _id, and asks for limit + 1 rows', async () => {
    await store.collection('items').find({ orderBy: [['g', 'desc'], ['h', 'asc']], limit: 10 });
    const { params } = lastCall('database.getDocument');
    expect(params.order).toEqual({ g: -1, h: 1, _id: 1 });
    expect(Object.keys(params.order as object)).toEqual(['g', 'h', '_id']);
    expect(params.limit).toBe(11);
    expect(params.query).toBeUndefined();
  });

  it('a cursor becomes keyset or-conditions (desc keys also admit null/missing)', async () => {
    const c = store.collection('items');
    for (const [i, g] of [1, 2, 2, 3].entries()) await c.insert({ _id: `k${i}`, g, h: 'b' });
    const first = await c.find({ where: { h: 'b' }, orderBy: [['g', 'desc'], ['h', 'asc']], limit: 1 });
    expect(first.items.map((d) => d._id)).toEqual(['k3']);
    await c.find({ where: { h: 'b' }, orderBy: [['g', 'desc'], ['h', 'asc']], limit: 1, cursor: first.nextCursor! });
    expect(lastCall('database.getDocument').params.query).toEqual({
      $and: [
        { h: { $eq: 'b' } },
        {
          $or: [
            { $or: [{ g: { $lt: 3 } }, { g: { $eq: null } }] },
            { $and: [{ g: { $eq: 3 } }, { h: { $gt: 'b' } }] },
            { $and: [{ g: { $eq: 3 } }, { h: { $eq: 'b' } }, { _id: { $gt: 'k3' } }] },
          ],
        },
      ],
    });
  });

  it('null cursor values: asc continues with $ne null, desc only within the null tie', async () => {
    const c = store.collection('nulls');
    await c.insert({ _id: 'n1' });
    await c.insert({ _id: 'n2' });
    const asc = await c.find({ orderBy: [['opt', 'asc']], limit: 1 });
    await c.find({ orderBy: [['opt', 'asc']], limit: 1, cursor: asc.nextCursor! });
    expect(lastCall('database.getDocument').params.query).toEqual({
      $or: [{ opt: { $ne: null } }, { $and: [{ opt: { $eq: null } }, { _id: { $gt: 'n1' } }] }],
    });
    const desc = await c.find({ orderBy: [['opt', 'desc']], limit: 1 });
    await c.find({ orderBy: [['opt', 'desc']], limit: 1, cursor: desc.nextCursor! });
    expect(lastCall('database.getDocument').params.query).toEqual({
      $and: [{ opt: { $eq: null } }, { _id: { $gt: 'n1' } }],
    });
  });

  it('insert sends the _id and meta fields in the document', async () => {
    await store.collection('items').insert({ _id: 'new', title: 't' });
    expect(lastCall('database.insertDocument').params.data).toEqual([
      { _id: 'new', title: 't', createdAt: 1000, updatedAt: 1000, version: 1 },
    ]);
  });

  it('updateIfVersion is one where({_id, version}).update with $set, $inc version, and _.set for objects', async () => {
    expect(await store.collection('items').updateIfVersion('a', 1, { h: 'c', addr: { city: 'x' }, list: [1] })).toBe(true);
    const { params } = lastCall('database.modifyDocument');
    expect(params.query).toEqual({ _id: 'a', version: 1 });
    expect(params.data).toEqual({ $set: { h: 'c', addr: { city: 'x' }, list: [1], updatedAt: 1000 }, $inc: { version: 1 } });
    expect(params.transactionId).toBeUndefined();
  });

  it('count sends the same query; remove goes by doc id', async () => {
    expect(await store.collection('items').count({ g: { gte: 2 } })).toBe(4);
    expect(lastCall('database.calculateDocument').params.query).toEqual({ g: { $gte: 2 } });
    expect(await store.collection('items').remove('new')).toBe(true);
    expect(lastCall('database.removeDocument').params).toMatchObject({ query: { _id: 'new' }, queryType: 'DOC', multi: false });
  });

  it('transaction ops go by doc id and all carry the transaction id', async () => {
    const from = server.calls.length;
    await store.transaction(async (tx) => {
      expect(await tx.get('items', 'a')).toMatchObject({ _id: 'a', version: 2 });
      expect(await tx.get('items', 'missing')).toBeNull();
      await tx.update('items', 'a', { h: 'd' });
      await tx.insert('items', { _id: 'tx1' });
      await tx.remove('items', 'tx1');
    });
    const calls = server.calls.slice(from);
    expect(calls.map((c) => c.action)).toEqual([
      'database.startTransaction',
      'database.getDocument',
      'database.getDocument',
      'database.modifyDocument',
      'database.insertDocument',
      'database.removeDocument',
      'database.commitTransaction',
    ]);
    const txId = calls[6]!.params.transactionId;
    expect(txId).toBeTruthy();
    for (const call of calls.slice(1)) expect(call.params.transactionId).toBe(txId);
    for (const call of calls.slice(1, 6)) if (call.action !== 'database.insertDocument') expect(call.params.queryType).toBe('DOC');
  });

  it('maps duplicate errors by code or by MongoDB message', async () => {
    server.duplicateStyle = 'message';
    try {
      await expect(store.collection('items').insert({ _id: 'a' })).rejects.toBeInstanceOf(DuplicateIdError);
    } finally {
      server.duplicateStyle = 'code';
    }
    await expect(store.collection('items').insert({ _id: 'a' })).rejects.toBeInstanceOf(DuplicateIdError);
    expect(isDuplicateError({ code: 'DATABASE_DUPLICATE_WRITE' })).toBe(true);
    expect(isDuplicateError({ code: 'X', message: 'E11000 duplicate key error' })).toBe(true);
    expect(isDuplicateError({ code: 'DATABASE_PERMISSION_DENIED', message: 'no' })).toBe(false);
    expect(isConflictError({ code: 'DATABASE_TRANSACTION_CONFLICT' })).toBe(true);
    expect(isConflictError(SERVER_ERRORS.conflict)).toBe(true);
    expect(isConflictError(SERVER_ERRORS.transactionNotExist)).toBe(true);
    expect(isConflictError({ code: 'SYS_ERR', message: SERVER_ERRORS.conflict.message })).toBe(true);
    // The same code for another reason is not a lost race.
    expect(isConflictError({ code: 'DATABASE_TRANSACTION_FAIL', message: 'transaction exceeds size limit' })).toBe(false);
    expect(isConflictError(new Error('boom'))).toBe(false);
  });

  it('retries conflicting transactions, rolling each attempt back, then throws TransactionConflictError', async () => {
    const fake = fakeCloudbase(server);
    const limited = createCloudbaseStore({ db: fake.db, maxTransactionAttempts: 3 });
    server.alwaysConflict = true;
    let attempts = 0;
    const from = server.calls.length;
    try {
      await expect(
        limited.transaction(async (tx) => {
          attempts += 1;
          await tx.update('items', 'a', { h: 'never' });
        }),
      ).rejects.toBeInstanceOf(TransactionConflictError);
    } finally {
      server.alwaysConflict = false;
    }
    expect(attempts).toBe(3);
    const actions = server.calls.slice(from).map((c) => c.action);
    expect(actions.filter((a) => a === 'database.abortTransaction')).toHaveLength(3);
    expect(actions).not.toContain('database.commitTransaction');
    expect((await store.collection('items').get('a'))?.h).toBe('d');
  });

  it('rejects invalid input before sending anything', async () => {
    const from = server.calls.length;
    expect(() => store.collection('Bad')).toThrow(TypeError);
    await expect(store.collection('items').find({ limit: 0 })).rejects.toThrow(RangeError);
    await expect(store.collection('items').updateIfVersion('a', 1, { version: 9 })).rejects.toThrow(TypeError);
    await expect(store.collection('items').find({ limit: 5, cursor: 'garbage!' })).rejects.toThrow('cursor');
    expect(server.calls.length).toBe(from);
  });
});

describe('cloudbase adapter: the service as it really behaves (real SDK, fake server)', () => {
  let server: FakeCloudbaseServer;
  let store: TStore;
  let db: ReturnType<typeof fakeCloudbase>['db'];
  let restore: () => void;

  beforeAll(() => {
    const fake = fakeCloudbase();
    ({ server, restore, db } = fake);
    server.createCollection('acc');
    store = createCloudbaseStore({ db, maxTransactionAttempts: 3 });
  });
  afterAll(() => restore());
  afterEach(() => {
    server.alwaysConflict = false;
    server.conflictsToInject = 0;
  });

  const actionsSince = (from: number) => server.calls.slice(from).map((c) => c.action);

  it('a collection that was never created is not created by a write: the error names it and the fix', async () => {
    const c = store.collection('never_created');
    const err = await c.insert({ _id: 'x' } as never).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST', message: expect.stringContaining('never_created') });
    expect((err as Error).message).toContain('npm run setup:cloud');
    expect(server.hasCollection('never_created')).toBe(false);
    await expect(c.get('x')).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
    await expect(c.find({ limit: 5 })).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
    await expect(store.transaction((tx) => tx.insert('never_created', { _id: 'x' }))).rejects.toMatchObject({
      code: 'DATABASE_COLLECTION_NOT_EXIST',
    });
  });

  it('a transaction reads a snapshot; its write to a document changed meanwhile conflicts, and the retry loses nothing', async () => {
    await store.collection('acc').insert({ _id: 'snap', n: 1, by: [] } as never);
    const seen: unknown[] = [];
    let attempts = 0;
    await store.transaction(async (tx) => {
      attempts += 1;
      const before = await tx.get<TDoc>('acc', 'snap');
      if (attempts === 1) {
        // Another request commits while this transaction is open (allowed on CloudBase: it is a separate request).
        expect(await store.collection('acc').updateIfVersion('snap', 1, { n: 10 })).toBe(true);
      }
      const again = await tx.get<TDoc>('acc', 'snap');
      seen.push([before?.n, again?.n]);
      await tx.update('acc', 'snap', { n: (again!.n as number) + 1 });
    });
    // Attempt 1 read 1 twice (its snapshot), then conflicted; attempt 2 started after the outside write.
    expect(seen).toEqual([
      [1, 1],
      [10, 10],
    ]);
    expect(await store.collection('acc').get('snap')).toMatchObject({ n: 11, version: 3 });
  });

  it('after a conflict the server dropped the transaction: a swallowed conflict still retries, and no later step is sent', async () => {
    await store.collection('acc').insert({ _id: 'sw', n: 0 } as never);
    server.conflictsToInject = 1;
    let attempts = 0;
    const from = server.calls.length;
    const result = await store.transaction(async (tx) => {
      attempts += 1;
      await tx.update('acc', 'sw', { n: attempts }).catch(() => undefined);
      if (attempts === 1) await expect(tx.get('acc', 'sw')).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
      return 'done';
    });
    expect(result).toBe('done');
    expect(attempts).toBe(2);
    const actions = actionsSince(from);
    // attempt 1: start, update (conflict), rollback; attempt 2: start, update, commit
    expect(actions).toEqual([
      'database.startTransaction',
      'database.modifyDocument',
      'database.abortTransaction',
      'database.startTransaction',
      'database.modifyDocument',
      'database.commitTransaction',
    ]);
    expect(await store.collection('acc').get('sw')).toMatchObject({ n: 2, version: 2 });
  });

  it('a step answering DATABASE_TRANSACTION_FAIL … TransactionNotExist is a lost race: retried, then TransactionConflictError', async () => {
    await store.collection('acc').insert({ _id: 'gone', n: 0 } as never);
    let attempts = 0;
    await store.transaction(async (tx) => {
      attempts += 1;
      await tx.get('acc', 'gone');
      if (attempts === 1) server.dropOpenTransactions();
      await tx.update('acc', 'gone', { n: attempts });
    });
    expect(attempts).toBe(2);
    expect(await store.collection('acc').get('gone')).toMatchObject({ n: 2, version: 2 });

    attempts = 0;
    const err = await store
      .transaction(async (tx) => {
        attempts += 1;
        server.dropOpenTransactions();
        await tx.update('acc', 'gone', { n: -1 });
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransactionConflictError);
    expect((err as Error).message).toContain('TransactionNotExist');
    expect(attempts).toBe(3);
    expect(await store.collection('acc').get('gone')).toMatchObject({ n: 2, version: 2 });
  });

  it('a commit the server no longer knows (TransactionNotExist) is retried too', async () => {
    await store.collection('acc').insert({ _id: 'late', n: 0 } as never);
    let attempts = 0;
    await store.transaction(async (tx) => {
      attempts += 1;
      await tx.update('acc', 'late', { n: attempts });
      // Only the commit can conflict now: make the server drop it before then.
      if (attempts === 1) server.dropOpenTransactions();
    });
    expect(attempts).toBe(2);
    expect(await store.collection('acc').get('late')).toMatchObject({ n: 2, version: 2 });
  });

  it('updateIfVersion checks the version before sending; version 0 (a hand-made document) matches a missing field', async () => {
    const from = server.calls.length;
    for (const bad of [undefined, 1.5, '1', -1]) {
      await expect(store.collection('acc').updateIfVersion('x', bad as never, { n: 1 })).rejects.toThrow(TypeError);
    }
    expect(server.calls.length).toBe(from);
    await db.collection('acc').add({ _id: 'hand', n: 0 });
    expect(await store.collection('acc').updateIfVersion('hand', 0, { n: 1 })).toBe(true);
    const call = [...server.calls].reverse().find((c) => c.action === 'database.modifyDocument')!;
    expect(call.params.query).toEqual({ _id: 'hand', version: null });
    expect(call.params.data).toMatchObject({ $inc: { version: 1 } });
    expect(await store.collection('acc').get('hand')).toMatchObject({ n: 1, version: 1, createdAt: 0 });
  });
});

describe('createCloudbaseStoreFromEnv: the SDK request timeout stays below the function timeout', () => {
  const saved = process.env.TCB_REQUEST_TIMEOUT_MS;
  afterEach(() => {
    if (saved === undefined) delete process.env.TCB_REQUEST_TIMEOUT_MS;
    else process.env.TCB_REQUEST_TIMEOUT_MS = saved;
  });

  function initConfig(): Record<string, unknown> {
    let config: Record<string, unknown> = {};
    const init = ((c: Record<string, unknown>) => {
      config = c;
      return { database: () => ({ command: {} }) };
    }) as unknown as typeof tcb.init;
    createCloudbaseStoreFromEnv('env-1', init);
    return config;
  }

  it('defaults to 8 s, under every function timeout in cloudbaserc.json', () => {
    delete process.env.TCB_REQUEST_TIMEOUT_MS;
    expect(initConfig()).toMatchObject({ env: 'env-1', timeout: DEFAULT_REQUEST_TIMEOUT_MS });
    const rc = JSON.parse(readFileSync(path.join(__dirname, '../../cloudbaserc.json'), 'utf8')) as {
      functions: Array<{ timeout: number }>;
    };
    for (const fn of rc.functions) expect(DEFAULT_REQUEST_TIMEOUT_MS).toBeLessThan(fn.timeout * 1000);
  });

  it('TCB_REQUEST_TIMEOUT_MS overrides it; nonsense is refused', () => {
    process.env.TCB_REQUEST_TIMEOUT_MS = '5000';
    expect(initConfig()).toMatchObject({ timeout: 5000 });
    for (const bad of ['abc', '0', '2.5', '999999']) {
      process.env.TCB_REQUEST_TIMEOUT_MS = bad;
      expect(() => initConfig()).toThrow(RangeError);
    }
  });
});

describe('cloudbase adapter with the fake server', () => {
  let restore: (() => void) | undefined;
  afterAll(() => restore?.());
  let fake: ReturnType<typeof fakeCloudbase> | undefined;
  describeStoreContract(
    'cloudbase (real SDK, in-memory fake server)',
    () => {
      fake = fakeCloudbase();
      restore = fake.restore;
      return createCloudbaseStore({ db: fake.db });
    },
    {
      prepareCollection: (name) => fake!.server.createCollection(name),
      // Through the SDK, as a script or the console would add it: no meta fields.
      importRaw: async (_store, name, doc) => void (await fake!.db.collection(name).add(doc)),
    },
  );
});

const env = process.env.TCB_ENV;
const haveCredentials = !!(env && process.env.TENCENTCLOUD_SECRETID && process.env.TENCENTCLOUD_SECRETKEY);

if (haveCredentials) {
  describe('cloudbase adapter against a real environment', () => {
    // Fixed names, emptied before each use: a real env allows only 100 collections, so runs reuse the same
    // ~35 `contract_*` collections instead of creating new ones. Do not run two of these at once on one env.
    const db = () => tcb.init({ env }).database();
    describeStoreContract('cloudbase (real environment)', () => createCloudbaseStoreFromEnv(env), {
      prefix: 'contract_',
      timeoutMs: 60_000,
      prepareCollection: async (name) => {
        const d = db();
        try {
          await d.createCollection(name);
        } catch {
          // already exists
        }
        await d.collection(name).where({ _id: d.command.exists(true) }).remove();
      },
      importRaw: async (_store, name, doc) => void (await db().collection(name).add(doc)),
    });
  });
} else {
  console.warn(
    'CloudBase contract suite skipped: set TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY to run it against a real environment',
  );
  describe.skip('cloudbase adapter against a real environment (needs TCB_ENV + TENCENTCLOUD_SECRETID/SECRETKEY)', () => {
    describeStoreContract('cloudbase (real environment)', () => createCloudbaseStoreFromEnv(env), {
      importRaw: async () => undefined,
    });
  });
}
