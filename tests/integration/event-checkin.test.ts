import { EVENT_LIMITS } from '../../types/events';
import { parseCheckInQr } from '../../types/check-in-qr';
import { C, type TEventDoc, type TRegistrationDoc, type TStatDoc } from '../../cloudfunctions/core/collections';
import { acceptsCode, codeFor, codeWindowAt } from '../../cloudfunctions/core/events/check-in-code';
import { CHECK_IN_MESSAGES } from '../../cloudfunctions/core/events/checkin';
import { registrationIdFor } from '../../cloudfunctions/core/events/registration-id';
import { personStatId } from '../../cloudfunctions/core/events/stats';
import { RATE_RULES } from '../../cloudfunctions/core/rate-limit';
import { createTestApp, type TTestApp } from '../support/app';
import { createEvent, HECHANG, signUp } from '../support/events';

/** Check-in by the code on the host's screen, and attendance by hand: who may, when, and what is counted. */

const LEADER = 'demo-leader';
const DEPUTY = 'seed-deputy-laonian';
const WORKER = 'demo-social-worker';
const OTHER_WORKER = 'sw-youyi';
const RESIDENT = 'demo-resident';
const MINUTE = 60_000;
const WINDOW_MS = EVENT_LIMITS.codeWindowSeconds * 1000;

let app: TTestApp;
let event: TEventDoc;
beforeEach(async () => {
  app = await createTestApp();
  // Starts in 20 minutes: check-in is already open (it opens 30 minutes before).
  event = await createEvent(app, app.clock.now() + 20 * MINUTE);
  await signUp(app, event._id, RESIDENT);
});
afterEach(() => app.close());

const setNow = (ms: number) => app.clock.advance(ms - app.clock.now());
const stored = async () => (await app.store.collection<TEventDoc>(C.events).get(event._id))!;
const regOf = async (openid: string, eventId = event._id) =>
  (await app.store.collection<TRegistrationDoc>(C.registrations).get(registrationIdFor(eventId, openid)))!;
const currentCode = async (eventId = event._id) => (await app.ok(LEADER, 'events', 'checkInCode', { eventId })).code;

describe('the codes', () => {
  test('RFC 6238 (HMAC-SHA256): the published vector at T=59 s, cut to 6 digits', () => {
    expect(codeFor('12345678901234567890123456789012', 1)).toBe('119246');
  });

  test('a code is accepted in its window and for the grace into the next, never later', () => {
    const secret = 'a'.repeat(64);
    const start = codeWindowAt(Date.UTC(2026, 10, 28, 2, 0, 0)) * WINDOW_MS;
    const code = codeFor(secret, codeWindowAt(start));
    expect(acceptsCode(secret, code, start)).toBe(true);
    expect(acceptsCode(secret, code, start + WINDOW_MS - 1)).toBe(true);
    expect(acceptsCode(secret, code, start + WINDOW_MS + EVENT_LIMITS.codeGraceSeconds * 1000 - 1)).toBe(true);
    expect(acceptsCode(secret, code, start + WINDOW_MS + EVENT_LIMITS.codeGraceSeconds * 1000)).toBe(false);
    expect(acceptsCode(secret, code, start + 2 * WINDOW_MS)).toBe(false);
    expect(acceptsCode(secret, code, start - 1)).toBe(false);
  });
});

describe('checkInCode: the host screen', () => {
  test('a manager gets 6 digits, the QR text, when it changes, and the live counts', async () => {
    await app.ok(LEADER, 'events', 'update', { eventId: event._id, capacity: 1 });
    await signUp(app, event._id, 'w1');
    const shown = await app.ok(DEPUTY, 'events', 'checkInCode', { eventId: event._id });
    expect(shown.code).toMatch(/^\d{6}$/);
    expect(parseCheckInQr(shown.qrText)).toEqual({ eventId: event._id, code: shown.code });
    expect(shown.validUntil).toBe((codeWindowAt(app.clock.now()) + 1) * WINDOW_MS);
    expect(shown.validUntil).toBeGreaterThan(app.clock.now());
    expect(shown.counts).toEqual({ registered: 1, checkedIn: 0, waitlisted: 1 });
    // The community's social worker too; the code is the same for everyone in the window.
    expect((await app.ok(WORKER, 'events', 'checkInCode', { eventId: event._id })).code).toBe(shown.code);
  });

  test('nobody else sees it: residents, another community\'s social worker, a member', async () => {
    for (const who of [RESIDENT, OTHER_WORKER, 'seed-member-1', 'seed-leader-langsong']) {
      expect(await app.call(who, 'events', 'checkInCode', { eventId: event._id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  test('a co-host\'s leader runs it too', async () => {
    const cohosted = await createEvent(app, app.clock.now() + 10 * MINUTE, { coHostGroupId: HECHANG });
    const hechangLeader = (await app.store.collection(C.groups).get(HECHANG))!.leaderOpenid as string;
    await expect(app.ok(hechangLeader, 'events', 'checkInCode', { eventId: cohosted._id })).resolves.toMatchObject({ code: expect.any(String) });
  });

  test('before the window and after the end it says when, not a code', async () => {
    const later = await createEvent(app, app.clock.now() + 2 * 60 * MINUTE);
    expect(await app.call(LEADER, 'events', 'checkInCode', { eventId: later._id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: CHECK_IN_MESSAGES.notOpen },
    });
    setNow(event.endAt);
    expect(await app.call(LEADER, 'events', 'checkInCode', { eventId: event._id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('手动登记') },
    });
  });
});

describe('checkIn', () => {
  test('the current code checks the caller in once; a repeat answers the same and counts nothing again', async () => {
    const code = await currentCode();
    const first = await app.ok(RESIDENT, 'events', 'checkIn', { eventId: event._id, code });
    expect(first.registration).toMatchObject({ status: 'registered', checkedInAt: app.clock.now() });
    app.clock.advance(5_000);
    const again = await app.ok(RESIDENT, 'events', 'checkIn', { eventId: event._id, code: await currentCode() });
    expect(again.registration).toEqual(first.registration);
    expect((await stored()).checkedInCount).toBe(1);
    expect(await regOf(RESIDENT)).toMatchObject({ attended: true, checkInMethod: 'code' });
    expect(await app.store.collection<TStatDoc>(C.stats).get(personStatId(RESIDENT))).toMatchObject({ attendances: 1, volunteerMinutes: 0 });
  });

  test("the previous window's code works for the grace after the switch and never after", async () => {
    await signUp(app, event._id, 'late-1');
    setNow((codeWindowAt(app.clock.now()) + 1) * WINDOW_MS - 1000);
    const code = await currentCode();
    setNow(app.clock.now() + 1000 + EVENT_LIMITS.codeGraceSeconds * 1000 - 1);
    await expect(app.ok(RESIDENT, 'events', 'checkIn', { eventId: event._id, code })).resolves.toBeTruthy();
    app.clock.advance(1);
    expect(await app.call('late-1', 'events', 'checkIn', { eventId: event._id, code })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { code: CHECK_IN_MESSAGES.wrongCode } },
    });
    expect((await stored()).checkedInCount).toBe(1);
  });

  test('a code of event A never checks anyone into event B', async () => {
    const other = await createEvent(app, app.clock.now() + 10 * MINUTE);
    await signUp(app, other._id, RESIDENT);
    const codeOfA = await currentCode(event._id);
    expect(codeOfA).not.toBe(await currentCode(other._id));
    expect(await app.call(RESIDENT, 'events', 'checkIn', { eventId: other._id, code: codeOfA })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect((await app.store.collection<TEventDoc>(C.events).get(other._id))!.checkedInCount).toBe(0);
  });

  test('waitlisted, cancelled and unregistered people are told why; nothing is counted', async () => {
    // One place, already taken by the resident: the next two wait, and one of them gives up.
    await app.ok(LEADER, 'events', 'update', { eventId: event._id, capacity: 1 });
    await signUp(app, event._id, 'waiting');
    await signUp(app, event._id, 'gone');
    await app.ok('gone', 'events', 'cancelSignUp', { eventId: event._id });
    const code = await currentCode();
    const refusal = async (who: string) => {
      const r = await app.call(who, 'events', 'checkIn', { eventId: event._id, code });
      return r.ok ? 'ok' : r.error.message;
    };
    expect(await refusal('waiting')).toBe(CHECK_IN_MESSAGES.waitlisted);
    expect(await refusal('gone')).toBe(CHECK_IN_MESSAGES.registrationCancelled);
    expect(await refusal('stranger')).toBe(CHECK_IN_MESSAGES.notRegistered);
    expect((await stored()).checkedInCount).toBe(0);
  });

  test('outside the window: too early, after the end, a cancelled event', async () => {
    const code = codeFor(event.checkInSecret, codeWindowAt(event.startAt - 31 * MINUTE));
    setNow(event.startAt - 31 * MINUTE);
    expect(await app.call(RESIDENT, 'events', 'checkIn', { eventId: event._id, code })).toMatchObject({ ok: false, error: { message: CHECK_IN_MESSAGES.notOpen } });
    setNow(event.endAt);
    const atEnd = codeFor(event.checkInSecret, codeWindowAt(event.endAt));
    expect(await app.call(RESIDENT, 'events', 'checkIn', { eventId: event._id, code: atEnd })).toMatchObject({ ok: false, error: { message: CHECK_IN_MESSAGES.ended } });
    setNow(event.startAt - 60 * MINUTE);
    const cancelled = await createEvent(app, app.clock.now() + 40 * MINUTE);
    await signUp(app, cancelled._id, RESIDENT);
    await app.ok(LEADER, 'events', 'cancel', { eventId: cancelled._id, reason: '下雨了' });
    setNow(cancelled.startAt - 5 * MINUTE);
    const now = codeFor(cancelled.checkInSecret, codeWindowAt(app.clock.now()));
    expect(await app.call(RESIDENT, 'events', 'checkIn', { eventId: cancelled._id, code: now })).toMatchObject({ ok: false, error: { message: CHECK_IN_MESSAGES.cancelled } });
    expect(await app.call(RESIDENT, 'events', 'checkIn', { eventId: 'e_missing', code: now })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('wrong guesses are limited per caller, and a limited caller is refused even with the right code', async () => {
    const right = await currentCode();
    const wrong = right === '000000' ? '000001' : '000000';
    for (let i = 0; i < RATE_RULES.checkInCode.max; i++) {
      expect(await app.call(RESIDENT, 'events', 'checkIn', { eventId: event._id, code: wrong })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    expect(await app.call(RESIDENT, 'events', 'checkIn', { eventId: event._id, code: right })).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', message: RATE_RULES.checkInCode.message },
    });
    expect((await stored()).checkedInCount).toBe(0);
    // The limit is the caller's own: someone else still checks in.
    await signUp(app, event._id, 'neighbour');
    await expect(app.ok('neighbour', 'events', 'checkIn', { eventId: event._id, code: right })).resolves.toBeTruthy();
    // Hand marking is the way out for the limited person.
    await app.ok(LEADER, 'events', 'markAttendance', { registrationId: registrationIdFor(event._id, RESIDENT), present: true });
    expect((await stored()).checkedInCount).toBe(2);
  });

  test('nobody names whose registration to check in: a registration id or an openid in the input is refused by name', async () => {
    const code = await currentCode();
    const forged = await app.raw('events', { action: 'checkIn', eventId: event._id, code, openid: RESIDENT, registrationId: registrationIdFor(event._id, RESIDENT) }, 'stranger');
    expect(forged).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { openid: expect.any(String), registrationId: expect.any(String) } } });
    expect(await app.call('stranger', 'events', 'checkIn', { eventId: event._id, code })).toMatchObject({ ok: false, error: { message: CHECK_IN_MESSAGES.notRegistered } });
    expect((await regOf(RESIDENT)).attended).toBe(false);
  });

  test('simultaneous check-ins with one code count each person once', async () => {
    const people = Array.from({ length: 12 }, (_, i) => `p${i}`);
    for (const p of people) await signUp(app, event._id, p);
    const code = await currentCode();
    // Everyone twice, all at once (a double tap each).
    const answers = await Promise.all([...people, ...people].map((p) => app.call(p, 'events', 'checkIn', { eventId: event._id, code })));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect((await stored()).checkedInCount).toBe(people.length);
    for (const p of people) expect((await app.store.collection<TStatDoc>(C.stats).get(personStatId(p)))!.attendances).toBe(1);
  });
});

test("once someone has checked in, the event's times stay (the attendance counted their duration)", async () => {
  await app.ok(RESIDENT, 'events', 'checkIn', { eventId: event._id, code: await currentCode() });
  expect(await app.call(LEADER, 'events', 'update', { eventId: event._id, endAt: event.endAt + 30 * MINUTE })).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION_FAILED', fields: { startAt: expect.stringContaining('已有人签到') } },
  });
  await expect(app.ok(LEADER, 'events', 'update', { eventId: event._id, place: '党群服务中心三楼' })).resolves.toBeTruthy();
  expect((await stored()).endAt).toBe(event.endAt);
});

test('someone checked in cannot cancel their place before the start (their attendance is counted)', async () => {
  await app.ok(RESIDENT, 'events', 'checkIn', { eventId: event._id, code: await currentCode() });
  expect(await app.call(RESIDENT, 'events', 'cancelSignUp', { eventId: event._id })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_STATE', message: expect.stringContaining('已签到') },
  });
  expect(await regOf(RESIDENT)).toMatchObject({ status: 'registered', attended: true });
});

describe('markAttendance by hand', () => {
  test('a manager marks a 代报名 elder present and back; repeats change nothing', async () => {
    const { registration: elder } = await app.ok(LEADER, 'events', 'registerOnBehalf', { eventId: event._id, name: '张奶奶', mobile: '13900001111' });
    const marked = await app.ok(DEPUTY, 'events', 'markAttendance', { registrationId: elder.id, present: true });
    expect(marked.registration).toMatchObject({ name: '张奶奶', mobile: '13900001111', onBehalf: true, checkInMethod: 'hand', checkedInAt: app.clock.now() });
    await app.ok(WORKER, 'events', 'markAttendance', { registrationId: elder.id, present: true });
    expect((await stored()).checkedInCount).toBe(1);
    const unmarked = await app.ok(LEADER, 'events', 'markAttendance', { registrationId: elder.id, present: false });
    expect(unmarked.registration).toMatchObject({ checkInMethod: null, checkedInAt: null });
    await app.ok(LEADER, 'events', 'markAttendance', { registrationId: elder.id, present: false });
    expect((await stored()).checkedInCount).toBe(0);
  });

  test('un-marking someone who checked in by code takes their attendance back everywhere', async () => {
    await app.ok(RESIDENT, 'events', 'checkIn', { eventId: event._id, code: await currentCode() });
    await app.ok(LEADER, 'events', 'markAttendance', { registrationId: registrationIdFor(event._id, RESIDENT), present: false });
    expect((await stored()).checkedInCount).toBe(0);
    expect(await app.store.collection<TStatDoc>(C.stats).get(personStatId(RESIDENT))).toMatchObject({ attendances: 0 });
  });

  test('nobody else can mark anyone: the registration does not exist for them', async () => {
    const registrationId = registrationIdFor(event._id, RESIDENT);
    for (const who of [RESIDENT, 'seed-member-1', OTHER_WORKER, 'seed-leader-langsong']) {
      expect(await app.call(who, 'events', 'markAttendance', { registrationId, present: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect((await stored()).checkedInCount).toBe(0);
  });

  test('waitlisted people cannot be marked present, and nobody before check-in opens', async () => {
    await app.ok(LEADER, 'events', 'update', { eventId: event._id, capacity: 1 });
    const waiting = await signUp(app, event._id, 'waiting');
    expect(waiting.status).toBe('waitlisted');
    expect(await app.call(LEADER, 'events', 'markAttendance', { registrationId: waiting._id, present: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: CHECK_IN_MESSAGES.markWaitlisted },
    });
    const later = await createEvent(app, app.clock.now() + 3 * 60 * MINUTE);
    const reg = await signUp(app, later._id, RESIDENT);
    expect(await app.call(LEADER, 'events', 'markAttendance', { registrationId: reg._id, present: true })).toMatchObject({
      ok: false,
      error: { message: CHECK_IN_MESSAGES.markNotYet },
    });
  });

  test('after the event a leader can still complete the list', async () => {
    setNow(event.endAt + 3 * 60 * MINUTE);
    const reg = await app.ok(LEADER, 'events', 'markAttendance', { registrationId: registrationIdFor(event._id, RESIDENT), present: true });
    expect(reg.registration.checkInMethod).toBe('hand');
  });
});
