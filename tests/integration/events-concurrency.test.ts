import { C, type TEventDoc, type TOutboxDoc, type TRegistrationDoc } from '../../cloudfunctions/core/collections';
import { registrationIdFor } from '../../cloudfunctions/core/events/registration-id';
import type { TEnvelope } from '../../types/envelope';
import type { TMyRegistration } from '../../types/events';
import { eventInput } from '../support/event-input';
import { backendsFor, type TBackendHarness } from '../support/backends';

/**
 * Capacity under simultaneous sign-ups and cancels, on both transaction models the app runs on:
 * - SQLite, where transactions run one at a time in arrival order (so "arrival order" is the order of the calls);
 * - the CloudBase adapter over the fake server, which gives each transaction a snapshot and aborts the loser of a
 *   write conflict (then the adapter retries it on what the winner committed): there arrival order is commit order,
 *   and each waitlisted person must have been told the place they really hold.
 * After every race the event's counters must equal a recount of its registrations, with nobody over capacity and
 * nobody waiting while a place is free.
 */

type THarness = TBackendHarness;
const BACKENDS = backendsFor('events');

const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

function data<T>(envelope: TEnvelope<unknown>): T {
  if (!envelope.ok) throw new Error(`call failed: ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}

async function newEvent(h: THarness, capacity: number): Promise<string> {
  const now = Date.UTC(2026, 10, 28, 2, 0, 0);
  const created = data<{ events: Array<{ id: string }> }>(await h.call('demo-leader', 'create', eventInput(now, { capacity })));
  return created.events[0]!.id;
}

/** The counters and the line against a recount of the registrations. */
async function expectConsistent(h: THarness, eventId: string) {
  const event = (await h.store.collection<TEventDoc>(C.events).get(eventId))!;
  const regs = (await h.store.collection<TRegistrationDoc>(C.registrations).find({ where: { eventId }, limit: 100 })).items;
  const registered = regs.filter((r) => r.status === 'registered');
  const waiting = regs.filter((r) => r.status === 'waitlisted');
  expect(event.registeredCount).toBe(registered.length);
  if (event.capacity !== null) expect(event.registeredCount).toBeLessThanOrEqual(event.capacity);
  if (event.waitlist.length > 0) expect(event.registeredCount).toBe(event.capacity);
  expect(new Set(event.waitlist).size).toBe(event.waitlist.length);
  expect([...event.waitlist].sort()).toEqual(waiting.map((r) => r._id).sort());
  return { event, registered, waiting };
}

describe.each(BACKENDS)('%s', (_name, makeHarness, { ordered }) => {
  let h: THarness;
  beforeEach(async () => {
    h = await makeHarness();
  });
  afterEach(() => h.close());

  test('M > K simultaneous sign-ups for K places: exactly K registered, M − K waitlisted in arrival order', async () => {
    const K = 4;
    const eventId = await newEvent(h, K);
    const who = people('s', 11);
    const retriedBefore = h.retried();
    const answers = await Promise.all(who.map((p) => h.call(p, 'signUp', { eventId })));
    const regs = answers.map((a) => data<{ registration: TMyRegistration }>(a).registration);

    const { event, registered } = await expectConsistent(h, eventId);
    expect(registered).toHaveLength(K);
    expect(event.waitlist).toHaveLength(who.length - K);
    // Everyone was told the place they hold: positions 1..M−K, each once, matching the stored line.
    const told = regs.filter((r) => r.status === 'waitlisted');
    expect(told.map((r) => r.waitlistPosition).sort((a, b) => a! - b!)).toEqual(event.waitlist.map((_, i) => i + 1));
    for (const r of told) expect(event.waitlist[r.waitlistPosition! - 1]).toBe(r.id);
    // On CloudBase the race was real: transactions lost on the event document and ran again.
    if (!ordered) expect(h.retried() - retriedBefore).toBeGreaterThan(0);
    if (ordered) {
      expect(regs.map((r) => r.status)).toEqual([...Array(K).fill('registered'), ...Array(who.length - K).fill('waitlisted')]);
      expect(event.waitlist).toEqual(who.slice(K).map((p) => registrationIdFor(eventId, p)));
    }
  }, 60_000);

  test('simultaneous cancellations promote exactly as many as left, first in line first', async () => {
    const K = 3;
    const eventId = await newEvent(h, K);
    const who = people('c', 8);
    for (const p of who) data(await h.call(p, 'signUp', { eventId })); // one by one: c-0..2 hold places, c-3..7 wait
    const before = (await h.store.collection<TEventDoc>(C.events).get(eventId))!.waitlist;

    const leaving = who.slice(0, K);
    const answers = await Promise.all(leaving.map((p) => h.call(p, 'cancelSignUp', { eventId })));
    for (const a of answers) expect(data<{ registration: TMyRegistration }>(a).registration.status).toBe('cancelled');

    const { event, registered } = await expectConsistent(h, eventId);
    expect(registered.map((r) => r._id).sort()).toEqual(before.slice(0, K).sort());
    expect(event.waitlist).toEqual(before.slice(K));
  }, 60_000);

  test('an event cancelled while people sign up: every sign-up that landed is told, none lands after', async () => {
    const eventId = await newEvent(h, 3);
    const who = people('x', 6);
    const answers = await Promise.all([
      ...who.slice(0, 3).map((p) => h.call(p, 'signUp', { eventId })),
      h.call('demo-leader', 'cancel', { eventId, reason: '场地临时维修' }),
      ...who.slice(3).map((p) => h.call(p, 'signUp', { eventId })),
    ]);
    const landed = who.filter((_, i) => answers[i < 3 ? i : i + 1]!.ok);
    for (const [i, a] of answers.entries()) {
      if (i !== 3 && !a.ok) expect(a.error).toMatchObject({ code: 'INVALID_STATE', message: '活动已取消，不能报名' });
    }
    const { event, registered, waiting } = await expectConsistent(h, eventId);
    expect(event.status).toBe('cancelled');
    expect([...registered, ...waiting].map((r) => r.openid).sort()).toEqual([...landed].sort());
    const told = (await h.store.collection<TOutboxDoc>(C.outbox).find({ where: { kind: 'event_cancelled' }, limit: 100 })).items.map((n) => n.to);
    expect(told.sort()).toEqual([...landed].sort());
  }, 60_000);

  test('cancels racing sign-ups never leave the event over capacity or a free place unfilled while someone waits', async () => {
    const K = 3;
    const eventId = await newEvent(h, K);
    const holders = people('h', 5);
    for (const p of holders) data(await h.call(p, 'signUp', { eventId })); // 3 hold places, 2 wait
    let pool = [...holders];
    // Rounds of a random mix: some holders cancel while newcomers (and some who cancelled) sign up.
    for (let round = 0; round < 6; round++) {
      const cancels = pool.filter((_, i) => (i + round) % 3 === 0);
      const signUps = [...people(`n${round}`, 2), ...(round % 2 ? cancels.slice(0, 1) : [])];
      const calls = [
        ...cancels.map((p) => () => h.call(p, 'cancelSignUp', { eventId })),
        ...signUps.map((p) => () => h.call(p, 'signUp', { eventId })),
      ].sort(() => (round % 2 ? 1 : -1));
      const answers = await Promise.all(calls.map((c) => c()));
      for (const a of answers) expect(a.ok).toBe(true);
      await expectConsistent(h, eventId);
      pool = [...pool.filter((p) => !cancels.includes(p)), ...signUps];
    }
  }, 120_000);
});
