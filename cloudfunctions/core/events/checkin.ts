import { EVENT_LIMITS, type TEventsFunction } from '../../../types/events';
import { AppError, forbidden, invalidState, notFound } from '../app-error';
import { C, type TEventDoc, type TRegistrationDoc } from '../collections';
import type { TActionImpl } from '../dispatch';
import { authed } from '../guards';
import { consumeRate, isRateLimited, RATE_RULES } from '../rate-limit';
import type { TTransaction } from '../storage/port';
import { setAttendance } from './attendance';
import { acceptsCode, codeFor, codeWindowAt, codeWindowEnd, qrTextFor } from './check-in-code';
import { runsEvent, runsEventInTx } from './host-access';
import { registrationIdFor } from './registration-id';
import { myRegistrationView, registrationRowView } from './registration-views';

type TImpl = TActionImpl<TEventsFunction['actions']>;

const OPENS_MS = EVENT_LIMITS.checkInOpensMinutes * 60_000;

export const CHECK_IN_MESSAGES = {
  cancelled: '活动已取消，无需签到',
  notOpen: `签到在活动开始前${EVENT_LIMITS.checkInOpensMinutes}分钟开放，请到时再来`,
  ended: '活动已结束，签到已关闭；如您到场了，请联系负责人补签',
  notRegistered: '您没有报名这个活动，请先报名；没有报上名的请联系负责人',
  waitlisted: '您还在候补中，没有获得名额，不能签到',
  registrationCancelled: '您已取消报名，不能签到；如已到场请联系负责人',
  wrongCode: '签到码不正确或已过期，请扫描或输入负责人屏幕上的最新签到码',
  markNotYet: `活动开始前${EVENT_LIMITS.checkInOpensMinutes}分钟起才能登记到场`,
  markWaitlisted: '候补中或已取消报名的人不能登记到场，请先为其报名',
} as const;

/** Check-in by code is open from checkInOpensMinutes before the start until the end. */
function checkInWindowProblem(event: TEventDoc, now: number): string | null {
  if (event.status === 'cancelled') return CHECK_IN_MESSAGES.cancelled;
  if (now < event.startAt - OPENS_MS) return CHECK_IN_MESSAGES.notOpen;
  if (now >= event.endAt) return CHECK_IN_MESSAGES.ended;
  return null;
}

async function loadEventInTx(tx: TTransaction, eventId: string): Promise<TEventDoc> {
  const event = await tx.get<TEventDoc>(C.events, eventId);
  if (!event) throw notFound();
  return event;
}

/** Thrown out of the check-in transaction so the wrong guess is counted after it (a rolled-back attempt writes nothing). */
class WrongCode extends Error {}

/**
 * `checkIn`: the caller's own registration only (its id derives from the event and the caller, so nobody can name
 * someone else's). A code is checked against this event's secret, so a code of another event never matches.
 * Wrong codes are rate-limited per caller, and a limited caller is refused before the code is even compared, so
 * 6 digits cannot be guessed by brute force.
 */
export const checkIn: TImpl['checkIn'] = async (rawCtx, { eventId, code }) => {
  const ctx = authed(rawCtx);
  const limited = await isRateLimited(ctx, RATE_RULES.checkInCode);
  try {
    return await ctx.store.transaction(async (tx) => {
      const event = await loadEventInTx(tx, eventId);
      if (event.status === 'cancelled') throw invalidState(CHECK_IN_MESSAGES.cancelled);
      const now = ctx.clock.now();
      const reg = await tx.get<TRegistrationDoc>(C.registrations, registrationIdFor(eventId, ctx.caller.openid));
      if (!reg) throw invalidState(CHECK_IN_MESSAGES.notRegistered);
      if (reg.status === 'waitlisted') throw invalidState(CHECK_IN_MESSAGES.waitlisted);
      if (reg.status === 'cancelled') throw invalidState(CHECK_IN_MESSAGES.registrationCancelled);
      // Already in: the same answer again, nothing counted twice (a double tap, a second scan).
      if (reg.attended) return { registration: myRegistrationView(event, reg) };
      const problem = checkInWindowProblem(event, now);
      if (problem) throw invalidState(problem);
      if (limited) throw new AppError('RATE_LIMITED', undefined, RATE_RULES.checkInCode.message);
      if (!acceptsCode(event.checkInSecret, code, now)) throw new WrongCode();
      const moved = await setAttendance(tx, event, reg, true, 'code', now);
      return { registration: myRegistrationView(moved.event, moved.reg) };
    });
  } catch (error) {
    if (!(error instanceof WrongCode)) throw error;
    await consumeRate(ctx, RATE_RULES.checkInCode);
    throw new AppError('VALIDATION_FAILED', { code: CHECK_IN_MESSAGES.wrongCode });
  }
};

/** `checkInCode`: the host's screen. The event is public, so someone who does not run it is FORBIDDEN. */
export const checkInCode: TImpl['checkInCode'] = async (rawCtx, { eventId }) => {
  const ctx = authed(rawCtx);
  const event = await ctx.store.collection<TEventDoc>(C.events).get(eventId);
  if (!event) throw notFound();
  if (!(await runsEvent(ctx, event))) throw forbidden();
  const now = ctx.clock.now();
  const problem = checkInWindowProblem(event, now);
  if (problem) throw invalidState(problem === CHECK_IN_MESSAGES.ended ? '活动已结束，签到已关闭；可在报名名单中手动登记到场' : problem);
  const window = codeWindowAt(now);
  const code = codeFor(event.checkInSecret, window);
  return {
    code,
    qrText: qrTextFor(event._id, code),
    validUntil: codeWindowEnd(window),
    counts: { registered: event.registeredCount, checkedIn: event.checkedInCount, waitlisted: event.waitlist.length },
  };
};

/**
 * `markAttendance` by hand (代报名 elders, phones that fail), from check-in opening on, with no end (a leader may
 * complete the list after the event, before or after recording it). Registrations are internal to those who run
 * the event: to anyone else the id does not exist.
 */
export const markAttendance: TImpl['markAttendance'] = async (rawCtx, { registrationId, present }) => {
  const ctx = authed(rawCtx);
  return ctx.store.transaction(async (tx) => {
    const reg = await tx.get<TRegistrationDoc>(C.registrations, registrationId);
    if (!reg) throw notFound();
    const event = await loadEventInTx(tx, reg.eventId);
    if (!(await runsEventInTx(tx, ctx, event))) throw notFound();
    if (reg.attended === present) return { registration: registrationRowView(event, reg) };
    if (event.status === 'cancelled') throw invalidState(CHECK_IN_MESSAGES.cancelled);
    const now = ctx.clock.now();
    if (now < event.startAt - OPENS_MS) throw invalidState(CHECK_IN_MESSAGES.markNotYet);
    if (present && reg.status !== 'registered') throw invalidState(CHECK_IN_MESSAGES.markWaitlisted);
    const moved = await setAttendance(tx, event, reg, present, 'hand', now);
    return { registration: registrationRowView(moved.event, moved.reg) };
  });
};
