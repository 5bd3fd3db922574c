import { C, type TUserDoc } from '../../cloudfunctions/core/collections';
import { HANDLERS } from '../../cloudfunctions/core/functions';
import { localPorts } from '../../cloudfunctions/core/platform/local-ports';
import { createCloudbaseStore } from '../../cloudfunctions/core/storage/cloudbase';
import type { TStore } from '../../cloudfunctions/core/storage/port';
import type { TFunctionName } from '../../types';
import type { TEnvelope } from '../../types/envelope';
import { fakeCloudbase } from '../storage/fake-cloudbase';
import { createTestApp, fixedClock, seededDocuments } from './app';

/**
 * One function's handler on the demo seed, on either transaction model, for the race tests: SQLite runs
 * transactions one at a time in arrival order; the CloudBase adapter over the fake server gives each a snapshot,
 * aborts the loser of a write conflict and retries it.
 */
export interface TBackendHarness {
  store: TStore;
  now(): number;
  call(as: string, action: string, input: object): Promise<TEnvelope<unknown>>;
  /** Transactions started beyond those that committed: lost races that were retried (0 on SQLite). */
  retried(): number;
  close(): Promise<void>;
}

async function sqliteHarness(fn: TFunctionName): Promise<TBackendHarness> {
  const app = await createTestApp();
  return {
    store: app.store,
    now: app.clock.now,
    call: (as, action, input) => app.raw(fn, { action, ...input }, as),
    retried: () => 0,
    close: () => app.close(),
  };
}

async function cloudbaseHarness(fn: TFunctionName): Promise<TBackendHarness> {
  const clock = fixedClock();
  const fake = fakeCloudbase();
  for (const name of Object.values(C)) fake.server.createCollection(name);
  // Many callers on one document: allow enough retries that every loser gets through, as the tests assert.
  const store = createCloudbaseStore({ db: fake.db, clock: clock.now, maxTransactionAttempts: 40 });
  // The seeded demo loaded as stored (seeding through the fake's snapshots would take seconds).
  for (const { collection, doc } of await seededDocuments()) fake.server.importRaw(collection, doc);
  const ports = localPorts(store, { clock });
  const count = (action: string) => fake.server.calls.filter((c) => c.action === action).length;
  return {
    store,
    now: clock.now,
    call: (as, action, input) => HANDLERS[fn]({ action, ...input }, { ...ports, caller: { openid: as } }),
    retried: () => count('database.startTransaction') - count('database.commitTransaction'),
    close: async () => fake.restore(),
  };
}

/** Both backends for `describe.each`: a name, the harness for `fn`, and whether transactions land in arrival order. */
export function backendsFor(fn: TFunctionName): Array<[string, () => Promise<TBackendHarness>, { ordered: boolean }]> {
  return [
    ['SQLite (transactions in arrival order)', () => sqliteHarness(fn), { ordered: true }],
    ['CloudBase adapter, fake server (snapshots, conflicts, retries)', () => cloudbaseHarness(fn), { ordered: false }],
  ];
}
