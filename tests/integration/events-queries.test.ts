import { C, type TEventDoc, type TRegistrationDoc, type TStatDoc } from '../../cloudfunctions/core/collections';
import { registrationIdFor } from '../../cloudfunctions/core/events/registration-id';
import { createTestApp, type TTestApp } from '../support/app';
import { DAY, eventInput, HOUR } from '../support/event-input';

/** The 活动 tab, a group's events, the event page and 我的活动. */

const LEADER = 'demo-leader';
const RESIDENT = 'demo-resident';

let app: TTestApp;
/** The demo seed's events: each test looks only at what it made. */
let seeded: Set<string>;
beforeEach(async () => {
  app = await createTestApp();
  seeded = new Set();
  let cursor: string | undefined;
  do {
    const page = await app.store.collection<TEventDoc>(C.events).find({ limit: 100, cursor });
    for (const e of page.items) seeded.add(e._id);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
});
const ofTest = (ids: string[]) => ids.filter((id) => !seeded.has(id));
afterEach(() => app.close());

async function create(overrides: Parameters<typeof eventInput>[1] = {}, as = LEADER) {
  return (await app.ok(as, 'events', 'create', eventInput(app.clock.now(), overrides))).events;
}
/** An event starting `days` from now (fractions allowed), signing up until an hour before. */
const at = (days: number, overrides: Parameters<typeof eventInput>[1] = {}, as = LEADER) => {
  const startAt = app.clock.now() + days * DAY;
  return create({ startAt, endAt: startAt + 2 * HOUR, signupDeadline: startAt - HOUR, ...overrides }, as);
};
/** Every page of the list, following the cursor. */
async function allPages(filter: 'week' | 'all' | 'eligible', as = RESIDENT, communityId = 'c-beijiao') {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await app.ok(as, 'events', 'list', { communityId, filter, cursor });
    expect(page.items.length).toBeLessThanOrEqual(20);
    ids.push(...page.items.map((e) => e.id));
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor && pages < 50);
  return ids;
}

describe('the 活动 tab', () => {
  test('upcoming events soonest first, with places left, paged by 20; ended ones gone, running ones kept', async () => {
    // 北焦社区's seeded upcoming event is two weeks out: its social worker (the street admin) hosts a 25-week course there.
    const made = (await at(1, { groupId: null, communityId: 'c-beijiao', capacity: 10, repeat: { weeks: 25 } }, 'demo-admin')).map((e) => e.id);
    const ids = await allPages('all');
    expect(ofTest(ids)).toEqual(made);
    const first = await app.ok(RESIDENT, 'events', 'list', { communityId: 'c-beijiao' });
    expect(first.items[0]).toMatchObject({ placesLeft: 10, capacity: 10, registeredCount: 0, hostNames: ['北焦社区居委会'] });

    app.clock.advance(DAY + HOUR); // the first has started and runs for another hour
    expect((await allPages('all'))[0]).toBe(made[0]);
    app.clock.advance(2 * HOUR); // now it is over
    expect(ofTest(await allPages('all'))).toEqual(made.slice(1));
  });

  test('本周: starting within the next 7 days', async () => {
    const soon = await at(2, { groupId: null, communityId: 'c-beijiao' }, 'demo-admin');
    const week = await at(6.9, { groupId: null, communityId: 'c-beijiao' }, 'demo-admin');
    await at(7.5, { groupId: null, communityId: 'c-beijiao' }, 'demo-admin');
    expect(ofTest(await allPages('week'))).toEqual([soon[0]!.id, week[0]!.id]);
  });

  test('我能报名的: open, for me, with room, and not already mine', async () => {
    const community = { groupId: null, communityId: 'c-tatan' } as const;
    const [open] = await at(2, { ...community, audience: 'anyone' }, 'demo-social-worker');
    const [residents] = await at(2.1, { ...community, audience: 'community' }, 'demo-social-worker');
    const [members] = await at(2.2, { audience: 'members' });
    const [full] = await at(2.3, { ...community, capacity: 1 }, 'demo-social-worker');
    const [closed] = await at(2.4, { ...community, signupDeadline: app.clock.now() + HOUR }, 'demo-social-worker');
    const [cancelled] = await at(2.5, community, 'demo-social-worker');
    const [mine] = await at(2.6, community, 'demo-social-worker');
    await app.ok('someone', 'events', 'signUp', { eventId: full!.id });
    await app.ok('demo-social-worker', 'events', 'cancel', { eventId: cancelled!.id, reason: '天气原因' });
    await app.ok(RESIDENT, 'events', 'signUp', { eventId: mine!.id });
    app.clock.advance(2 * HOUR); // past `closed`'s deadline

    // A full event with room in its line is still eligible (you join the waitlist).
    expect(ofTest(await allPages('eligible', RESIDENT, 'c-tatan'))).toEqual([open!.id, full!.id]);
    await app.ok(RESIDENT, 'account', 'setCommunity', { communityId: 'c-tatan' });
    expect(ofTest(await allPages('eligible', RESIDENT, 'c-tatan'))).toEqual([open!.id, residents!.id, full!.id]);
    expect(ofTest(await allPages('eligible', 'seed-member-1', 'c-tatan'))).toEqual([open!.id, members!.id, full!.id, mine!.id]);
    expect(ofTest(await allPages('all', RESIDENT, 'c-tatan'))).toEqual(
      [open, residents, members, full, closed, cancelled, mine].map((e) => e!.id),
    );
  });
});

describe("a group's events", () => {
  test('upcoming soonest first, past latest first with whether a record exists', async () => {
    const [a] = await at(1);
    const [b] = await at(2);
    const [c] = await at(3, { coHostGroupId: 'g_seed_hechang' });
    app.clock.advance(2.5 * DAY);
    await app.store.collection<TEventDoc>(C.events).updateIfVersion(a!.id, 1, {
      record: { summary: '写了三幅字', photos: [], attendance: 5, volunteerMinutes: 0, recordedAt: app.clock.now(), recordedBy: LEADER },
    });
    const upcoming = await app.ok(RESIDENT, 'events', 'groupEvents', { groupId: 'g_seed_laonian', when: 'upcoming' });
    const past = await app.ok(RESIDENT, 'events', 'groupEvents', { groupId: 'g_seed_laonian', when: 'past' });
    expect(upcoming.items.map((e) => e.id).filter((id) => !seeded.has(id))).toEqual([c!.id]);
    expect(past.items.filter((e) => !seeded.has(e.id)).map((e) => [e.id, e.hasRecord])).toEqual([[b!.id, false], [a!.id, true]]);
    const hechang = await app.ok(RESIDENT, 'events', 'groupEvents', { groupId: 'g_seed_hechang', when: 'upcoming' });
    expect(hechang.items.map((e) => e.id)).toContain(c!.id);
  });
});

describe("a group's events through the cursor", () => {
  /** Every page of a group's list, following the cursor. */
  async function groupPages(groupId: string, when: 'upcoming' | 'past') {
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await app.ok(RESIDENT, 'events', 'groupEvents', { groupId, when, cursor });
      expect(page.items.length).toBeLessThanOrEqual(20);
      ids.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 20);
    return ids;
  }

  test('hosted and co-hosted dates interleave in order, each once, upcoming and past', async () => {
    const hosted = await at(1, { repeat: { weeks: 15 } });
    const coHosted = await at(4, { groupId: 'g_seed_yangguang', coHostGroupId: 'g_seed_laonian', repeat: { weeks: 15 } }, 'seed-leader-yangguang');
    const expected = [...hosted, ...coHosted].sort((a, b) => a.startAt - b.startAt).map((e) => e.id);
    const mine = (ids: string[]) => ids.filter((id) => !seeded.has(id));
    expect(mine(await groupPages('g_seed_laonian', 'upcoming'))).toEqual(expected);
    expect(mine(await groupPages('g_seed_yangguang', 'upcoming'))).toEqual(coHosted.map((e) => e.id));

    app.clock.advance(200 * DAY);
    expect(mine(await groupPages('g_seed_laonian', 'past'))).toEqual([...expected].reverse());
    expect(await groupPages('g_seed_laonian', 'upcoming')).toEqual([]);
  });

  test('a cursor from elsewhere is refused with a message to refresh', async () => {
    const bad = await app.call(RESIDENT, 'events', 'groupEvents', { groupId: 'g_seed_laonian', when: 'upcoming', cursor: 'bm90LWEtY3Vyc29y' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { cursor: expect.stringContaining('刷新') } } });
  });
});

describe('the event page', () => {
  test('what the caller may do: sign up, cancel, check in (from 30 minutes before until the end), manage', async () => {
    const [e] = await at(1, { capacity: 5 });
    const view = async (as: string) => (await app.ok(as, 'events', 'detail', { eventId: e!.id })).event;
    expect((await view(RESIDENT)).can).toEqual({ signUp: true, cancel: false, checkIn: false, manage: false });
    expect((await view(LEADER)).can.manage).toBe(true);
    expect((await view('demo-social-worker')).can.manage).toBe(true);
    expect((await view('sw-youyi')).can.manage).toBe(false);
    await app.ok(RESIDENT, 'events', 'signUp', { eventId: e!.id });
    expect(await view(RESIDENT)).toMatchObject({
      can: { signUp: false, cancel: true, checkIn: false },
      signupClosedReason: null,
      myRegistration: { status: 'registered', waitlistPosition: null, checkedInAt: null },
      registeredCount: 1,
      placesLeft: 4,
    });
    app.clock.advance(e!.startAt - app.clock.now() - 31 * 60_000);
    expect((await view(RESIDENT)).can.checkIn).toBe(false);
    app.clock.advance(60_000);
    expect((await view(RESIDENT)).can).toMatchObject({ checkIn: true, cancel: true });
    app.clock.advance(e!.endAt - app.clock.now() + 1);
    expect((await view(RESIDENT)).can).toMatchObject({ checkIn: false, cancel: false });
  });

  test('an unknown event is NOT_FOUND', async () => {
    expect(await app.call(RESIDENT, 'events', 'detail', { eventId: 'e_nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('我的活动', () => {
  test('已报名 and 候补中 until the event ends, soonest first; 已参加 latest first; volunteer hours from my counter', async () => {
    const [later] = await at(3, { capacity: 1 });
    const [sooner] = await at(1, { capacity: 1 });
    const [waited] = await at(2, { capacity: 1 });
    await app.ok('first', 'events', 'signUp', { eventId: waited!.id });
    for (const e of [later, sooner, waited]) await app.ok(RESIDENT, 'events', 'signUp', { eventId: e!.id });

    const upcoming = await app.ok(RESIDENT, 'events', 'mine', { tab: 'upcoming' });
    expect(upcoming.items.map((r) => r.event.id)).toEqual([sooner!.id, later!.id]);
    expect(upcoming.volunteerHours).toBe(0);
    const waitlisted = await app.ok(RESIDENT, 'events', 'mine', { tab: 'waitlisted' });
    expect(waitlisted.items.map((r) => [r.event.id, r.registration.waitlistPosition])).toEqual([[waited!.id, 1]]);

    // Attendance is the check-in engineer's; here it is written as check-in writes it.
    const regs = app.store.collection<TRegistrationDoc>(C.registrations);
    const reg = (await regs.get(registrationIdFor(sooner!.id, RESIDENT)))!;
    await regs.updateIfVersion(reg._id, reg.version, { attended: true, checkedInAt: sooner!.startAt, checkInMethod: 'code' });
    await app.store.collection<TStatDoc>(C.stats).insert({
      _id: `st_person_${RESIDENT}`, scope: 'person', scopeId: RESIDENT, month: 'all', eventsHeld: 0, attendances: 1, volunteerMinutes: 150,
    });
    app.clock.advance(sooner!.endAt - app.clock.now() + 1);
    const after = await app.ok(RESIDENT, 'events', 'mine', { tab: 'upcoming' });
    expect(after.items.map((r) => r.event.id)).toEqual([later!.id]);
    expect(after.volunteerHours).toBe(2.5);
    const attended = await app.ok(RESIDENT, 'events', 'mine', { tab: 'attended' });
    expect(attended.items.map((r) => [r.event.id, r.registration.checkedInAt])).toEqual([[sooner!.id, sooner!.startAt]]);
  });
});
