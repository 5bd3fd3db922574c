import { C, type TEventDoc, type TOutboxDoc, type TRegistrationDoc, type TStatDoc, type TUserDoc } from '../../cloudfunctions/core/collections';
import type { TPorts } from '../../cloudfunctions/core/context';
import { codeFor, codeWindowAt } from '../../cloudfunctions/core/events/check-in-code';
import { personStatId } from '../../cloudfunctions/core/events/stats';
import { HANDLERS } from '../../cloudfunctions/core/functions';
import { runReminders } from '../../cloudfunctions/core/jobs/reminders';
import { localPorts } from '../../cloudfunctions/core/platform/local-ports';
import { createCloudbaseStore } from '../../cloudfunctions/core/storage/cloudbase';
import { createSqliteStore } from '../../cloudfunctions/core/storage/sqlite';
import type { TStore } from '../../cloudfunctions/core/storage/port';
import { INDEXES } from '../../cloudfunctions/core/indexes';
import type { TEnvelope } from '../../types/envelope';
import { fixedClock, seededDocuments, seededImage } from '../support/app';
import { eventInput } from '../support/event-input';
import { fakeCloudbase } from '../storage/fake-cloudbase';

/**
 * Check-in, hand marks and reminder runs racing each other, on both transaction models: SQLite (one transaction at
 * a time) and the CloudBase adapter over the fake server (snapshots, write conflicts, retries). Whatever the order,
 * each person is counted once, the counters equal a recount, and each reminder is sent once.
 */

const MINUTE = 60_000;

interface THarness {
  store: TStore;
  clock: ReturnType<typeof fixedClock>;
  ports: TPorts;
  call(as: string, action: string, input: object): Promise<TEnvelope<unknown>>;
  /** Transactions started beyond those committed: lost races that were retried (CloudBase only). */
  retried?(): number;
  close(): Promise<void>;
}

/** `store` already holds the seeded demo (with EXTRA_USERS), copied as stored. */
async function harness(store: TStore, clock: ReturnType<typeof fixedClock>, close: () => Promise<void> | void): Promise<THarness> {
  const ports = localPorts(store, { clock });
  return {
    store,
    clock,
    ports,
    call: (as, action, input) => HANDLERS.events({ action, ...input }, { ...ports, caller: { openid: as } }),
    close: async () => close(),
  };
}

const BACKENDS: Array<[string, () => Promise<THarness>]> = [
  [
    'SQLite',
    async () => {
      const clock = fixedClock();
      const store = createSqliteStore({ file: ':memory:', indexes: INDEXES, clock: clock.now, image: await seededImage() });
      return harness(store, clock, () => store.close());
    },
  ],
  [
    'CloudBase adapter, fake server',
    async () => {
      const clock = fixedClock();
      const fake = fakeCloudbase();
      for (const name of Object.values(C)) fake.server.createCollection(name);
      for (const { collection, doc } of await seededDocuments()) fake.server.importRaw(collection, doc);
      // Every caller writes the one event document: enough retries that each loser gets through.
      const store = createCloudbaseStore({ db: fake.db, clock: clock.now, maxTransactionAttempts: 40 });
      const count = (action: string) => fake.server.calls.filter((c) => c.action === action).length;
      const h = await harness(store, clock, () => fake.restore());
      return { ...h, retried: () => count('database.startTransaction') - count('database.commitTransaction') };
    },
  ],
];

function ok<T>(envelope: TEnvelope<unknown>): T {
  if (!envelope.ok) throw new Error(`call failed: ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}

describe.each(BACKENDS)('%s', (_name, make) => {
  let h: THarness;
  beforeEach(async () => {
    h = await make();
  });
  afterEach(() => h.close());

  test('simultaneous check-ins (each tapped twice) and hand marks of the same people count each person once', async () => {
    const now = h.clock.now();
    const startAt = now + 60 * MINUTE;
    const input = eventInput(now, { startAt, endAt: startAt + 2 * 60 * MINUTE, signupDeadline: now + 5 * MINUTE, capacity: null, isVolunteer: true });
    const eventId = ok<{ events: Array<{ id: string }> }>(await h.call('demo-leader', 'create', input)).events[0]!.id;
    const people = Array.from({ length: 8 }, (_, i) => `p${i}`);
    const regIds: Record<string, string> = {};
    for (const p of people) regIds[p] = ok<{ registration: { id: string } }>(await h.call(p, 'signUp', { eventId })).registration.id;
    h.clock.advance(startAt - 10 * MINUTE - h.clock.now());
    const event = (await h.store.collection<TEventDoc>(C.events).get(eventId))!;
    const code = codeFor(event.checkInSecret, codeWindowAt(h.clock.now()));

    const calls = [
      ...people.flatMap((p) => [h.call(p, 'checkIn', { eventId, code }), h.call(p, 'checkIn', { eventId, code })]),
      ...people.slice(0, 4).map((p) => h.call('demo-leader', 'markAttendance', { registrationId: regIds[p], present: true })),
    ];
    const retriedBefore = h.retried?.() ?? 0;
    const answers = await Promise.all(calls);
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    // On CloudBase the race is real: transactions lost to a concurrent write and ran again on what it committed.
    if (h.retried) expect(h.retried() - retriedBefore).toBeGreaterThan(0);

    const after = (await h.store.collection<TEventDoc>(C.events).get(eventId))!;
    const regs = (await h.store.collection<TRegistrationDoc>(C.registrations).find({ where: { eventId }, limit: 100 })).items;
    expect(regs.filter((r) => r.attended)).toHaveLength(people.length);
    expect(after.checkedInCount).toBe(people.length);
    for (const p of people) {
      expect(await h.store.collection<TStatDoc>(C.stats).get(personStatId(p))).toMatchObject({ attendances: 1, volunteerMinutes: 120 });
    }
  });

  test('three reminder runs at once send each reminder once', async () => {
    const now = h.clock.now();
    const startAt = now + 26 * 60 * MINUTE;
    const input = eventInput(now, { startAt, endAt: startAt + 60 * MINUTE, signupDeadline: now + 60 * MINUTE, capacity: null });
    const eventId = ok<{ events: Array<{ id: string }> }>(await h.call('demo-leader', 'create', input)).events[0]!.id;
    const people = Array.from({ length: 6 }, (_, i) => `q${i}`);
    for (const p of people) ok(await h.call(p, 'signUp', { eventId }));
    h.clock.advance(startAt - 3 * 60 * MINUTE - h.clock.now());
    const runs = await Promise.all([runReminders(h.ports), runReminders(h.ports), runReminders(h.ports)]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(people.length);
    const sent = (await h.store.collection<TOutboxDoc>(C.outbox).find({ where: { kind: 'event_reminder' }, limit: 100 })).items;
    expect(sent.map((n) => n.to).sort()).toEqual(people);
  });
});
