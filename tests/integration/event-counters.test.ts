import { EVENT_LIMITS } from '../../types/events';
import { C, type TEventDoc, type TRegistrationDoc, type TStatDoc } from '../../cloudfunctions/core/collections';
import { codeFor, codeWindowAt } from '../../cloudfunctions/core/events/check-in-code';
import { chinaMonth, communityStatId, groupStatId, personStatId, PERSON_MONTH, volunteerMinutesPerAttendance } from '../../cloudfunctions/core/events/stats';
import type { TStore } from '../../cloudfunctions/core/storage/port';
import { createTestApp, type TTestApp } from '../support/app';
import { eventInput } from '../support/event-input';
import { HECHANG, LAONIAN } from '../support/events';

/**
 * The counters reports will read (per group, per community, per month, per person) and the event's own counts
 * are moved inside the transactions that change what they count. After a long random sequence of check-ins,
 * hand marks, un-marks, records and re-records (a seeded PRNG, so a failure replays), every counter must equal a
 * recount from the registrations and records themselves.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MANAGERS = ['demo-leader', 'seed-deputy-laonian', 'demo-social-worker'];
/** Who runs an event: its hosts' managers and the community's social worker (the only one for a community event). */
const managersOf = (e: TEventDoc) => (e.hostGroupIds.length > 0 ? MANAGERS : ['demo-social-worker']);

/** mulberry32: small, seedable, good enough to pick actions. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function all<T extends { _id: string }>(store: TStore, collection: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.collection<T & { createdAt: number; updatedAt: number; version: number }>(collection).find({ limit: 100, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

type TCounts = Record<string, { eventsHeld: number; attendances: number; volunteerMinutes: number }>;

/** Every counter as it should be, from the registrations and records alone. */
async function recount(store: TStore) {
  const events = await all<TEventDoc>(store, C.events);
  const regs = await all<TRegistrationDoc>(store, C.registrations);
  const stats: TCounts = {};
  const add = (id: string, d: { eventsHeld: number; attendances: number; volunteerMinutes: number }) => {
    const s = (stats[id] ??= { eventsHeld: 0, attendances: 0, volunteerMinutes: 0 });
    s.eventsHeld += d.eventsHeld;
    s.attendances += d.attendances;
    s.volunteerMinutes += d.volunteerMinutes;
  };
  const checkedIn: Record<string, number> = {};
  const records: Record<string, { attendance: number; volunteerMinutes: number } | null> = {};
  const attendedBy = new Map<string, TRegistrationDoc[]>();
  for (const r of regs) if (r.attended) attendedBy.set(r.eventId, [...(attendedBy.get(r.eventId) ?? []), r]);
  for (const e of events) {
    const attended = attendedBy.get(e._id) ?? [];
    checkedIn[e._id] = attended.length;
    const per = volunteerMinutesPerAttendance(e);
    for (const r of attended) if (r.openid) add(personStatId(r.openid), { eventsHeld: 0, attendances: 1, volunteerMinutes: per });
    records[e._id] = e.record ? { attendance: attended.length, volunteerMinutes: attended.length * per } : null;
    if (!e.record) continue;
    const figures = { eventsHeld: 1, attendances: attended.length, volunteerMinutes: attended.length * per };
    const month = chinaMonth(e.startAt);
    for (const g of e.hostGroupIds) add(groupStatId(g, month), figures);
    add(communityStatId(e.communityId, month), figures);
  }
  return { stats, checkedIn, records };
}

async function stored(store: TStore) {
  const events = await all<TEventDoc>(store, C.events);
  const stats: TCounts = {};
  for (const s of await all<TStatDoc>(store, C.stats)) {
    // A counter that went back to zero may stay as a document of zeros; a recount has no entry for it.
    if (s.eventsHeld === 0 && s.attendances === 0 && s.volunteerMinutes === 0) continue;
    stats[s._id] = { eventsHeld: s.eventsHeld, attendances: s.attendances, volunteerMinutes: s.volunteerMinutes };
    expect(s.month).toBe(s.scope === 'person' ? PERSON_MONTH : s._id.slice(-6));
  }
  return {
    stats,
    checkedIn: Object.fromEntries(events.map((e) => [e._id, e.checkedInCount])),
    records: Object.fromEntries(
      events.map((e) => [e._id, e.record ? { attendance: e.record.attendance, volunteerMinutes: e.record.volunteerMinutes } : null]),
    ),
  };
}

let app: TTestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

test.each([[20261129], [7], [424242]])('counters equal a full recount after a random sequence (seed %i)', async (seed) => {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const t0 = app.clock.now();
  // Four events through the real actions: one co-hosted, one the community's own, volunteer or not, one on each side
  // of a China month boundary (2026-12-01 00:30 in China is still 30 November in UTC).
  const create = async (as: string, startAt: number, overrides: Parameters<typeof eventInput>[1]) =>
    (await app.ok(as, 'events', 'create', eventInput(t0, { startAt, endAt: startAt + 2 * HOUR, signupDeadline: startAt - 30 * MINUTE, capacity: null, ...overrides })))
      .events[0]!.id;
  const ids = [
    await create('demo-leader', t0 + HOUR, { isVolunteer: true }),
    await create('demo-leader', t0 + 3 * HOUR, { coHostGroupId: HECHANG, isVolunteer: true, endAt: t0 + 3 * HOUR + 95 * MINUTE }),
    await create('demo-social-worker', t0 + 5 * HOUR, { groupId: null, communityId: 'c-tatan' }),
    await create('demo-leader', Date.UTC(2026, 10, 30, 16, 30), { isVolunteer: true }),
  ];
  const people: Record<string, string[]> = {};
  for (const [n, eventId] of ids.entries()) {
    people[eventId] = [];
    for (let i = 0; i < 6; i++) {
      const openid = `r${i}`; // the same residents at several events: their personal counters add up across events
      await app.ok(openid, 'events', 'signUp', { eventId });
      people[eventId]!.push(openid);
    }
    await app.ok(n === 2 ? 'demo-social-worker' : 'demo-leader', 'events', 'registerOnBehalf', { eventId, name: '代报名老人', mobile: `1390000${String(n).padStart(4, '0')}` });
  }
  const events = await Promise.all(ids.map(async (id) => (await app.store.collection<TEventDoc>(C.events).get(id))!));
  expect(events[1]!.hostGroupIds).toEqual([LAONIAN, HECHANG]);
  expect(events[2]!.hostGroupIds).toEqual([]);
  expect(chinaMonth(events[3]!.startAt)).toBe('202612');
  // By event (the demo's year holds a few thousand registrations besides these).
  const regsOf = async (eventId: string) => (await app.store.collection<TRegistrationDoc>(C.registrations).find({ where: { eventId }, limit: 100 })).items;

  const tally = { checkIn: 0, mark: 0, unmark: 0, record: 0 };
  for (let step = 0; step < 250; step++) {
    const e = pick(events);
    // Ten minutes after this event's start: check-in is open and a record may be written.
    app.clock.advance(e.startAt + 10 * MINUTE + Math.floor(random() * 60_000) - app.clock.now());
    const roll = random();
    if (roll < 0.35) {
      const who = pick(people[e._id]!);
      const code = codeFor(e.checkInSecret, codeWindowAt(app.clock.now()));
      await app.ok(who, 'events', 'checkIn', { eventId: e._id, code });
      tally.checkIn++;
    } else if (roll < 0.75) {
      const reg = pick(await regsOf(e._id));
      const present = random() < 0.55;
      await app.ok(pick(managersOf(e)), 'events', 'markAttendance', { registrationId: reg._id, present });
      tally[present ? 'mark' : 'unmark']++;
    } else {
      await app.ok(pick(managersOf(e)), 'events', 'record', { eventId: e._id, summary: `第${step}步的活动小结`, photos: [] });
      tally.record++;
    }
    if (step % 50 === 49) expect(await stored(app.store)).toEqual(await recount(app.store));
  }
  expect(Math.min(...Object.values(tally))).toBeGreaterThan(10);
  const final = await stored(app.store);
  expect(final).toEqual(await recount(app.store));
  // The sequence really moved the counters (a recount of nothing equals nothing).
  expect(Object.keys(final.stats).length).toBeGreaterThan(8);
  expect(EVENT_LIMITS.codeWindowSeconds).toBe(30);
});
