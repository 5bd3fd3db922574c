import { FILING_STATUSES } from '../../types/domain';
import {
  C,
  type TEventDoc,
  type TFilingDoc,
  type TGroupDoc,
  type TMembershipDoc,
  type TRegistrationDoc,
  type TStatDoc,
  type TSubCommitteeDoc,
} from '../../cloudfunctions/core/collections';
import { chinaMonth, communityStatId, groupStatId, personStatId, PERSON_MONTH, volunteerMinutesPerAttendance } from '../../cloudfunctions/core/events/stats';
import { countsOf, growthStatId, recountGrowth } from '../../cloudfunctions/core/growth/counters';
import { INDEXES } from '../../cloudfunctions/core/indexes';
import { createSqliteStore } from '../../cloudfunctions/core/storage/sqlite';
import type { TStore } from '../../cloudfunctions/core/storage/port';
import { COMMUNITIES } from '../../scripts/seed/demo-data';
import { SEED_GROUPS, seedGroupId } from '../../scripts/seed/demo-groups';
import { seedDemoData } from '../../scripts/seed/seed';
import { createTestApp, fixedClock, type TTestApp } from '../support/app';

/**
 * The demo seed (docs/demo-data.md) tells the story's numbers, and every counter it writes directly (for speed)
 * equals what the app's own flows would have left: growth counters, monthly event stats, the per-person stats,
 * the events' own counts, member counts and the group each waiting change points at.
 */
const DAY = 86_400_000;

async function all<T>(store: TStore, collection: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.collection(collection).find({ limit: 100, cursor });
    out.push(...(page.items as unknown as T[]));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

let app: TTestApp;
let now: number;
beforeAll(async () => {
  app = await createTestApp();
  now = app.clock.now();
});
afterAll(() => app.close());

test('塔谈社区 reads 15 filed groups, 8 Party branches and 32 Party members, from counters equal to a recount', async () => {
  const { overview } = await app.ok('demo-social-worker', 'growth', 'overview', { communityId: 'c-tatan' });
  expect(overview).toMatchObject({ filedGroups: 15, partyBranches: 8, partyMembers: 32 });
  for (const community of COMMUNITIES) {
    const stored = countsOf(await app.store.collection(C.growthstats).get(growthStatId(community._id)) as never);
    expect({ community: community._id, ...stored }).toEqual({ community: community._id, ...(await recountGrowth(app.store, community._id)) });
  }
  // Neighbours have groups too, so street and district scopes have edges.
  for (const id of ['c-beijiao', 'c-youyi']) expect(countsOf(await app.store.collection(C.growthstats).get(growthStatId(id)) as never).filedGroups).toBeGreaterThanOrEqual(3);
});

test('a year of held events: 200+ in 塔谈社区 over the last 12 months, spread over every month, and upcoming ones', async () => {
  const events = await all<TEventDoc>(app.store, C.events);
  const held = events.filter((e) => e.communityId === 'c-tatan' && e.record && e.startAt >= now - 365 * DAY && e.startAt < now);
  expect(held.length).toBeGreaterThanOrEqual(200);
  expect(new Set(held.map((e) => chinaMonth(e.startAt))).size).toBeGreaterThanOrEqual(12);
  expect(held.some((e) => e.isVolunteer && e.record!.volunteerMinutes > 0)).toBe(true);
  expect(events.filter((e) => e.communityId === 'c-beijiao' && e.record).length).toBeGreaterThan(0);
  expect(events.filter((e) => e.startAt > now && e.status === 'scheduled').length).toBeGreaterThan(4);
});

test('monthly, per-group and per-person stats and each event’s counts equal a full recount of records and registrations', async () => {
  const events = await all<TEventDoc>(app.store, C.events);
  const regs = await all<TRegistrationDoc>(app.store, C.registrations);
  const byEvent = new Map<string, TRegistrationDoc[]>();
  for (const r of regs) byEvent.set(r.eventId, [...(byEvent.get(r.eventId) ?? []), r]);
  const expected: Record<string, [number, number, number]> = {};
  const add = (id: string, held: number, att: number, min: number) => {
    const s = (expected[id] ??= [0, 0, 0]);
    s[0] += held;
    s[1] += att;
    s[2] += min;
  };
  for (const e of events) {
    const mine = byEvent.get(e._id) ?? [];
    const attended = mine.filter((r) => r.attended);
    const per = volunteerMinutesPerAttendance(e);
    expect({ id: e._id, checkedIn: e.checkedInCount, registered: e.registeredCount }).toEqual({
      id: e._id,
      checkedIn: attended.length,
      registered: mine.filter((r) => r.status === 'registered').length,
    });
    for (const r of attended) add(personStatId(r.openid!), 0, 1, per);
    if (!e.record) continue;
    expect(e.record).toMatchObject({ attendance: attended.length, volunteerMinutes: attended.length * per });
    const month = chinaMonth(e.startAt);
    for (const g of e.hostGroupIds) add(groupStatId(g, month), 1, attended.length, attended.length * per);
    add(communityStatId(e.communityId, month), 1, attended.length, attended.length * per);
  }
  const stored: Record<string, [number, number, number]> = {};
  for (const s of await all<TStatDoc>(app.store, C.stats)) {
    // Room use shares the month documents (docs/dashboards.md): a month with bookings and no event reads zeros here.
    if (s.eventsHeld === 0 && s.attendances === 0 && s.volunteerMinutes === 0) continue;
    stored[s._id] = [s.eventsHeld, s.attendances, s.volunteerMinutes];
    expect(s.month).toBe(s.scope === 'person' ? PERSON_MONTH : s._id.slice(-6));
  }
  expect(stored).toEqual(expected);
});

test('member counts: every seeded group’s people are its members; no group lists more members than it filed', async () => {
  const groups = await all<TGroupDoc>(app.store, C.groups);
  const memberships = await all<TMembershipDoc>(app.store, C.memberships);
  for (const g of groups) {
    const mine = memberships.filter((m) => m.groupId === g._id);
    const active = mine.filter((m) => m.status === 'active').length;
    expect({ group: g._id, fits: active <= g.memberCount }).toEqual({ group: g._id, fits: true });
    expect({ group: g._id, pending: g.pendingJoinCount ?? 0 }).toEqual({ group: g._id, pending: mine.filter((m) => m.status === 'pending').length });
    // A 代办 waiting for takeover has no leader in the app yet, so no leader membership (docs/on-behalf.md).
    if (g.status !== 'circle') expect(mine.filter((m) => m.role === 'leader').map((m) => m.openid)).toEqual(g.leaderOpenid ? [g.leaderOpenid] : []);
  }
  for (const seed of SEED_GROUPS) {
    const g = groups.find((x) => x._id === seedGroupId(seed.slug))!;
    expect({ group: g._id, members: g.memberCount }).toEqual({ group: g._id, members: memberships.filter((m) => m.groupId === g._id && m.status === 'active').length });
    expect(g.memberCount).toBeGreaterThanOrEqual(5);
    expect(g.memberCount).toBeLessThanOrEqual(40);
  }
  for (const sc of await all<TSubCommitteeDoc>(app.store, C.subcommittees)) {
    expect({ sc: sc._id, n: sc.memberCount }).toEqual({ sc: sc._id, n: memberships.filter((m) => m.subCommitteeId === sc._id && m.status === 'active').length });
  }
});

test('filings at every status and kind, two overdue; each opens for its owner with its history', async () => {
  const filings = await all<TFilingDoc>(app.store, C.filings);
  const tatan = filings.filter((f) => f.communityId === 'c-tatan');
  expect(new Set(tatan.map((f) => f.status))).toEqual(new Set(FILING_STATUSES));
  expect(new Set(tatan.map((f) => f.kind))).toEqual(new Set(['initial', 'change', 'dissolution']));
  const waiting = tatan.filter((f) => f.status === 'submitted');
  expect(waiting.filter((f) => f.submittedAt! < now - 7 * DAY).length).toBeGreaterThanOrEqual(2);
  expect(waiting.filter((f) => f.submittedAt! >= now - 7 * DAY).length).toBeGreaterThanOrEqual(1);
  for (const id of ['c-beijiao', 'c-youyi']) expect(filings.filter((f) => f.communityId === id && f.status === 'submitted')).toHaveLength(1);

  const groups = await all<TGroupDoc>(app.store, C.groups);
  for (const f of filings) {
    const { filing, history } = await app.ok(f.openid, 'filings', 'get', { filingId: f._id });
    expect({ id: f._id, status: filing.status, steps: history.length > 0 || f.status === 'draft' }).toEqual({ id: f._id, status: f.status, steps: true });
    // A waiting change or dissolution holds its group's one pending slot; nothing else does.
    if (f.kind !== 'initial') {
      const g = groups.find((x) => x._id === f.groupId)!;
      if (f.status === 'submitted') expect(g.pendingFilingId).toBe(f._id);
    }
  }
  for (const g of groups.filter((x) => x.pendingFilingId)) expect(filings.find((f) => f._id === g.pendingFilingId)?.status).toBe('submitted');
  // The queue is oldest first: the overdue ones lead.
  const queue = await app.ok('demo-social-worker', 'filings', 'queue', {});
  expect(queue.items.length).toBe(waiting.length);
  expect(queue.items[0]!.submittedAt).toBeLessThan(now - 7 * DAY);
});

test('the seed is deterministic: the same clock gives the same documents', async () => {
  const clock = fixedClock();
  const stores = [0, 1].map(() => createSqliteStore({ file: ':memory:', indexes: INDEXES, clock: clock.now }));
  const started = performance.now();
  for (const store of stores) await seedDemoData(store, clock.now());
  console.info(`seedDemoData: ${((performance.now() - started) / 2).toFixed(0)} ms per seed`);
  const strip = (docs: Array<Record<string, unknown>>) => docs.map(({ checkInSecret: _secret, ...rest }) => rest);
  for (const collection of [C.groups, C.memberships, C.filings, C.audit, C.events, C.registrations, C.stats, C.growthstats]) {
    const [a, b] = await Promise.all(stores.map((s) => all<Record<string, unknown>>(s, collection)));
    expect({ collection, docs: strip(a!) }).toEqual({ collection, docs: strip(b!) });
  }
  for (const store of stores) await store.close();
});
