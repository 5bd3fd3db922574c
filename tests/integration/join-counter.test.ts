import { C, type TGroupDoc, type TMembershipDoc } from '../../cloudfunctions/core/collections';
import { membershipIdFor } from '../../cloudfunctions/core/groups/membership-id';
import type { TStore } from '../../cloudfunctions/core/storage/port';
import type { TEnvelope } from '../../types/envelope';
import { createTestApp, type TTestApp } from '../support/app';
import { backendsFor, type TBackendHarness } from '../support/backends';

// The CloudBase-fake runs interleave hundreds of requests with simulated latency: seconds on a loaded 2-core machine,
// as in the other concurrency suites.
jest.setTimeout(60_000);

/**
 * `pendingJoinCount` on a group (the badges' source) must always equal a recount of its pending memberships:
 * after any sequence of joins, decisions and cancels, and under simultaneous joins and cancels on both
 * transaction models (SQLite in arrival order; CloudBase snapshots with conflicts and retries).
 */

const LAONIAN = 'g_seed_laonian';
const LEADER = 'demo-leader';
const DEPUTY = 'seed-deputy-laonian';

async function counterAndRecount(store: TStore, groupId = LAONIAN) {
  const group = (await store.collection<TGroupDoc>(C.groups).get(groupId))!;
  const recount = await store.collection<TMembershipDoc>(C.memberships).count({ groupId, status: 'pending' });
  return { counter: group.pendingJoinCount ?? 0, recount };
}

/** A small deterministic generator (mulberry32), so a failing sequence can be replayed from its seed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the waiting-requests counter against a recount', () => {
  let app: TTestApp;
  beforeEach(async () => {
    app = await createTestApp();
  });
  afterEach(() => app.close());

  test('join, approve, decline, cancel and join again: the counter follows each step', async () => {
    const steps: Array<[string, () => Promise<unknown>, number]> = [
      ['a joins', () => app.ok('applicant-a', 'groups', 'join', { groupId: LAONIAN }), 1],
      ['a joins again (nothing changes)', () => app.ok('applicant-a', 'groups', 'join', { groupId: LAONIAN }), 1],
      ['b joins', () => app.ok('applicant-b', 'groups', 'join', { groupId: LAONIAN }), 2],
      ['c joins', () => app.ok('applicant-c', 'groups', 'join', { groupId: LAONIAN }), 3],
      ['a approved', () => app.ok(LEADER, 'manage', 'decideJoin', { membershipId: membershipIdFor(LAONIAN, 'applicant-a'), decision: 'approve' }), 2],
      ['a approved again', () => app.ok(DEPUTY, 'manage', 'decideJoin', { membershipId: membershipIdFor(LAONIAN, 'applicant-a'), decision: 'approve' }), 2],
      ['b declined', () => app.ok(DEPUTY, 'manage', 'decideJoin', { membershipId: membershipIdFor(LAONIAN, 'applicant-b'), decision: 'decline' }), 1],
      ['c cancels', () => app.ok('applicant-c', 'groups', 'cancelJoin', { groupId: LAONIAN }), 0],
      ['c cancels again', () => app.ok('applicant-c', 'groups', 'cancelJoin', { groupId: LAONIAN }), 0],
      ['b applies again after the decline', () => app.ok('applicant-b', 'groups', 'join', { groupId: LAONIAN }), 1],
      ['c applies again after cancelling', () => app.ok('applicant-c', 'groups', 'join', { groupId: LAONIAN }), 2],
      ['a (a member now) leaves', () => app.ok('applicant-a', 'groups', 'leave', { groupId: LAONIAN }), 2],
    ];
    for (const [what, run, expected] of steps) {
      await run();
      expect({ what, ...(await counterAndRecount(app.store)) }).toEqual({ what, counter: expected, recount: expected });
    }
  });

  test('a seeded random sequence of 120 moves by 8 applicants keeps counter = recount', async () => {
    const next = random(20261129);
    const people = Array.from({ length: 8 }, (_, i) => `applicant-${i}`);
    for (let step = 0; step < 120; step += 1) {
      const who = people[Math.floor(next() * people.length)]!;
      const id = membershipIdFor(LAONIAN, who);
      const move = Math.floor(next() * 4);
      // Moves that do not fit the membership's state are refused (INVALID_STATE); the counter must not move then either.
      if (move === 0) await app.call(who, 'groups', 'join', { groupId: LAONIAN });
      else if (move === 1) await app.call(who, 'groups', 'cancelJoin', { groupId: LAONIAN });
      else await app.call(LEADER, 'manage', 'decideJoin', { membershipId: id, decision: move === 2 ? 'approve' : 'decline' });
      const { counter, recount } = await counterAndRecount(app.store);
      expect({ step, counter }).toEqual({ step, counter: recount });
    }
  });
});

function data<T>(envelope: TEnvelope<unknown>): T {
  if (!envelope.ok) throw new Error(`call failed: ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}

describe.each(backendsFor('groups'))('simultaneous joins and cancels — %s', (_name, makeHarness) => {
  let h: TBackendHarness;
  beforeEach(async () => {
    h = await makeHarness();
  });
  afterEach(() => h.close());

  test('ten people ask at once, then five cancel while three more ask and two ask again: counter = recount', async () => {
    const first = Array.from({ length: 10 }, (_, i) => `racer-${i}`);
    await Promise.all(first.map(async (who) => data(await h.call(who, 'join', { groupId: LAONIAN }))));
    expect(await counterAndRecount(h.store)).toEqual({ counter: 10, recount: 10 });

    const later = Array.from({ length: 3 }, (_, i) => `late-${i}`);
    await Promise.all([
      ...first.slice(0, 5).map(async (who) => data(await h.call(who, 'cancelJoin', { groupId: LAONIAN }))),
      ...later.map(async (who) => data(await h.call(who, 'join', { groupId: LAONIAN }))),
      ...first.slice(8).map(async (who) => data(await h.call(who, 'join', { groupId: LAONIAN }))),
    ]);
    expect(await counterAndRecount(h.store)).toEqual({ counter: 8, recount: 8 });
  });
});
