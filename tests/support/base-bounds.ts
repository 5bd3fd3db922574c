import { BASE_LIMITS } from '../../types/base';
import type { TTestApp } from './app';
import { bookInput, HOUR, roomInput, thursdayAt, WEEK } from './base';

/**
 * The base at its bounds for stored-fits-shown.test.ts: a base and a room with every text at its longest and the
 * most equipment; the world's group (longest name) holding the room every week for a full term at the most a claim
 * may take, with the longest title; a declined booking with the longest reason; the community's own booking.
 */
export interface TBaseWorld {
  roomId: string;
  groupId: string;
  from: number;
}

const LEADER = 'demo-leader';
const WORKER = 'demo-social-worker';
const RESIDENT = 'demo-resident';
const L = BASE_LIMITS;
const text = (n: number, ch: string) => ch.repeat(n);

export async function baseAtTheBounds(app: TTestApp, groupId: string): Promise<TBaseWorld> {
  const { base } = await app.ok(WORKER, 'base', 'saveBase', { communityId: 'c-tatan', name: text(L.name, '基'), address: text(L.address, '址') });
  const { room } = await app.ok(WORKER, 'base', 'saveRoom', roomInput({
    baseId: base.id,
    name: text(L.roomName, '室'),
    capacity: L.capacity,
    equipment: Array.from({ length: L.equipment }, () => text(L.equipmentName, '设')),
    needsApproval: true,
  }));
  const from = thursdayAt(app, 8);
  // 20 weeks of 4 hours: 160 slots, the most one claim may take.
  const term = await app.ok(LEADER, 'base', 'book', bookInput(room.id, from, { groupId, title: text(L.title, '用'), endAt: from + 4 * HOUR, weeks: L.weeks }));
  await app.ok(WORKER, 'base', 'decideBooking', { bookingId: term.booking.id, decision: 'approve' });
  const other = await app.ok(LEADER, 'base', 'book', bookInput(room.id, from + 5 * HOUR, { groupId, title: text(L.title, '另') }));
  await app.ok(WORKER, 'base', 'decideBooking', { bookingId: other.booking.id, decision: 'decline', reason: text(L.reason, '因') });
  await app.ok(WORKER, 'base', 'book', bookInput(room.id, from + WEEK + 5 * HOUR, { groupId: null, title: text(L.title, '社') }));
  return { roomId: room.id, groupId, from };
}

export function baseReads(app: TTestApp, w: TBaseWorld): Record<string, Array<() => Promise<{ ok: boolean }>>> {
  return {
    'base.rooms': [RESIDENT, WORKER].map((as) => () => app.call(as, 'base', 'rooms', { communityId: 'c-tatan' })),
    'base.calendar': ([1, 7] as const).flatMap((days) =>
      [RESIDENT, LEADER, WORKER].map((as) => () => app.call(as, 'base', 'calendar', { roomId: w.roomId, from: w.from, days })),
    ),
    'base.myBookings': [
      () => app.call(LEADER, 'base', 'myBookings', { groupId: w.groupId }),
      () => app.call(WORKER, 'base', 'myBookings', { groupId: w.groupId }),
      () => app.call(WORKER, 'base', 'myBookings', { groupId: null, communityId: 'c-tatan' }),
      () => app.call(WORKER, 'base', 'myBookings', { groupId: null, communityId: 'c-tatan', status: 'pending' }),
    ],
  };
}
