import { C, type TEventDoc, type TRegistrationDoc } from '../../cloudfunctions/core/collections';
import { newCheckInSecret } from '../../cloudfunctions/core/events/check-in-code';
import { onBehalfRegistrationIdFor, registrationIdFor } from '../../cloudfunctions/core/events/registration-id';
import type { TStore } from '../../cloudfunctions/core/storage/port';
import type { TTestApp } from './app';
import { eventInput } from './event-input';

/**
 * Events and registrations for check-in, record and reminder tests. `createEvent` / `signUp` go through the real
 * actions; `insertEvent` / `insertRegistration` write straight into the store, for what the actions cannot make
 * (an event that started already, a registration made at a chosen moment). Counters are kept as sign-up keeps them.
 */
type TNew<T> = Omit<T, 'createdAt' | 'updatedAt' | 'version'>;

const HOUR = 3_600_000;
export const LAONIAN = 'g_seed_laonian';
export const HECHANG = 'g_seed_hechang';

let serial = 0;

export async function insertEvent(store: TStore, startAt: number, overrides: Partial<TNew<TEventDoc>> = {}): Promise<TEventDoc> {
  serial += 1;
  const hostGroupIds = overrides.hostGroupIds ?? [LAONIAN];
  const doc: TNew<TEventDoc> = {
    _id: `e_test_${serial}`,
    status: 'scheduled',
    title: `测试活动${serial}`,
    description: '',
    startAt,
    endAt: startAt + 2 * HOUR,
    place: '塔谈社区党群服务中心',
    capacity: null,
    signupDeadline: startAt - HOUR,
    audience: 'community',
    isVolunteer: false,
    communityId: 'c-tatan',
    communityName: '塔谈社区',
    hostGroupIds,
    // The scalar copies a group's page is indexed on follow hostGroupIds unless a test sets them.
    hostGroupId: hostGroupIds[0] ?? null,
    coHostGroupId: hostGroupIds[1] ?? null,
    hostNames: ['塔谈社区老年协会'],
    createdBy: 'demo-leader',
    seriesId: null,
    requestFingerprint: 'test',
    cancelReason: null,
    cancelledAt: null,
    registeredCount: 0,
    checkedInCount: 0,
    waitlist: [],
    checkInSecret: newCheckInSecret(),
    record: null,
    remindedAt: null,
    ...overrides,
  };
  return store.collection<TEventDoc>(C.events).insert(doc);
}

/** A registration of `openid` (or, with `mobile`, a 代报名 without WeChat), moving the event's counters. */
export async function insertRegistration(
  store: TStore,
  eventId: string,
  person: { openid: string; name?: string } | { mobile: string; name: string; by: string },
  status: TRegistrationDoc['status'] = 'registered',
): Promise<TRegistrationDoc> {
  return store.transaction(async (tx) => {
    const event = (await tx.get<TEventDoc>(C.events, eventId))!;
    const onBehalf = 'mobile' in person;
    const _id = onBehalf ? onBehalfRegistrationIdFor(eventId, person.mobile) : registrationIdFor(eventId, person.openid);
    const reg = await tx.insert<TRegistrationDoc>(C.registrations, {
      _id,
      eventId,
      openid: onBehalf ? null : person.openid,
      name: person.name ?? '居民',
      mobile: onBehalf ? person.mobile : null,
      status,
      onBehalfBy: onBehalf ? person.by : null,
      registeredAt: event.startAt - 24 * HOUR,
      promotedAt: null,
      cancelledAt: status === 'cancelled' ? event.startAt - 20 * HOUR : null,
      lateCancel: false,
      checkedInAt: null,
      checkInMethod: null,
      startAt: event.startAt,
      attended: false,
    });
    if (status === 'registered') await tx.update(C.events, eventId, { registeredCount: event.registeredCount + 1 });
    if (status === 'waitlisted') await tx.update(C.events, eventId, { waitlist: [...event.waitlist, _id] });
    return reg;
  });
}

// ---- through the real actions ----

/** 老年协会's event (or a community event, as the social worker) created by the `create` action; returns the stored document. */
export async function createEvent(
  app: TTestApp,
  startAt: number,
  overrides: Parameters<typeof eventInput>[1] = {},
  as = overrides.groupId === null ? 'demo-social-worker' : 'demo-leader',
): Promise<TEventDoc> {
  const input = eventInput(app.clock.now(), {
    startAt,
    endAt: startAt + 2 * HOUR,
    signupDeadline: Math.min(startAt, app.clock.now() + 5 * 60_000),
    capacity: null,
    ...overrides,
  });
  const { events } = await app.ok(as, 'events', 'create', input);
  return (await app.store.collection<TEventDoc>(C.events).get(events[0]!.id))!;
}

/** `openid` signs up with the `signUp` action; answers the stored registration. */
export async function signUp(app: TTestApp, eventId: string, openid: string): Promise<TRegistrationDoc> {
  const { registration } = await app.ok(openid, 'events', 'signUp', { eventId });
  return (await app.store.collection<TRegistrationDoc>(C.registrations).get(registration.id))!;
}
