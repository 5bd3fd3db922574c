import type { TBookingDoc, TRoomSlotDoc } from '../../cloudfunctions/core/base/docs';
import { C, type TEventDoc } from '../../cloudfunctions/core/collections';
import { DEMO_ROOM_IDS } from '../../scripts/seed/demo-base';
import { DRAWING_CIRCLE_ID } from '../../scripts/seed/demo-growth';
import { membershipIdFor } from '../../cloudfunctions/core/groups/membership-id';
import { createTestApp, type TTestApp } from '../support/app';
import { bookInput, HOUR, newRoom, roomInput, thursdayAt, WEEK } from '../support/base';
import { eventInput } from '../support/event-input';

/**
 * Rooms and bookings through the base function, as each role: who may book, what the calendar shows to whom,
 * approval, cancel and the event a booking carries; every refusal says what to do and writes nothing.
 */

const LEADER = 'demo-leader';
const WORKER = 'demo-social-worker';
const RESIDENT = 'demo-resident';
let app: TTestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

const count = (collection: string) => app.store.collection(collection).count();
const slotsOf = async (roomId: string) => (await app.store.collection<TRoomSlotDoc>(C.roomslots).find({ where: { roomId }, orderBy: [['unitStart', 'asc']], limit: 100 })).items;

test('the demo base lists its three rooms to anyone, with equipment, hours and approval', async () => {
  const { bases } = await app.ok(RESIDENT, 'base', 'rooms', { communityId: 'c-tatan' });
  expect(bases.map((b) => b.name)).toEqual(['塔谈社区孵化培育基地']);
  expect(bases[0]!.rooms.map((r) => [r.name, r.needsApproval])).toEqual([['活动室', false], ['会议室', false], ['多功能厅', true]]);
  expect(bases[0]!.rooms[0]!.equipment).toContain('钢琴');
});

test('a weekly booking for a term lands whole and shows on the calendar: the group name to all, the title to staff', async () => {
  const roomId = await newRoom(app);
  const start = thursdayAt(app);
  const { booking } = await app.ok(LEADER, 'base', 'book', bookInput(roomId, start, { weeks: 4 }));
  expect(booking).toMatchObject({ status: 'approved', holderName: '塔谈社区老年协会', roomName: '书画室' });
  expect(booking.ranges).toHaveLength(4);
  expect(await slotsOf(roomId)).toHaveLength(16);

  const week = await app.ok(RESIDENT, 'base', 'calendar', { roomId, from: start + WEEK, days: 7 });
  expect(week.entries).toEqual([expect.objectContaining({ startAt: start + WEEK, endAt: start + WEEK + 2 * HOUR, holderName: '塔谈社区老年协会', title: null, manageable: false })]);
  const day = await app.ok(WORKER, 'base', 'calendar', { roomId, from: start, days: 1 });
  expect(day.entries).toEqual([expect.objectContaining({ title: '书法练习', manageable: true, bookingId: booking.id })]);
});

test('the same slot is refused to the next booker naming the holder and the time; nothing is written', async () => {
  const roomId = await newRoom(app);
  const start = thursdayAt(app);
  await app.ok(LEADER, 'base', 'book', bookInput(roomId, start));
  const before = await count(C.bookings);
  const refused = await app.call(WORKER, 'base', 'book', bookInput(roomId, start + HOUR, { groupId: null, title: '居民议事会' }));
  expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  if (!refused.ok) expect(refused.error.message).toMatch(/^12月3日（周四）10:00起已被「塔谈社区老年协会」预订/);
  expect(await count(C.bookings)).toBe(before);
});

test('a weekly series against a single booking in the term is refused naming that date, and writes nothing', async () => {
  const roomId = await newRoom(app);
  const start = thursdayAt(app);
  await app.ok(WORKER, 'base', 'book', bookInput(roomId, start + 3 * WEEK + HOUR, { groupId: null, title: '居民议事会', endAt: start + 3 * WEEK + 2 * HOUR }));
  const refused = await app.call(LEADER, 'base', 'book', bookInput(roomId, start, { weeks: 10 }));
  expect(refused.ok).toBe(false);
  if (!refused.ok) expect(refused.error.message).toBe('12月24日（周四）10:00起已被「塔谈社区」的「居民议事会」预订，请换个时间或房间');
  expect((await slotsOf(roomId)).every((s) => s.holderName === '塔谈社区')).toBe(true);
});

test.each([
  ['off the half hour', (s: number) => ({ startAt: s + 10 * 60_000 }), '整点或半点'],
  ['outside the opening hours', (s: number) => ({ startAt: s - 2 * HOUR, endAt: s }), '开放时间是 8:00–21:00'],
  ['on a closed day', (s: number) => ({ startAt: s + 3 * 24 * HOUR, endAt: s + 3 * 24 * HOUR + HOUR }), '周日不开放'],
  ['in the past', (_s: number) => ({ startAt: Date.UTC(2026, 10, 27, 1, 0), endAt: Date.UTC(2026, 10, 27, 2, 0) }), '已经过去'],
  ['for more than 20 weeks', (_s: number) => ({ weeks: 21 }), '最多20周'],
])('a booking %s is refused with what to do, nothing written', async (_case, change, words) => {
  const roomId = await newRoom(app);
  const result = await app.call(LEADER, 'base', 'book', bookInput(roomId, thursdayAt(app), change(thursdayAt(app))));
  expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  if (!result.ok) expect(JSON.stringify(result.error)).toContain(words);
  expect(await slotsOf(roomId)).toEqual([]);
});

test('a room that needs approval: the booking waits holding its slots; declining frees them with the reason', async () => {
  const roomId = await newRoom(app, { needsApproval: true });
  const start = thursdayAt(app);
  const { booking } = await app.ok(LEADER, 'base', 'book', bookInput(roomId, start));
  expect(booking.status).toBe('pending');
  expect((await app.ok(WORKER, 'base', 'myBookings', { groupId: null, communityId: 'c-tatan', status: 'pending' })).items.map((b) => b.id)).toContain(booking.id);
  expect(await app.call(LEADER, 'base', 'book', bookInput(roomId, start))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

  expect(await app.call(WORKER, 'base', 'decideBooking', { bookingId: booking.id, decision: 'decline' })).toMatchObject({ ok: false, error: { fields: { reason: expect.stringContaining('原因') } } });
  const declined = await app.ok(WORKER, 'base', 'decideBooking', { bookingId: booking.id, decision: 'decline', reason: '当天有街道检查' });
  expect(declined.booking).toMatchObject({ status: 'declined', reason: '当天有街道检查' });
  expect(await slotsOf(roomId)).toEqual([]);
  expect(await app.call(WORKER, 'base', 'decideBooking', { bookingId: booking.id, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'ALREADY_DECIDED' } });
  const mine = (await app.ok(LEADER, 'base', 'myBookings', { groupId: 'g_seed_laonian' })).items;
  expect(mine.find((b) => b.id === booking.id)).toMatchObject({ status: 'declined', reason: '当天有街道检查' });
});

test('cancelling frees the slots for the next booker; a second cancel changes nothing', async () => {
  const roomId = await newRoom(app);
  const start = thursdayAt(app);
  const { booking } = await app.ok(LEADER, 'base', 'book', bookInput(roomId, start, { weeks: 3 }));
  expect((await app.ok(LEADER, 'base', 'cancelBooking', { bookingId: booking.id })).booking.status).toBe('cancelled');
  expect(await slotsOf(roomId)).toEqual([]);
  expect((await app.ok(LEADER, 'base', 'cancelBooking', { bookingId: booking.id })).booking.status).toBe('cancelled');
  await app.ok(WORKER, 'base', 'book', bookInput(roomId, start, { groupId: null, title: '居民议事会' }));
});

test('a retried booking answers the same booking; the request id with other content is REQUEST_REUSED', async () => {
  const roomId = await newRoom(app);
  const input = bookInput(roomId, thursdayAt(app));
  const before = await count(C.bookings);
  const first = await app.ok(LEADER, 'base', 'book', input);
  expect((await app.ok(LEADER, 'base', 'book', input)).booking.id).toBe(first.booking.id);
  expect(await app.call(LEADER, 'base', 'book', { ...input, title: '别的用途' })).toMatchObject({ ok: false, error: { code: 'REQUEST_REUSED' } });
  expect(await count(C.bookings)).toBe(before + 1);
});

test('the demo bookings hold their rooms: 合唱团 rehearses in the 多功能厅 every Wednesday evening', async () => {
  const { entries } = await app.ok(RESIDENT, 'base', 'calendar', { roomId: DEMO_ROOM_IDS.duogong, from: app.clock.now() + 24 * HOUR, days: 7 });
  expect(entries.map((e) => e.holderName)).toEqual(expect.arrayContaining(['塔谈社区合唱团', '阳光小志愿者协会']));
});

test('a booking carrying an event makes the room its place; cancelling the event with freeRoom frees it', async () => {
  const roomId = await newRoom(app);
  const start = thursdayAt(app, 14);
  const eventId = (await app.ok(LEADER, 'events', 'create', eventInput(app.clock.now(), { startAt: start, endAt: start + 2 * HOUR, signupDeadline: start - HOUR }))).events[0]!.id;
  const { booking } = await app.ok(LEADER, 'base', 'book', bookInput(roomId, start, { eventId, title: '老年大学书法课' }));
  expect(booking.eventId).toBe(eventId);
  expect(await app.store.collection<TEventDoc>(C.events).get(eventId)).toMatchObject({ place: '书画室', roomId, bookingId: booking.id });
  // A different time than the event's is refused.
  expect(await app.call(LEADER, 'base', 'book', bookInput(roomId, start + WEEK, { eventId }))).toMatchObject({ ok: false });

  await app.ok(LEADER, 'events', 'cancel', { eventId, reason: '老师临时有事', freeRoom: true });
  expect(await app.store.collection<TBookingDoc>(C.bookings).get(booking.id)).toMatchObject({ status: 'cancelled' });
  expect(await slotsOf(roomId)).toEqual([]);
  expect(await app.store.collection<TEventDoc>(C.events).get(eventId)).toMatchObject({ status: 'cancelled', roomId: null, place: '书画室' });
});

test('cancelling a booked event without freeRoom keeps the room booked', async () => {
  const roomId = await newRoom(app);
  const start = thursdayAt(app, 14);
  const eventId = (await app.ok(LEADER, 'events', 'create', eventInput(app.clock.now(), { startAt: start, endAt: start + 2 * HOUR, signupDeadline: start - HOUR }))).events[0]!.id;
  await app.ok(LEADER, 'base', 'book', bookInput(roomId, start, { eventId }));
  await app.ok(LEADER, 'events', 'cancel', { eventId, reason: '老师临时有事' });
  expect(await slotsOf(roomId)).toHaveLength(4);
});

test('social workers manage rooms; a room with bad hours is refused field by field', async () => {
  const bad = await app.call(WORKER, 'base', 'saveRoom', roomInput({ hours: [{ open: 9 * 60, close: 8 * 60 }, null, null, null, null, null, null] }));
  expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  if (!bad.ok) expect(JSON.stringify(bad.error.fields)).toContain('关门时间需晚于开门时间');
  const roomId = await newRoom(app);
  const { room } = await app.ok(WORKER, 'base', 'saveRoom', roomInput({ roomId, name: '书画室（二）', active: false }));
  expect(room).toMatchObject({ id: roomId, name: '书画室（二）', active: false });
  const refused = await app.call(LEADER, 'base', 'book', bookInput(roomId, thursdayAt(app)));
  if (!refused.ok) expect(refused.error.message).toContain('已停用');
});

test('a booked event keeps its time and place until its booking is cancelled', async () => {
  const roomId = await newRoom(app);
  const start = thursdayAt(app, 14);
  const eventId = (await app.ok(LEADER, 'events', 'create', eventInput(app.clock.now(), { startAt: start, endAt: start + 2 * HOUR, signupDeadline: start - HOUR }))).events[0]!.id;
  const { booking } = await app.ok(LEADER, 'base', 'book', bookInput(roomId, start, { eventId }));
  const moved = await app.call(LEADER, 'events', 'update', { eventId, startAt: start + HOUR, endAt: start + 3 * HOUR });
  expect(moved).toMatchObject({ ok: false, error: { fields: { startAt: expect.stringContaining('请先取消房间预订') } } });
  expect(await app.call(LEADER, 'events', 'update', { eventId, place: '社区广场' })).toMatchObject({ ok: false, error: { fields: { place: expect.stringContaining('房间') } } });
  await app.ok(LEADER, 'base', 'cancelBooking', { bookingId: booking.id });
  await app.ok(LEADER, 'events', 'update', { eventId, place: '社区广场' });
});

test("a hobby circle's leader is told to file first (or ask a social worker); nothing is written", async () => {
  const roomId = await newRoom(app);
  // Make the resident the circle's leader, as a circle started by a resident has.
  await app.store.collection(C.memberships).insert({
    _id: membershipIdFor(DRAWING_CIRCLE_ID, RESIDENT), groupId: DRAWING_CIRCLE_ID, groupName: '青少年绘画兴趣小组', communityId: 'c-tatan', openid: RESIDENT,
    name: '李秀英', mobile: null, role: 'leader', status: 'active', message: null, note: null, subCommitteeId: null, requestedAt: 0, joinedAt: 0,
  });
  const refused = await app.call(RESIDENT, 'base', 'book', bookInput(roomId, thursdayAt(app), { groupId: DRAWING_CIRCLE_ID }));
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '「青少年绘画兴趣小组」还是兴趣小组，备案后才能自己预订房间；现在可请社工代为预订' } });
  expect(await slotsOf(roomId)).toEqual([]);
});
