import type { TBookingDoc, TRoomSlotDoc } from '../../cloudfunctions/core/base/docs';
import { C } from '../../cloudfunctions/core/collections';
import type { TStore } from '../../cloudfunctions/core/storage/port';
import { unitsOf } from '../../types/base-time';
import type { TEnvelope } from '../../types/envelope';
import { nextWeekday } from '../../scripts/seed/demo-events';
import { bookInput, HOUR, roomInput, WEEK } from '../support/base';
import { backendsFor, type TBackendHarness } from '../support/backends';

/**
 * No double booking under simultaneous requests, on both transaction models the app runs on (as
 * events-concurrency.test.ts): SQLite, one transaction at a time in arrival order, and the CloudBase adapter over the
 * fake server, with snapshots, write conflicts and retries. After every race the slots are exactly those of the live
 * bookings: each unit held once, by a pending or approved booking that asked for it, and each such booking holds all
 * of its units.
 */

type THarness = TBackendHarness;
const BACKENDS = backendsFor('base');

function data<T>(envelope: TEnvelope<unknown>): T {
  if (!envelope.ok) throw new Error(`call failed: ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}

const LEADER = 'demo-leader';
const DEPUTY = 'seed-deputy-laonian';
const WORKER = 'demo-social-worker';

async function all<T>(collection: string, store: TStore, where: Record<string, string>): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.collection(collection).find({ where, limit: 100, ...(cursor ? { cursor } : {}) });
    rows.push(...(page.items as T[]));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

/** The slots of the room are exactly the units of its live bookings. */
async function expectConsistent(h: THarness, roomId: string): Promise<TBookingDoc[]> {
  const live = (await all<TBookingDoc>(C.bookings, h.store, { roomId })).filter((b) => b.status === 'pending' || b.status === 'approved');
  const slots = await all<TRoomSlotDoc>(C.roomslots, h.store, { roomId });
  const expected = live.flatMap((b) => b.ranges.flatMap(unitsOf).map((unit) => `${unit}:${b._id}`)).sort();
  expect(slots.map((s) => `${s.unitStart}:${s.holderId}`).sort()).toEqual(expected);
  return live;
}

describe.each(BACKENDS)('room bookings on %s', (_name, open) => {
  let h: THarness;
  let roomId: string;
  let thursday: number;
  beforeEach(async () => {
    h = await open();
    roomId = data<{ room: { id: string } }>(await h.call(WORKER, 'saveRoom', roomInput())).room.id;
    thursday = nextWeekday(h.now(), 4, 9);
  });
  afterEach(() => h.close());

  it('N simultaneous bookings of overlapping slots: exactly one lands, the others are told whose it is', async () => {
    const bookers = [LEADER, DEPUTY, WORKER, LEADER, DEPUTY, WORKER, LEADER, DEPUTY];
    const answers = await Promise.all(
      bookers.map((as, i) => h.call(as, 'book', bookInput(roomId, thursday + (i % 3) * 30 * 60_000, as === WORKER ? { groupId: null, title: '居民议事会' } : {}))),
    );
    const landed = answers.filter((a) => a.ok);
    expect(landed).toHaveLength(1);
    const winner = (landed[0] as { data: { booking: { holderName: string } } }).data.booking.holderName;
    for (const refused of answers.filter((a) => !a.ok)) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining(`「${winner}」`) } });
    }
    expect(await expectConsistent(h, roomId)).toHaveLength(1);
  });

  it('a weekly series against a single booking somewhere in the term is refused naming that date', async () => {
    const single = thursday + 6 * WEEK + HOUR;
    data(await h.call(WORKER, 'book', bookInput(roomId, single, { groupId: null, title: '居民议事会', endAt: single + HOUR })));
    const refused = await h.call(LEADER, 'book', bookInput(roomId, thursday, { weeks: 12 }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '1月14日（周四）10:00起已被「塔谈社区」的「居民议事会」预订，请换个时间或房间' } });
    expect(await expectConsistent(h, roomId)).toHaveLength(1);
  });

  it('two overlapping series at once: one lands whole, the other holds nothing', async () => {
    const answers = await Promise.all([
      h.call(LEADER, 'book', bookInput(roomId, thursday, { weeks: 10 })),
      h.call(WORKER, 'book', bookInput(roomId, thursday + 5 * WEEK + HOUR, { groupId: null, title: '居民议事会', weeks: 10 })),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    const [live] = await expectConsistent(h, roomId);
    expect(live!.ranges).toHaveLength(10);
  });

  it('a cancel racing new bookings of its slots: the slots end up with at most one live booking', async () => {
    const first = data<{ booking: { id: string } }>(await h.call(LEADER, 'book', bookInput(roomId, thursday, { weeks: 2 }))).booking.id;
    await Promise.all([
      h.call(LEADER, 'cancelBooking', { bookingId: first }),
      h.call(WORKER, 'book', bookInput(roomId, thursday, { groupId: null, title: '居民议事会' })),
      h.call(DEPUTY, 'book', bookInput(roomId, thursday + WEEK)),
    ]);
    const live = await expectConsistent(h, roomId);
    expect(live.map((b) => b._id)).not.toContain(first);
  });
});
