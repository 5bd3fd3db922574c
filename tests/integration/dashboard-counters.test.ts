import { C, type TEventDoc, type TGroupDoc, type TStatDoc } from '../../cloudfunctions/core/collections';
import type { TBookingDoc } from '../../cloudfunctions/core/base/docs';
import type { TNeedDoc } from '../../cloudfunctions/core/incubation/docs';
import { chinaMonth, communityStatId } from '../../cloudfunctions/core/events/stats';
import type { TStore } from '../../cloudfunctions/core/storage/port';
import { GROUP_CATEGORIES, type TGroupCategory } from '../../types/domain';
import { GROUP_STAGES } from '../../types/growth';
import type { TDashboard } from '../../types/stats';
import { createTestApp, type TTestApp } from '../support/app';
import { bookInput, newRoom } from '../support/base';
import { eventInput } from '../support/event-input';
import { completeFields, requestId } from '../support/filings';
import { addResidents, needInput } from '../support/incubation';
import { nextWeekday } from '../../scripts/seed/demo-events';

/**
 * The dashboard's numbers (docs/dashboards.md) are counters moved with the data. A seeded random sequence of the
 * actions that move them — groups filed, joined and left, stages and Party facts changed, a category changed by a
 * change filing, a group dissolved, needs posted, answered and merged, rooms booked and cancelled, events held —
 * and after every step the community dashboard, as the social worker reads it, equals a full recount of the facts.
 */

const WORKER = 'demo-social-worker';
const LEADER = 'demo-leader';
const HOUR = 3_600_000;
const RESIDENTS = ['dr1', 'dr2', 'dr3', 'dr4', 'dr5', 'dr6'];

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function all<T>(store: TStore, collection: string, where: Record<string, string>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.collection<T & { _id: string; createdAt: number; updatedAt: number; version: number }>(collection).find({ where, limit: 100, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** The dashboard's counted numbers, recounted from groups, needs, bookings and events alone. */
async function recount(store: TStore, communityId: string, months: string[]) {
  const groups = await all<TGroupDoc>(store, C.groups, { communityId });
  const filed = groups.filter((g) => g.status === 'active');
  const categories = Object.fromEntries(GROUP_CATEGORIES.map((c) => [c, 0])) as Record<TGroupCategory, number>;
  for (const g of filed) categories[g.category] += 1;
  const stageOf = (g: TGroupDoc) => g.stage ?? (g.status === 'circle' ? 'circle' : 'filed');
  const live = groups.filter((g) => g.status !== 'dissolved');
  const needs = await all<TNeedDoc>(store, C.needs, { communityId });
  const bookings = (await all<TBookingDoc>(store, C.bookings, { communityId })).filter((b) => b.status === 'pending' || b.status === 'approved');
  const events = (await all<TEventDoc>(store, C.events, { communityId })).filter((e) => e.record);
  const month = (m: string) => {
    const held = events.filter((e) => chinaMonth(e.startAt) === m);
    const ranges = bookings.flatMap((b) => b.ranges).filter((r) => chinaMonth(r.startAt) === m);
    return {
      eventsHeld: held.length,
      attendances: held.reduce((t, e) => t + e.record!.attendance, 0),
      volunteerMinutes: held.reduce((t, e) => t + e.record!.volunteerMinutes, 0),
      roomBookings: ranges.length,
      roomMinutes: ranges.reduce((t, r) => t + (r.endAt - r.startAt) / 60_000, 0),
    };
  };
  return {
    filedGroups: filed.length,
    members: filed.reduce((t, g) => t + g.memberCount, 0),
    partyBranches: filed.filter((g) => g.hasPartyBranch).length,
    partyMembers: filed.reduce((t, g) => t + g.partyMemberCount, 0),
    categories,
    stages: Object.fromEntries(GROUP_STAGES.map((s) => [s, live.filter((g) => stageOf(g) === s).length])),
    statuses: {
      active: filed.length,
      circle: groups.filter((g) => g.status === 'circle').length,
      dissolved: groups.filter((g) => g.status === 'dissolved').length,
    },
    needsOpen: needs.filter((n) => n.status === 'collecting').length,
    needsAnswered: needs.filter((n) => n.status === 'arranged' || n.status === 'declined').length,
    months: months.map(month),
  };
}

/** The same numbers as the dashboard shows them (hours back to minutes, bars back to records). */
function shown(d: TDashboard) {
  const bars = (xs: TDashboard['categories']) => Object.fromEntries(xs.map((x) => [x.key, x.count]));
  return {
    filedGroups: d.filedGroups,
    members: d.members,
    partyBranches: d.partyBranches,
    partyMembers: d.partyMembers,
    categories: bars(d.categories),
    stages: bars(d.stages),
    statuses: bars(d.statuses),
    needsOpen: d.needsOpen,
    needsAnswered: d.needsAnswered,
    months: d.months.map((m) => ({
      eventsHeld: m.eventsHeld,
      attendances: m.attendances,
      volunteerMinutes: Math.round(m.volunteerHours * 60),
      roomBookings: m.roomBookings,
      roomMinutes: Math.round(m.roomHours * 60),
    })),
  };
}

let app: TTestApp;
beforeEach(async () => {
  app = await createTestApp();
  await addResidents(app.store, RESIDENTS);
});
afterEach(() => app.close());

async function expectCountersMatch(step: string) {
  const { dashboard } = await app.ok(WORKER, 'stats', 'dashboard', { level: 'community', placeId: 'c-tatan' });
  const expected = await recount(app.store, 'c-tatan', dashboard.months.map((m) => m.month));
  expect({ step, ...shown(dashboard) }).toEqual({ step, ...expected });
}

test.each([20261129, 7, 424242])('after a random sequence (seed %i) every dashboard counter equals a recount', async (seed) => {
  const rnd = prng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const room = await newRoom(app);
  const bookings: string[] = [];
  const needs: string[] = [];
  const joined: Array<[string, string]> = [];
  let dissolved = false;
  const landed = new Set<string>();
  await expectCountersMatch('seed');

  for (let step = 0; step < 45; step++) {
    if (step % 6 === 0) app.clock.advance(2 * HOUR); // stay inside the rate rules
    const groups = (await all<TGroupDoc>(app.store, C.groups, { communityId: 'c-tatan' })).filter((g) => g.status !== 'dissolved');
    const filed = groups.filter((g) => g.status === 'active');
    const op = pick(['newGroup', 'join', 'join', 'leave', 'stage', 'facts', 'category', 'dissolve', 'need', 'answer', 'merge', 'book', 'cancelBooking', 'event'] as const);
    let ok = true;
    if (op === 'newGroup') {
      const draft = await app.ok('demo-resident', 'filings', 'saveDraft', {
        requestId: requestId(),
        fields: completeFields({ name: `看板组织${step}号`, category: pick(GROUP_CATEGORIES), memberCount: 5 + Math.floor(rnd() * 30), partyMemberCount: Math.floor(rnd() * 5), hasPartyBranch: false }),
      });
      await app.ok('demo-resident', 'filings', 'submit', { filingId: draft.filing.id });
      await app.ok(WORKER, 'filings', 'decide', { filingId: draft.filing.id, decision: 'approve' });
    } else if (op === 'join') {
      // Open groups take them at once; others leave them pending and the leader (when it is demo-leader's) decides.
      const who = pick(RESIDENTS);
      const groupId = pick(groups)._id;
      const r = await app.call(who, 'groups', 'join', { groupId, mobile: '13712345678' });
      ok = r.ok;
      if (r.ok) joined.push([who, groupId]);
      if (r.ok && r.data.membership.status === 'pending' && groupId === 'g_seed_laonian') {
        ok = (await app.call(LEADER, 'manage', 'decideJoin', { membershipId: r.data.membership.id, decision: pick(['approve', 'decline'] as const) })).ok;
      }
    } else if (op === 'leave') {
      const [who, groupId] = joined.splice(Math.floor(rnd() * joined.length), 1)[0] ?? [pick(RESIDENTS), pick(groups)._id];
      const left = await app.call(who, 'groups', 'leave', { groupId });
      ok = left.ok;
    } else if (op === 'stage') {
      ok = (await app.call(WORKER, 'growth', 'setStage', { groupId: pick(groups)._id, stage: pick(GROUP_STAGES), reason: `第${step}步调整` })).ok;
    } else if (op === 'facts') {
      const g = pick(filed);
      const partyMemberCount = Math.floor(rnd() * (Math.min(g.memberCount, 12) + 1));
      ok = (await app.call(WORKER, 'growth', 'setPartyFacts', { groupId: g._id, hasPartyBranch: partyMemberCount >= 3 && rnd() < 0.6, partyMemberCount, partyLeaderCount: 0, nominatedPartyLeader: false })).ok;
    } else if (op === 'category') {
      const r = await app.call(LEADER, 'manage', 'fileChange', { groupId: 'g_seed_laonian', requestId: requestId(), changes: { category: pick(GROUP_CATEGORIES) } });
      ok = r.ok && (await app.call(WORKER, 'filings', 'decide', { filingId: r.data.filing.id, decision: 'approve' })).ok;
    } else if (op === 'dissolve') {
      if (dissolved) continue;
      dissolved = true;
      const r = await app.ok('seed-leader-hechang', 'manage', 'dissolve', { groupId: 'g_seed_hechang', requestId: requestId(), reason: '成员年事已高，停止活动' });
      await app.ok(WORKER, 'filings', 'decide', { filingId: r.filing.id, decision: 'approve' });
    } else if (op === 'need') {
      const r = await app.call(pick(RESIDENTS), 'incubation', 'postNeed', needInput(`想学第${step}门课`));
      ok = r.ok;
      if (r.ok) needs.push(r.data.need.id);
    } else if (op === 'answer') {
      if (needs.length === 0) continue;
      const status = pick(['collecting', 'arranged', 'declined'] as const);
      ok = (await app.call(WORKER, 'incubation', 'answerNeed', { needId: pick(needs), status, answer: status === 'collecting' ? '' : '本月安排不了，下月再看' })).ok;
    } else if (op === 'merge') {
      if (needs.length < 2) continue;
      const [keepId, mergeId] = [needs[0]!, needs[needs.length - 1]!];
      ok = (await app.call(WORKER, 'incubation', 'mergeNeeds', { keepId, mergeId })).ok;
      if (ok) needs.pop();
    } else if (op === 'book') {
      // A weekday within the room's hours, some weeks ahead: a term may run into the next month.
      const startAt = nextWeekday(app.clock.now(), 1 + Math.floor(rnd() * 5), 9 + Math.floor(rnd() * 9)) + Math.floor(rnd() * 6) * 7 * 24 * HOUR;
      const r = await app.call(LEADER, 'base', 'book', bookInput(room, startAt, { weeks: 1 + Math.floor(rnd() * 6) }));
      ok = r.ok;
      if (r.ok) bookings.push(r.data.booking.id);
    } else if (op === 'cancelBooking') {
      const id = bookings.shift();
      if (!id) continue;
      await app.ok(LEADER, 'base', 'cancelBooking', { bookingId: id });
    } else if (op === 'event') {
      const startAt = app.clock.now() + HOUR;
      const { events } = await app.ok(LEADER, 'events', 'create', eventInput(app.clock.now(), { startAt, endAt: startAt + HOUR, signupDeadline: startAt - 10 * 60_000, isVolunteer: rnd() < 0.5 }));
      await app.ok(pick(RESIDENTS), 'events', 'signUp', { eventId: events[0]!.id });
      app.clock.advance(HOUR + 10 * 60_000);
      await app.ok(LEADER, 'events', 'record', { eventId: events[0]!.id, summary: `第${step}步的活动小结`, photos: [] });
    }
    if (ok) landed.add(op);
    await expectCountersMatch(`${step}:${op}:${ok ? 'ok' : 'refused'}`);
  }
  // The sequence really moved the counters (each seed reaches most kinds of move, and the numbers are not all zero).
  expect(landed.size).toBeGreaterThanOrEqual(9);
  const { dashboard: d } = await app.ok(WORKER, 'stats', 'dashboard', {});
  expect(d.months.some((m) => m.eventsHeld > 0)).toBe(true);
  // Bookings are mostly ahead of the dashboard's months: every month one holds is checked from its stored document.
  const ahead = [...new Set((await all<TBookingDoc>(app.store, C.bookings, { communityId: 'c-tatan' })).flatMap((b) => b.ranges.map((r) => chinaMonth(r.startAt))))].sort();
  const recounted = (await recount(app.store, 'c-tatan', ahead)).months;
  const stored = await Promise.all(ahead.map((m) => app.store.collection<TStatDoc>(C.stats).get(communityStatId('c-tatan', m))));
  expect(stored.map((doc) => ({ roomBookings: doc?.roomBookings ?? 0, roomMinutes: doc?.roomMinutes ?? 0 }))).toEqual(
    recounted.map((m) => ({ roomBookings: m.roomBookings, roomMinutes: m.roomMinutes })),
  );
  expect(recounted.some((m) => m.roomBookings > 0)).toBe(true);
  expect(d.needsOpen + d.needsAnswered).toBeGreaterThan(0);
  expect(d.members).toBeGreaterThan(0);
});

test('the demo community reads the story’s numbers: 15 filed groups, 8 Party branches, 32 Party members', async () => {
  const { dashboard } = await app.ok(WORKER, 'stats', 'dashboard', {});
  expect([dashboard.placeName, dashboard.filedGroups, dashboard.partyBranches, dashboard.partyMembers]).toEqual(['塔谈社区', 15, 8, 32]);
  expect(dashboard.months).toHaveLength(12);
  expect(dashboard.months[0]!.label).toMatch(/^\d{4}年\d{1,2}月$/);
});

test('the street officer’s street is the sum of its two communities', async () => {
  const { places, dashboard: street } = await app.ok('demo-admin', 'stats', 'dashboard', {});
  expect(places.map((p) => `${p.level}:${p.id}`)).toEqual(['street:s-huitong', 'community:c-beijiao', 'community:c-tatan']);
  expect([street.level, street.placeId, street.communityCount]).toEqual(['street', 's-huitong', 2]);
  const parts = await Promise.all(['c-tatan', 'c-beijiao'].map(async (placeId) => (await app.ok('demo-admin', 'stats', 'dashboard', { level: 'community', placeId })).dashboard));
  for (const key of ['filedGroups', 'members', 'partyBranches', 'partyMembers', 'filingsWaiting', 'filingsOverdue', 'needsOpen', 'needsAnswered'] as const) {
    expect({ key, value: street[key] }).toEqual({ key, value: parts[0]![key] + parts[1]![key] });
  }
  expect(street.months.map((m) => m.attendances)).toEqual(parts[0]!.months.map((m, i) => m.attendances + parts[1]!.months[i]!.attendances));
  // Another street's officer cannot open it.
  const refused = await app.call('officer-zhentou', 'stats', 'dashboard', { level: 'street', placeId: 's-huitong' });
  expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
});

test('the social worker opens only her community; refusals are on record; residents are refused', async () => {
  const { places, dashboard } = await app.ok(WORKER, 'stats', 'dashboard', {});
  expect(places.map((p) => `${p.level}:${p.id}`)).toEqual(['community:c-tatan']);
  expect(dashboard.placeId).toBe('c-tatan');
  const refused = await app.call(WORKER, 'stats', 'dashboard', { level: 'community', placeId: 'c-beijiao' });
  expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
  const street = await app.call(WORKER, 'stats', 'dashboard', { level: 'street', placeId: 's-huitong' });
  expect(street.ok ? 'ok' : street.error.code).toBe('FORBIDDEN');
  // Both refusals are on record.
  const denied = (await app.store.collection<{ _id: string; action: string; actor: string; createdAt: number; updatedAt: number; version: number }>(C.audit).find({ limit: 100, where: { actor: WORKER } })).items.filter((a) => a.action === 'denied:stats.dashboard');
  expect(denied).toHaveLength(2);
  expect((await app.call('demo-resident', 'stats', 'dashboard', {})).ok).toBe(false);
});
