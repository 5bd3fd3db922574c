import type { TEventsFunction } from '../../../types/events';
import { AppError, invalidState, notFound } from '../app-error';
import { C, type TEventDoc, type TMembershipDoc, type TRegistrationDoc, type TUserDoc } from '../collections';
import type { TActionImpl } from '../dispatch';
import { authed, type TAuthedContext } from '../guards';
import { membershipIdFor } from '../groups/membership-id';
import { consumeRate, RATE_RULES } from '../rate-limit';
import type { TTransaction } from '../storage/port';
import { tellPromoted } from './fanout';
import { runsEventInTx } from './host-access';
import { onBehalfRegistrationIdFor, registrationIdFor } from './registration-id';
import { myRegistrationView, registrationRowView } from './registration-views';
import { audienceRefusal, closedReason, isLateCancel, WAITLIST_FULL } from './rules';
import { leaveWaitlist, releasePlace, seatFor, type TSeats } from './seats';

/**
 * 报名, 取消报名 and 代报名. Each is one transaction over the event document and the registrations it touches:
 * the event holds the counters and the waitlist order, so every sign-up, cancel and promotion of one event
 * serializes on it (a concurrent one conflicts and is retried on what the first committed). See docs/events.md.
 */
type TImpl = TActionImpl<TEventsFunction['actions']>;

const FORBIDDEN_AUDIENCE = (message: string) => new AppError('FORBIDDEN', undefined, message);

interface TPlaced {
  event: TEventDoc;
  registration: TRegistrationDoc;
}

/**
 * Puts one person on the event: a place if one is free and nobody waits, else the back of the waitlist. An active
 * registration is answered as it is (signing up twice is one registration); a cancelled one is reused.
 */
async function place(
  tx: TTransaction,
  event: TEventDoc,
  id: string,
  person: Pick<TRegistrationDoc, 'openid' | 'name' | 'mobile' | 'onBehalfBy'>,
  now: number,
): Promise<TPlaced> {
  const existing = await tx.get<TRegistrationDoc>(C.registrations, id);
  if (existing && (existing.status === 'registered' || existing.status === 'waitlisted')) return { event, registration: existing };
  const seat = seatFor(event);
  if (seat === 'full') throw invalidState(WAITLIST_FULL);
  const fields = {
    status: seat,
    name: person.name,
    mobile: person.mobile ?? existing?.mobile ?? null,
    onBehalfBy: person.onBehalfBy,
    registeredAt: now,
    promotedAt: null,
    cancelledAt: null,
    lateCancel: false,
    startAt: event.startAt,
  };
  let registration: TRegistrationDoc;
  if (existing) {
    await tx.update(C.registrations, id, fields);
    registration = { ...existing, ...fields, version: existing.version + 1, updatedAt: now };
  } else {
    registration = await tx.insert<TRegistrationDoc>(C.registrations, {
      _id: id,
      eventId: event._id,
      openid: person.openid,
      checkedInAt: null,
      checkInMethod: null,
      attended: false,
      ...fields,
    });
  }
  const seats: TSeats =
    seat === 'registered'
      ? { capacity: event.capacity, registeredCount: event.registeredCount + 1, waitlist: event.waitlist }
      : { capacity: event.capacity, registeredCount: event.registeredCount, waitlist: [...event.waitlist, id] };
  await tx.update(C.events, event._id, { registeredCount: seats.registeredCount, waitlist: seats.waitlist });
  return { event: { ...event, ...seats }, registration };
}

/** Gives the freed places to the first in line, inside the same transaction. */
export async function promoteInTx(tx: TTransaction, ids: string[], now: number): Promise<TRegistrationDoc[]> {
  const promoted: TRegistrationDoc[] = [];
  for (const id of ids) {
    const r = await tx.get<TRegistrationDoc>(C.registrations, id);
    if (!r) continue; // never: a waitlisted id always has its document (written in the same transaction)
    await tx.update(C.registrations, id, { status: 'registered', promotedAt: now });
    promoted.push({ ...r, status: 'registered', promotedAt: now });
  }
  return promoted;
}

/** Members-only events admit active members of a hosting group, read inside the transaction. */
async function isHostMemberInTx(tx: TTransaction, event: TEventDoc, openid: string): Promise<TMembershipDoc | null> {
  for (const groupId of event.hostGroupIds) {
    const m = await tx.get<TMembershipDoc>(C.memberships, membershipIdFor(groupId, openid));
    if (m?.status === 'active') return m;
  }
  return null;
}

export const signUp: TImpl['signUp'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  await consumeRate(ctx, RATE_RULES.eventSignUp);
  const id = registrationIdFor(input.eventId, ctx.caller.openid);
  const { event, registration } = await ctx.store.transaction(async (tx) => {
    const now = ctx.clock.now();
    const event = await tx.get<TEventDoc>(C.events, input.eventId);
    if (!event) throw notFound();
    const closed = closedReason(event, now);
    if (closed) throw invalidState(closed);
    const user = await tx.get<TUserDoc>(C.users, ctx.caller.openid);
    const member = event.audience === 'members' ? await isHostMemberInTx(tx, event, ctx.caller.openid) : null;
    const refusal = audienceRefusal(event, { user, isHostMember: member !== null });
    if (refusal) throw FORBIDDEN_AUDIENCE(refusal);
    const name = user?.displayName ?? member?.name ?? '微信用户';
    return place(tx, event, id, { openid: ctx.caller.openid, name, mobile: input.mobile ?? member?.mobile ?? null, onBehalfBy: null }, now);
  });
  return { registration: myRegistrationView(event, registration) };
};

export const cancelSignUp: TImpl['cancelSignUp'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const id = registrationIdFor(input.eventId, ctx.caller.openid);
  const { event, registration, promoted } = await ctx.store.transaction(async (tx) => {
    const now = ctx.clock.now();
    const registration = await tx.get<TRegistrationDoc>(C.registrations, id);
    if (!registration) throw notFound();
    const event = await tx.get<TEventDoc>(C.events, input.eventId);
    if (!event) throw notFound();
    if (registration.status === 'cancelled') return { event, registration, promoted: [] }; // a repeat changes nothing
    if (event.status === 'cancelled') throw invalidState('活动已取消，无需再取消报名');
    if (now >= event.startAt) throw invalidState('活动已经开始，不能再取消报名');
    // Checked in (from 30 minutes before the start): their attendance is counted, so the place stays theirs.
    if (registration.attended) throw invalidState('您已签到，不能再取消报名；如有变化请告诉负责人');

    const wasRegistered = registration.status === 'registered';
    const patch = { status: 'cancelled' as const, cancelledAt: now, lateCancel: wasRegistered && isLateCancel(event, now) };
    await tx.update(C.registrations, id, patch);
    const { promoted: ids, seats } = wasRegistered ? releasePlace(event) : { promoted: [], seats: leaveWaitlist(event, id) };
    const promoted = await promoteInTx(tx, ids, now);
    await tx.update(C.events, event._id, { registeredCount: seats.registeredCount, waitlist: seats.waitlist });
    return { event: { ...event, ...seats }, registration: { ...registration, ...patch }, promoted };
  });
  await tellPromoted(ctx, event, promoted);
  return { registration: myRegistrationView(event, registration) };
};

/**
 * 代报名: a host's manager (or the community's social worker) registers someone without WeChat by name and phone.
 * The id comes from event and phone, so the same elder is registered once. Audience rules and the sign-up
 * deadline are the manager's call; a started or cancelled event takes nobody.
 */
export const registerOnBehalf: TImpl['registerOnBehalf'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const id = onBehalfRegistrationIdFor(input.eventId, input.mobile);
  const { event, registration } = await ctx.store.transaction(async (tx) => {
    const now = ctx.clock.now();
    const event = await tx.get<TEventDoc>(C.events, input.eventId);
    if (!event) throw notFound();
    if (!(await runsEventInTx(tx, ctx, event))) throw new AppError('FORBIDDEN');
    if (event.status === 'cancelled') throw invalidState('活动已取消，不能报名');
    if (now >= event.startAt) throw invalidState('活动已开始，不能再代报名；到场的老人可在签到时由负责人手动标记');
    return place(tx, event, id, { openid: null, name: input.name, mobile: input.mobile, onBehalfBy: ctx.caller.openid }, now);
  });
  return { registration: registrationRowView(event, registration) };
};
