import { C, type TEventDoc, type TOutboxDoc, type TRegistrationDoc } from '../../cloudfunctions/core/collections';
import { codeFor, codeWindowAt } from '../../cloudfunctions/core/events/check-in-code';
import { registrationIdFor } from '../../cloudfunctions/core/events/registration-id';
import type { TCourseDoc, TNeedDoc } from '../../cloudfunctions/core/incubation/docs';
import { createTestApp, type TTestApp } from '../support/app';
import { HOUR } from '../support/event-input';
import { addResidents, courseInput, insertRoom, needInput } from '../support/incubation';
import { requestId } from '../support/filings';

/**
 * Courses: a need turned into a course of session events, the room's slots, enrollment for the whole course with
 * a waitlist, and attendance per session through the events core (docs/incubation.md).
 */
const RESIDENT = 'demo-resident';
const WORKER = 'demo-social-worker';

let app: TTestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

const sessionsOf = async (courseId: string) => {
  const course = (await app.store.collection<TCourseDoc>(C.courses).get(courseId))!;
  return Promise.all(course.sessions.map(async (s) => (await app.store.collection<TEventDoc>(C.events).get(s.eventId))!));
};

describe('opening a course', () => {
  test('from a need: four weekly sessions as community events, the need 已安排 and linked, everyone who wanted it told', async () => {
    await app.ok(RESIDENT, 'account', 'setCommunity', { communityId: 'c-tatan' });
    await addResidents(app.store, ['r1', 'r2']);
    const { need } = await app.ok(RESIDENT, 'incubation', 'postNeed', needInput());
    await app.ok('r1', 'incubation', 'support', { needId: need.id });
    await app.ok('r2', 'incubation', 'support', { needId: need.id });
    const { partner } = await app.ok(WORKER, 'incubation', 'savePartner', {
      requestId: requestId(),
      communityId: 'c-tatan',
      name: '河北师范大学青年志愿者服务队',
      contactName: '陈晓',
      contactMobile: '13812340000',
      offers: '智能手机教学、防诈骗讲座',
    });

    const { course } = await app.ok(WORKER, 'incubation', 'createCourse', courseInput(app.clock.now(), { needId: need.id, partnerId: partner.id }));
    expect(course).toMatchObject({ sessionCount: 4, partnerName: '河北师范大学青年志愿者服务队', needId: need.id, enrolledCount: 0, capacity: 20 });
    expect(course.sessions.map((s) => s.startAt - course.firstStartAt)).toEqual([0, 1, 2, 3].map((w) => w * 7 * 24 * HOUR));

    const events = await sessionsOf(course.id);
    expect(events.map((e) => [e.courseId, e.communityId, e.hostGroupIds.length, e.title])).toEqual(
      [1, 2, 3, 4].map((n) => [course.id, 'c-tatan', 0, `智能手机入门课（第${n}课）`]),
    );
    const stored = (await app.store.collection<TNeedDoc>(C.needs).get(need.id))!;
    expect(stored).toMatchObject({ status: 'arranged', courseId: course.id, answer: expect.stringContaining('已开设课程「智能手机入门课」') });
    const told = (await app.store.collection<TOutboxDoc>(C.outbox).find({ where: { kind: 'course_opened' }, limit: 10 })).items;
    expect(told.map((n) => n.to).sort()).toEqual([RESIDENT, 'r1', 'r2']);

    // The community's events list shows the sessions; signing up to one alone is sent to the course.
    const signUp = await app.call(RESIDENT, 'events', 'signUp', { eventId: events[0]!._id });
    expect(signUp).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: '这是课程中的一节课，请到课程页面报名整门课程' } });
  });

  test('bad input is refused field by field, and nothing is written', async () => {
    const now = app.clock.now();
    const [courses, events] = [await app.store.collection(C.courses).count(), await app.store.collection(C.events).count()];
    const answer = await app.call(WORKER, 'incubation', 'createCourse', courseInput(now, { endAt: now, sessions: 17, capacity: 0 }));
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        fields: { sessions: '一门课程最多16节，更多请分期开设', capacity: '招收人数至少为1人' },
      },
    });
    const times = await app.call(WORKER, 'incubation', 'createCourse', courseInput(now, { endAt: now }));
    expect(times).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { endAt: '结束时间需晚于开始时间' } } });
    const partner = await app.call(WORKER, 'incubation', 'createCourse', courseInput(now, { partnerId: 'pt_elsewhere' }));
    expect(partner).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { partnerId: expect.stringContaining('合作伙伴') } } });
    expect(await app.store.collection(C.courses).count()).toBe(courses);
    expect(await app.store.collection(C.events).count()).toBe(events);
  });

  test("a room: each session claims its slots, and a clash is refused naming the course, with nothing written", async () => {
    await insertRoom(app.store);
    const first = await app.ok(WORKER, 'incubation', 'createCourse', courseInput(app.clock.now(), { roomId: 'rm_test_huodong', title: '老年大学声乐课' }));
    expect(first.course.sessionCount).toBe(4);
    const coursesBefore = await app.store.collection(C.courses).count();
    const clash = await app.call(
      WORKER,
      'incubation',
      'createCourse',
      courseInput(app.clock.now(), { roomId: 'rm_test_huodong', startAt: first.course.firstStartAt + 7 * 24 * HOUR + HOUR, endAt: first.course.firstStartAt + 7 * 24 * HOUR + 3 * HOUR, sessions: 2 }),
    );
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('「老年大学声乐课」') } });
    expect(await app.store.collection(C.courses).count()).toBe(coursesBefore);
  });

  test('a session keeps the room it holds: its time cannot be moved away from the slots; cancelling it can free them', async () => {
    await insertRoom(app.store);
    const { course } = await app.ok(WORKER, 'incubation', 'createCourse', courseInput(app.clock.now(), { roomId: 'rm_test_huodong', title: '老年大学声乐课' }));
    const [first, second] = await sessionsOf(course.id);
    const moved = await app.call(WORKER, 'events', 'update', { eventId: second!._id, startAt: second!.startAt + HOUR, endAt: second!.endAt + HOUR });
    expect(moved).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { startAt: expect.stringContaining('课程') } } });

    const sameSlot = (startAt: number, endAt: number) =>
      app.call(WORKER, 'incubation', 'createCourse', courseInput(app.clock.now(), { roomId: 'rm_test_huodong', startAt, endAt, sessions: 2, title: '智能手机入门' }));
    expect(await sameSlot(first!.startAt, first!.endAt)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await app.ok(WORKER, 'events', 'cancel', { eventId: first!._id, reason: '老师临时有事，本次停课', freeRoom: true });
    // The first session's slots are free again; the second is still held, so a 2-week course there still clashes,
    // and a single session in the freed slot lands.
    expect(await sameSlot(first!.startAt, first!.endAt)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await app.call(WORKER, 'incubation', 'createCourse', courseInput(app.clock.now(), { roomId: 'rm_test_huodong', startAt: first!.startAt, endAt: first!.endAt, sessions: 1, title: '智能手机入门' }))).toMatchObject({ ok: true });
  });
});

describe('enrollment', () => {
  test('a place registers the person on every session, so check-in by code and hand marks work there', async () => {
    const { course } = await app.ok(WORKER, 'incubation', 'createCourse', courseInput(app.clock.now()));
    const { enrollment } = await app.ok(RESIDENT, 'incubation', 'enroll', { courseId: course.id });
    expect(enrollment).toMatchObject({ status: 'enrolled', waitlistPosition: null });
    const events = await sessionsOf(course.id);
    for (const e of events) {
      expect(e.registeredCount).toBe(1);
      expect((await app.store.collection<TRegistrationDoc>(C.registrations).get(registrationIdFor(e._id, RESIDENT)))!.status).toBe('registered');
    }
    // Session 1 in its check-in window: the resident checks in with the code; session 2 the worker marks by hand.
    app.clock.advance(events[0]!.startAt - 10 * 60_000 - app.clock.now());
    const code = codeFor(events[0]!.checkInSecret, codeWindowAt(app.clock.now()));
    expect((await app.ok(RESIDENT, 'events', 'checkIn', { eventId: events[0]!._id, code })).registration.checkedInAt).not.toBeNull();
    app.clock.advance(events[1]!.startAt - app.clock.now());
    const marked = await app.ok(WORKER, 'events', 'markAttendance', { registrationId: registrationIdFor(events[1]!._id, RESIDENT), present: true });
    expect(marked.registration.checkInMethod).toBe('hand');
  });

  test('capacity holds like events: K places, then the line in order; a cancel gives the place and its sessions to the first in line', async () => {
    const { course } = await app.ok(WORKER, 'incubation', 'createCourse', courseInput(app.clock.now(), { capacity: 2 }));
    const who = ['p0', 'p1', 'p2', 'p3'];
    const answers = [];
    for (const p of who) answers.push((await app.ok(p, 'incubation', 'enroll', { courseId: course.id })).enrollment);
    expect(answers.map((a) => [a.status, a.waitlistPosition])).toEqual([
      ['enrolled', null],
      ['enrolled', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    // Enrolling twice is one enrollment.
    expect((await app.ok('p3', 'incubation', 'enroll', { courseId: course.id })).enrollment.waitlistPosition).toBe(2);

    await app.ok('p0', 'incubation', 'cancelEnrollment', { courseId: course.id });
    const detail = (await app.ok('p2', 'incubation', 'course', { courseId: course.id })).course;
    expect(detail).toMatchObject({ enrolledCount: 2, waitlistCount: 1, myEnrollment: { status: 'enrolled' } });
    for (const e of await sessionsOf(course.id)) {
      expect(e.registeredCount).toBe(2);
      expect((await app.store.collection<TRegistrationDoc>(C.registrations).get(registrationIdFor(e._id, 'p2')))!.status).toBe('registered');
      expect((await app.store.collection<TRegistrationDoc>(C.registrations).get(registrationIdFor(e._id, 'p0')))!.status).toBe('cancelled');
    }
    // Cancelling again changes nothing.
    expect((await app.ok('p0', 'incubation', 'cancelEnrollment', { courseId: course.id })).enrollment.status).toBe('cancelled');
  });

  test("a residents' course admits its community's residents; closed after the deadline", async () => {
    const { course } = await app.ok(WORKER, 'incubation', 'createCourse', courseInput(app.clock.now(), { audience: 'community' }));
    expect(await app.call(RESIDENT, 'incubation', 'enroll', { courseId: course.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('请先在「我的」页面选择您所在的社区') },
    });
    app.clock.advance(course.signupDeadline + 1 - app.clock.now());
    expect(await app.call('demo-leader', 'incubation', 'enroll', { courseId: course.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('截止') },
    });
  });
});

describe('cancelling a course', () => {
  test('cancels the sessions not yet held, frees their room slots, tells the enrolled once and reopens the need', async () => {
    await app.ok(RESIDENT, 'account', 'setCommunity', { communityId: 'c-tatan' });
    await insertRoom(app.store);
    const { need } = await app.ok(RESIDENT, 'incubation', 'postNeed', needInput());
    const input = courseInput(app.clock.now(), { needId: need.id, roomId: 'rm_test_huodong' });
    const { course } = await app.ok(WORKER, 'incubation', 'createCourse', input);
    await app.ok(RESIDENT, 'incubation', 'enroll', { courseId: course.id });
    app.clock.advance(course.sessions[0]!.endAt + HOUR - app.clock.now()); // the first session was held

    const notResident = await app.call(RESIDENT, 'incubation', 'cancelCourse', { courseId: course.id, reason: '老师临时出差' });
    expect(notResident).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const done = await app.ok(WORKER, 'incubation', 'cancelCourse', { courseId: course.id, reason: '老师临时出差' });
    expect(done.cancelledIds).toEqual(course.sessions.slice(1).map((s) => s.id));
    expect(done.course.status).toBe('cancelled');
    const events = await sessionsOf(course.id);
    expect(events.map((e) => e.status)).toEqual(['scheduled', 'cancelled', 'cancelled', 'cancelled']);
    expect((await app.store.collection<TNeedDoc>(C.needs).get(need.id))!).toMatchObject({ status: 'collecting', courseId: null });
    const told = (await app.store.collection<TOutboxDoc>(C.outbox).find({ where: { kind: 'event_cancelled' }, limit: 10 })).items;
    expect(told.map((n) => n.to)).toEqual([RESIDENT]);
    // Again: nothing changes, nobody is told twice.
    expect((await app.ok(WORKER, 'incubation', 'cancelCourse', { courseId: course.id, reason: '老师临时出差' })).cancelledIds).toEqual([]);
    expect(await app.store.collection(C.outbox).count({ kind: 'event_cancelled' })).toBe(1);
    // The freed times can be taken again, from the reopened need.
    const again = await app.call(WORKER, 'incubation', 'createCourse', {
      ...input,
      requestId: requestId(),
      startAt: course.sessions[1]!.startAt,
      endAt: course.sessions[1]!.endAt,
      signupDeadline: course.sessions[1]!.startAt - HOUR,
      sessions: 3,
    });
    expect(again).toMatchObject({ ok: true });
    expect(await app.call('demo-leader', 'incubation', 'enroll', { courseId: course.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: '课程已取消，不能报名' },
    });
  });
});
