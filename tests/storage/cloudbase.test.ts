/**
 * The CloudBase adapter, three ways:
 * 1. Query translation, asserted on the exact wire requests the real SDK produces (always runs).
 * 2. The full contract suite over the real SDK with an in-memory fake server (always runs; a model).
 * 3. The full contract suite against a real environment (only with credentials; skipped visibly otherwise).
 */
import tcb from '@cloudbase/node-sdk';
import {
  createCloudbaseStore,
  createCloudbaseStoreFromEnv,
  isConflictError,
  isDuplicateError,
} from '../../cloudfunctions/core/storage/cloudbase';
import { DuplicateIdError, TransactionConflictError, type TStore } from '../../cloudfunctions/core/storage/port';
import { describeStoreContract } from './contract';
import { fakeCloudbase, type FakeCloudbaseServer, type TRecordedCall } from './fake-cloudbase';

describe('cloudbase adapter: translation to wire requests (real SDK, fake server)', () => {
  let server: FakeCloudbaseServer;
  let store: TStore;
  let restore: () => void;

  beforeAll(async () => {
    const fake = fakeCloudbase();
    ({ server, restore } = fake);
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

describe('cloudbase adapter with the fake server', () => {
  let restore: (() => void) | undefined;
  afterAll(() => restore?.());
  describeStoreContract('cloudbase (real SDK, in-memory fake server)', () => {
    const fake = fakeCloudbase();
    restore = fake.restore;
    return createCloudbaseStore({ db: fake.db });
  });
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
    });
  });
} else {
  console.warn(
    'CloudBase contract suite skipped: set TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY to run it against a real environment',
  );
  describe.skip('cloudbase adapter against a real environment (needs TCB_ENV + TENCENTCLOUD_SECRETID/SECRETKEY)', () => {
    describeStoreContract('cloudbase (real environment)', () => createCloudbaseStoreFromEnv(env));
  });
}
