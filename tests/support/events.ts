import { C, type TEventDoc, type TRegistrationDoc } from '../../cloudfunctions/core/collections';
import { newCheckInSecret } from '../../cloudfunctions/core/events/check-in-code';
import { onBehalfRegistrationIdFor, registrationIdFor } from '../../cloudfunctions/core/events/registration-id';
import type { TStore } from '../../cloudfunctions/core/storage/port';

/**
 * Events and registrations written straight into the store, for tests of check-in, attendance and records that
 * should not depend on how sign-up gets there. Counters are kept as sign-up keeps them.
 */
type TNew<T> = Omit<T, 'createdAt' | 'updatedAt' | 'version'>;

const HOUR = 3_600_000;
export const LAONIAN = 'g_seed_laonian';
export const HECHANG = 'g_seed_hechang';

let serial = 0;

export async function insertEvent(store: TStore, startAt: number, overrides: Partial<TNew<TEventDoc>> = {}): Promise<TEventDoc> {
  serial += 1;
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
    hostGroupIds: [LAONIAN],
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
