import { C, type TEventDoc, type TOutboxDoc, type TRegistrationDoc } from '../../cloudfunctions/core/collections';
import { registrationIdFor } from '../../cloudfunctions/core/events/registration-id';
import { createTestApp, type TTestApp } from '../support/app';
import { DAY, eventInput, HOUR } from '../support/event-input';

/** 报名, 候补, 取消报名, 代报名 and the registration list, as residents and hosts use them. */

const LEADER = 'demo-leader';
const MEMBER = 'seed-member-1';
const WORKER = 'demo-social-worker';
const RESIDENT = 'demo-resident';

let app: TTestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

async function create(overrides: Parameters<typeof eventInput>[1] = {}, as = LEADER) {
  return (await app.ok(as, 'events', 'create', eventInput(app.clock.now(), overrides))).events[0]!;
}
const event = async (id: string) => (await app.store.collection<TEventDoc>(C.events).get(id))!;
const registration = async (eventId: string, openid: string) =>
  app.store.collection<TRegistrationDoc>(C.registrations).get(registrationIdFor(eventId, openid));
const outbox = async (to: string) =>
  (await app.store.collection<TOutboxDoc>(C.outbox).find({ where: { to }, limit: 100 })).items.map((n) => n.kind);

describe('sign-up and the waitlist', () => {
  test('places go in arrival order; past capacity people wait in line and see their place', async () => {
    const e = await create({ capacity: 2 });
    const a = await app.ok('p-a', 'events', 'signUp', { eventId: e.id });
    const b = await app.ok('p-b', 'events', 'signUp', { eventId: e.id });
    const c = await app.ok('p-c', 'events', 'signUp', { eventId: e.id });
    const d = await app.ok('p-d', 'events', 'signUp', { eventId: e.id });
    expect([a, b].map((r) => r.registration.status)).toEqual(['registered', 'registered']);
    expect(c.registration).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(d.registration).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    const stored = await event(e.id);
    expect(stored.registeredCount).toBe(2);
    expect(stored.waitlist).toEqual([c.registration.id, d.registration.id]);

    const detail = (await app.ok('p-d', 'events', 'detail', { eventId: e.id })).event;
    expect(detail).toMatchObject({ placesLeft: 0, waitlistCount: 2, myRegistration: { status: 'waitlisted', waitlistPosition: 2 } });
    expect(detail.can).toMatchObject({ signUp: false, cancel: true });
  });

  test('signing up twice is one registration and counts once', async () => {
    const e = await create({ capacity: 5 });
    const first = await app.ok(RESIDENT, 'events', 'signUp', { eventId: e.id });
    const again = await app.ok(RESIDENT, 'events', 'signUp', { eventId: e.id });
    expect(again.registration.id).toBe(first.registration.id);
    expect((await event(e.id)).registeredCount).toBe(1);
    const all = await app.store.collection<TRegistrationDoc>(C.registrations).find({ where: { eventId: e.id }, limit: 10 });
    expect(all.items).toHaveLength(1);
  });

  test('a registered person who cancels frees the place for the first in line, who is told', async () => {
    const e = await create({ capacity: 1 });
    await app.ok('p-a', 'events', 'signUp', { eventId: e.id });
    await app.ok('p-b', 'events', 'signUp', { eventId: e.id });
    await app.ok('p-c', 'events', 'signUp', { eventId: e.id });
    const cancelled = await app.ok('p-a', 'events', 'cancelSignUp', { eventId: e.id });
    expect(cancelled.registration).toMatchObject({ status: 'cancelled', lateCancel: false });
    expect((await registration(e.id, 'p-b'))!.status).toBe('registered');
    const stored = await event(e.id);
    expect(stored.registeredCount).toBe(1);
    expect(stored.waitlist).toEqual([registrationIdFor(e.id, 'p-c')]);
    expect(await outbox('p-b')).toEqual(['event_promoted']);
    expect((await app.ok('p-c', 'events', 'detail', { eventId: e.id })).event.myRegistration!.waitlistPosition).toBe(1);
    // The promoted person finds it under 我的活动 → 已报名.
    const mine = await app.ok('p-b', 'events', 'mine', { tab: 'upcoming' });
    expect(mine.items.map((row) => row.event.id)).toEqual([e.id]);
  });

  test('a waitlisted person who cancels leaves the line; nobody is promoted', async () => {
    const e = await create({ capacity: 1 });
    await app.ok('p-a', 'events', 'signUp', { eventId: e.id });
    await app.ok('p-b', 'events', 'signUp', { eventId: e.id });
    await app.ok('p-c', 'events', 'signUp', { eventId: e.id });
    await app.ok('p-b', 'events', 'cancelSignUp', { eventId: e.id });
    const stored = await event(e.id);
    expect(stored).toMatchObject({ registeredCount: 1, waitlist: [registrationIdFor(e.id, 'p-c')] });
    expect(await outbox('p-c')).toEqual([]);
  });

  test('signing up again after a cancel reuses the registration and goes to the back of the line', async () => {
    const e = await create({ capacity: 1 });
    await app.ok('p-a', 'events', 'signUp', { eventId: e.id });
    await app.ok('p-b', 'events', 'signUp', { eventId: e.id });
    await app.ok('p-a', 'events', 'cancelSignUp', { eventId: e.id }); // p-b promoted
    const back = await app.ok('p-a', 'events', 'signUp', { eventId: e.id });
    expect(back.registration).toMatchObject({ id: registrationIdFor(e.id, 'p-a'), status: 'waitlisted', waitlistPosition: 1 });
    expect((await event(e.id)).registeredCount).toBe(1);
  });

  test('cancelling within the late window is allowed and recorded; repeating the cancel changes nothing', async () => {
    const e = await create({ capacity: 3 });
    await app.ok(RESIDENT, 'events', 'signUp', { eventId: e.id });
    app.clock.advance(e.startAt - app.clock.now() - HOUR); // one hour before the start
    const late = await app.ok(RESIDENT, 'events', 'cancelSignUp', { eventId: e.id });
    expect(late.registration).toMatchObject({ status: 'cancelled', lateCancel: true });
    expect(await app.ok(RESIDENT, 'events', 'cancelSignUp', { eventId: e.id })).toEqual(late);
    expect((await event(e.id)).registeredCount).toBe(0);
  });

  test('a phone given at sign-up reaches the hosts’ list and stays when the person signs up again without it', async () => {
    const e = await create({ capacity: 5 });
    await app.ok(RESIDENT, 'events', 'signUp', { eventId: e.id, mobile: '13700001234' });
    await app.ok(RESIDENT, 'events', 'cancelSignUp', { eventId: e.id });
    await app.ok(RESIDENT, 'events', 'signUp', { eventId: e.id });
    const list = await app.ok(LEADER, 'events', 'registrations', { eventId: e.id });
    expect(list.items.map((r) => [r.name, r.mobile, r.status])).toEqual([['李秀英', '13700001234', 'registered']]);
    expect(await app.call(RESIDENT, 'events', 'signUp', { eventId: e.id, mobile: '12345' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { mobile: expect.stringContaining('11位') } },
    });
  });

  test('the waitlist is bounded: when it is full the next person is told so and nothing is written', async () => {
    const e = await create({ capacity: 1 });
    const full = Array.from({ length: 200 }, (_, i) => `w${i}`);
    const events = app.store.collection<TEventDoc>(C.events);
    const current = await event(e.id);
    await events.updateIfVersion(e.id, current.version, { registeredCount: 1, waitlist: full });
    const refused = await app.call(RESIDENT, 'events', 'signUp', { eventId: e.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringContaining('候补也已满') } });
    expect(await registration(e.id, RESIDENT)).toBeNull();
  });
});

describe('sign-up closes with a clear message', () => {
  test('after the deadline, once started, and when cancelled', async () => {
    const e = await create();
    app.clock.advance(e.signupDeadline - app.clock.now() + 1);
    expect(await app.call(RESIDENT, 'events', 'signUp', { eventId: e.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringMatching(/^报名已于.+截止$/) },
    });
    expect((await app.ok(RESIDENT, 'events', 'detail', { eventId: e.id })).event).toMatchObject({
      can: { signUp: false },
      signupClosedReason: expect.stringContaining('截止'),
    });
    app.clock.advance(e.startAt - app.clock.now());
    expect(await app.call(RESIDENT, 'events', 'signUp', { eventId: e.id })).toMatchObject({
      error: { code: 'INVALID_STATE', message: '活动已开始，报名已结束' },
    });

    const other = await create();
    await app.ok(LEADER, 'events', 'cancel', { eventId: other.id, reason: '场地临时维修' });
    expect(await app.call(RESIDENT, 'events', 'signUp', { eventId: other.id })).toMatchObject({
      error: { code: 'INVALID_STATE', message: '活动已取消，不能报名' },
    });
    expect(await registration(other.id, RESIDENT)).toBeNull();
  });

  test('members-only refuses non-members; community-only asks those without a community to choose one', async () => {
    const members = await create({ audience: 'members' });
    expect(await app.call(RESIDENT, 'events', 'signUp', { eventId: members.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('仅限主办组织的成员') },
    });
    expect(await registration(members.id, RESIDENT)).toBeNull();
    expect((await app.ok(MEMBER, 'events', 'signUp', { eventId: members.id })).registration.status).toBe('registered');
    // A member's phone from the membership reaches the hosts' list.
    expect((await registration(members.id, MEMBER))!.mobile).toBe('13931110002');

    const community = await create({ audience: 'community' });
    expect(await app.call(RESIDENT, 'events', 'signUp', { eventId: community.id })).toMatchObject({
      error: { code: 'FORBIDDEN', message: expect.stringContaining('请先在「我的」页面选择您所在的社区') },
    });
    expect(await app.call('sw-youyi', 'events', 'signUp', { eventId: community.id })).toMatchObject({
      error: { code: 'FORBIDDEN', message: '本活动仅限塔谈社区居民报名' },
    });
    await app.ok(RESIDENT, 'account', 'setCommunity', { communityId: 'c-tatan' });
    expect((await app.ok(RESIDENT, 'events', 'signUp', { eventId: community.id })).registration.status).toBe('registered');
  });
});

describe('代报名 and the registration list', () => {
  test('a manager registers an elder by name and phone once; they count against capacity like anyone', async () => {
    const e = await create({ capacity: 1 });
    const row = await app.ok(LEADER, 'events', 'registerOnBehalf', { eventId: e.id, name: '郭大爷', mobile: '13900001111' });
    expect(row.registration).toMatchObject({ name: '郭大爷', mobile: '13900001111', status: 'registered', onBehalf: true });
    const again = await app.ok(WORKER, 'events', 'registerOnBehalf', { eventId: e.id, name: '郭大爷', mobile: '13900001111' });
    expect(again.registration.id).toBe(row.registration.id);
    const stored = (await app.store.collection<TRegistrationDoc>(C.registrations).get(row.registration.id))!;
    expect(stored).toMatchObject({ openid: null, onBehalfBy: LEADER });
    expect((await app.ok(RESIDENT, 'events', 'signUp', { eventId: e.id })).registration.status).toBe('waitlisted');
  });

  test('the list shows phones and places in line to the hosts and social workers, and does not exist for others', async () => {
    const e = await create({ capacity: 1 });
    await app.ok(LEADER, 'events', 'registerOnBehalf', { eventId: e.id, name: '郭大爷', mobile: '13900001111' });
    app.clock.advance(1000); // the list is in sign-up order
    await app.ok(RESIDENT, 'events', 'signUp', { eventId: e.id });
    for (const as of [LEADER, 'seed-deputy-laonian', WORKER, 'demo-admin']) {
      const list = await app.ok(as, 'events', 'registrations', { eventId: e.id });
      expect(list.items.map((r) => [r.name, r.mobile, r.status, r.waitlistPosition])).toEqual([
        ['郭大爷', '13900001111', 'registered', null],
        ['李秀英', null, 'waitlisted', 1],
      ]);
    }
    for (const as of [RESIDENT, MEMBER, 'seed-leader-langsong', 'sw-youyi']) {
      expect(await app.call(as, 'events', 'registrations', { eventId: e.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  test('the list pages by 20 in sign-up order', async () => {
    const e = await create({ capacity: null });
    for (let i = 0; i < 23; i++) {
      await app.ok(LEADER, 'events', 'registerOnBehalf', { eventId: e.id, name: `老人${i}`, mobile: `1390000${String(i).padStart(4, '0')}` });
      app.clock.advance(1000);
    }
    const first = await app.ok(LEADER, 'events', 'registrations', { eventId: e.id });
    expect(first.items).toHaveLength(20);
    const second = await app.ok(LEADER, 'events', 'registrations', { eventId: e.id, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((r) => r.name)).toEqual(Array.from({ length: 23 }, (_, i) => `老人${i}`));
    expect(second.nextCursor).toBeNull();
  });
});

describe('hosts change capacity, time and place', () => {
  test('capacity cannot drop below those registered; raising it promotes from the waitlist in the same write', async () => {
    const e = await create({ capacity: 2 });
    for (const p of ['p-a', 'p-b', 'p-c', 'p-d', 'p-e']) await app.ok(p, 'events', 'signUp', { eventId: e.id });
    const low = await app.call(LEADER, 'events', 'update', { eventId: e.id, capacity: 1 });
    expect(low).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { capacity: '已有2人报名，人数上限不能少于2人' } } });

    const raised = await app.ok(LEADER, 'events', 'update', { eventId: e.id, capacity: 4 });
    expect(raised.event).toMatchObject({ capacity: 4, registeredCount: 4, placesLeft: 0, waitlistCount: 1 });
    expect((await registration(e.id, 'p-c'))!.status).toBe('registered');
    expect((await registration(e.id, 'p-d'))!.status).toBe('registered');
    expect(await outbox('p-c')).toEqual(['event_promoted']);
    expect((await event(e.id)).waitlist).toEqual([registrationIdFor(e.id, 'p-e')]);

    await app.ok(LEADER, 'events', 'update', { eventId: e.id, capacity: null });
    expect(await event(e.id)).toMatchObject({ registeredCount: 5, waitlist: [] });
  });

  test('a change of time or place tells everyone registered and waitlisted; 我的活动 follows the new time', async () => {
    const e = await create({ capacity: 1 });
    await app.ok('p-a', 'events', 'signUp', { eventId: e.id });
    await app.ok('p-b', 'events', 'signUp', { eventId: e.id });
    await app.ok('p-c', 'events', 'signUp', { eventId: e.id });
    await app.ok('p-c', 'events', 'cancelSignUp', { eventId: e.id });
    await app.ok(LEADER, 'events', 'update', { eventId: e.id, title: '书法课（楷书）' });
    expect(await outbox('p-a')).toEqual([]);

    const startAt = e.startAt + DAY;
    await app.ok(LEADER, 'events', 'update', { eventId: e.id, startAt, endAt: startAt + 2 * HOUR, place: '社区图书角' });
    expect(await outbox('p-a')).toEqual(['event_changed']);
    expect(await outbox('p-b')).toEqual(['event_changed']);
    expect(await outbox('p-c')).toEqual([]);
    expect((await registration(e.id, 'p-a'))!.startAt).toBe(startAt);
    const mine = await app.ok('p-a', 'events', 'mine', { tab: 'upcoming' });
    expect(mine.items[0]!.event).toMatchObject({ startAt, place: '社区图书角' });
  });

  test('an edit that breaks the time rules names the field and writes nothing', async () => {
    const e = await create();
    const before = await event(e.id);
    const bad = await app.call(LEADER, 'events', 'update', { eventId: e.id, endAt: e.startAt - HOUR });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { endAt: '结束时间需晚于开始时间' } } });
    const early = await app.call(LEADER, 'events', 'update', { eventId: e.id, startAt: e.signupDeadline - HOUR, endAt: e.signupDeadline });
    expect(early).toMatchObject({ error: { fields: { signupDeadline: '报名截止时间不能晚于开始时间' } } });
    expect((await event(e.id)).version).toBe(before.version);
  });
});

describe('cancelling events', () => {
  test('everyone registered and waitlisted is told once; the event stays visible as cancelled with its reason', async () => {
    const e = await create({ capacity: 1 });
    await app.ok('p-a', 'events', 'signUp', { eventId: e.id });
    await app.ok('p-b', 'events', 'signUp', { eventId: e.id });
    await app.ok(LEADER, 'events', 'registerOnBehalf', { eventId: e.id, name: '郭大爷', mobile: '13900001111' });
    const done = await app.ok(LEADER, 'events', 'cancel', { eventId: e.id, reason: '场地临时维修' });
    expect(done.cancelledIds).toEqual([e.id]);
    expect(await outbox('p-a')).toEqual(['event_cancelled']);
    expect(await outbox('p-b')).toEqual(['event_cancelled']);

    expect(await app.ok(LEADER, 'events', 'cancel', { eventId: e.id, reason: '场地临时维修' })).toEqual(done);
    expect(await outbox('p-a')).toEqual(['event_cancelled']);

    const detail = (await app.ok('p-a', 'events', 'detail', { eventId: e.id })).event;
    expect(detail).toMatchObject({ status: 'cancelled', cancelReason: '场地临时维修', can: { signUp: false, cancel: false } });
    const list = await app.ok('p-a', 'events', 'list', { communityId: 'c-tatan' });
    expect(list.items.find((c) => c.id === e.id)?.status).toBe('cancelled');
  });

  test('a whole series: every future date, past ones untouched; one date alone leaves the others', async () => {
    const { events } = await app.ok(LEADER, 'events', 'create', eventInput(app.clock.now(), { repeat: { weeks: 4 } }));
    expect(new Set(events.map((e) => e.seriesId)).size).toBe(1);
    await app.ok(LEADER, 'events', 'cancel', { eventId: events[1]!.id, reason: '老师出差' });
    expect((await event(events[2]!.id)).status).toBe('scheduled');

    app.clock.advance(events[0]!.endAt - app.clock.now() + HOUR); // the first date is over
    const whole = await app.ok(LEADER, 'events', 'cancel', { eventId: events[2]!.id, reason: '课程结束', wholeSeries: true });
    expect(whole.cancelledIds.sort()).toEqual([events[1]!.id, events[2]!.id, events[3]!.id].sort());
    expect((await event(events[0]!.id)).status).toBe('scheduled');
    expect((await event(events[1]!.id)).cancelReason).toBe('老师出差');
    expect((await event(events[3]!.id)).cancelReason).toBe('课程结束');
  });

  test('a started event cannot be cancelled', async () => {
    const e = await create();
    app.clock.advance(e.startAt - app.clock.now());
    expect(await app.call(LEADER, 'events', 'cancel', { eventId: e.id, reason: '下雨了' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '活动已经开始，不能取消' },
    });
  });
});
