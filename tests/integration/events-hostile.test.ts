import { C, type TEventDoc, type TRegistrationDoc } from '../../cloudfunctions/core/collections';
import { HANDLERS } from '../../cloudfunctions/core/functions';
import { membershipIdFor } from '../../cloudfunctions/core/groups/membership-id';
import { localPorts } from '../../cloudfunctions/core/platform/local-ports';
import type { TStore } from '../../cloudfunctions/core/storage/port';
import { createTestApp, type TTestApp } from '../support/app';
import { eventInput } from '../support/event-input';
import { storeWithHook } from '../support/store-hook';

/** Callers who race a role change, repeat, or push past the rules of an event. */

const LEADER = 'demo-leader';
const DEPUTY = 'seed-deputy-laonian';
const RESIDENT = 'demo-resident';

let app: TTestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

/** The events function as `as` would call it, through a store whose next transaction first runs `hook`. */
function racedCaller(inner: TStore, hook: () => Promise<void>) {
  const hooked = storeWithHook(inner);
  hooked.beforeNextTransaction(hook);
  const ports = localPorts(hooked.store, { clock: app.clock });
  return (as: string, action: string, input: object) => HANDLERS.events({ action, ...input }, { ...ports, caller: { openid: as } });
}

const newEvent = async (overrides: Parameters<typeof eventInput>[1] = {}) =>
  (await app.ok(LEADER, 'events', 'create', eventInput(app.clock.now(), overrides))).events[0]!;
const removeDeputy = () => app.ok(LEADER, 'manage', 'removeMember', { membershipId: membershipIdFor('g_seed_laonian', DEPUTY) }).then(() => undefined);

describe('a deputy removed while their request is in flight cannot act on the event', () => {
  test.each([
    ['update', { capacity: 40 }],
    ['cancel', { reason: '场地临时维修' }],
    ['registerOnBehalf', { name: '郭大爷', mobile: '13900001111' }],
  ] as const)('%s', async (action, extra) => {
    const e = await newEvent();
    const before = (await app.store.collection<TEventDoc>(C.events).get(e.id))!;
    const call = racedCaller(app.store, removeDeputy);
    expect(await call(DEPUTY, action, { eventId: e.id, ...extra })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await app.store.collection<TEventDoc>(C.events).get(e.id))!.version).toBe(before.version);
  });

  test('nor create one for the group', async () => {
    const call = racedCaller(app.store, removeDeputy);
    expect(await call(DEPUTY, 'create', eventInput(app.clock.now()))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('a member who leaves while signing up for a members-only event is refused', () => {
  test('the membership is read inside the sign-up transaction', async () => {
    const e = await newEvent({ audience: 'members' });
    const call = racedCaller(app.store, () => app.ok('seed-member-4', 'groups', 'leave', { groupId: 'g_seed_laonian' }).then(() => undefined));
    expect(await call('seed-member-4', 'signUp', { eventId: e.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await app.store.collection<TEventDoc>(C.events).get(e.id))!.registeredCount).toBe(0);
  });
});

describe('what a client cannot send', () => {
  test('server-owned fields in a create, an update or a sign-up are refused by the contract', async () => {
    for (const extra of [{ status: 'cancelled' }, { registeredCount: 0 }, { waitlist: [] }, { checkInSecret: 'x' }, { createdBy: RESIDENT }]) {
      const create = await app.call(LEADER, 'events', 'create', { ...eventInput(app.clock.now()), ...extra } as never);
      expect(create).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    const e = await newEvent();
    const update = await app.call(LEADER, 'events', 'update', { eventId: e.id, registeredCount: 0 } as never);
    expect(update).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const signUp = await app.call(RESIDENT, 'events', 'signUp', { eventId: e.id, openid: LEADER } as never);
    expect(signUp).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  test('cancelling a sign-up never touches anyone else’s: with no registration of one’s own it is NOT_FOUND', async () => {
    const e = await newEvent();
    await app.ok(LEADER, 'events', 'signUp', { eventId: e.id });
    expect(await app.call(RESIDENT, 'events', 'cancelSignUp', { eventId: e.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const regs = await app.store.collection<TRegistrationDoc>(C.registrations).find({ where: { eventId: e.id }, limit: 10 });
    expect(regs.items.map((r) => r.status)).toEqual(['registered']);
  });

  test('signing up and cancelling in a loop is rate-limited before it churns the waitlist', async () => {
    const e = await newEvent({ capacity: 1 });
    await app.ok(LEADER, 'events', 'signUp', { eventId: e.id });
    let limited = false;
    for (let i = 0; i < 25 && !limited; i++) {
      const answer = await app.call(RESIDENT, 'events', 'signUp', { eventId: e.id });
      if (!answer.ok) {
        expect(answer.error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('10分钟后再试') });
        limited = true;
      } else await app.ok(RESIDENT, 'events', 'cancelSignUp', { eventId: e.id });
    }
    expect(limited).toBe(true);
  });
});
