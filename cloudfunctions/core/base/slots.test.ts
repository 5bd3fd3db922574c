import { fakeCloudbase } from '../../../tests/storage/fake-cloudbase';
import { SLOT_MS, WEEK_MS } from '../../../types/base-time';
import { AppError } from '../app-error';
import { C } from '../collections';
import { INDEXES } from '../indexes';
import { createCloudbaseStore } from '../storage/cloudbase';
import { createSqliteStore } from '../storage/sqlite';
import type { TStore } from '../storage/port';
import type { TRoomDoc, TRoomSlotDoc } from './docs';
import { asConflict, claimProblem, claimRoom, releaseRoom, slotIdFor, type TRange, type TSlotHolder } from './slots';

/**
 * The slot core on both transaction models: SQLite (one writer at a time) and the CloudBase adapter over the fake
 * server (snapshots, write conflicts, retries). Whatever the interleaving, a unit has at most one holder, and a
 * refused claim wrote nothing.
 */

// Fixed clock: Saturday 28 Nov 2026, 10:00 China time. Thursday 3 Dec 2026 9:00 China time is 01:00 UTC.
const NOW = Date.UTC(2026, 10, 28, 2, 0, 0);
const THU_9 = Date.UTC(2026, 11, 3, 1, 0, 0);
const H = 2 * SLOT_MS;
const clock = { now: () => NOW };

const ROOM: Omit<TRoomDoc, 'createdAt' | 'updatedAt' | 'version'> = {
  _id: 'r_test',
  baseId: 'b_test',
  baseName: '孵化培育基地',
  communityId: 'c-tatan',
  communityName: '塔谈社区',
  name: '活动室',
  capacity: 30,
  equipment: ['钢琴'],
  // Monday to Saturday 8:30–21:00; closed on Sunday.
  hours: [...Array.from({ length: 6 }, () => ({ open: 510, close: 1260 })), null],
  needsApproval: false,
  active: true,
};

const holder = (id: string, over: Partial<TSlotHolder> = {}): TSlotHolder => ({ kind: 'booking', id, name: `组织${id}`, title: `活动${id}`, groupId: `g_${id}`, ...over });
const weekly = (start: number, hours: number, weeks: number): TRange[] =>
  Array.from({ length: weeks }, (_, i) => ({ startAt: start + i * WEEK_MS, endAt: start + i * WEEK_MS + hours * H }));

interface THarness {
  store: TStore;
  close(): Promise<void>;
}

async function sqlite(): Promise<THarness> {
  const store = createSqliteStore({ file: ':memory:', indexes: INDEXES, clock: clock.now });
  return { store, close: () => store.close() };
}

async function cloudbase(): Promise<THarness> {
  const fake = fakeCloudbase();
  for (const name of Object.values(C)) fake.server.createCollection(name);
  const store = createCloudbaseStore({ db: fake.db, clock: clock.now, maxTransactionAttempts: 40 });
  return { store, close: async () => fake.restore() };
}

/** Claims in its own transaction, answering 'ok' or the refusal's message. */
async function claim(store: TStore, ranges: TRange[], who: TSlotHolder): Promise<string> {
  try {
    await store.transaction((tx) => claimRoom(tx, { clock }, { roomId: ROOM._id, ranges, holder: who }));
    return 'ok';
  } catch (error) {
    const refused = await asConflict({ store }, error, ROOM._id, ranges);
    if (refused instanceof AppError) return refused.userMessage;
    throw refused;
  }
}

async function slots(store: TStore): Promise<TRoomSlotDoc[]> {
  const all: TRoomSlotDoc[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.collection<TRoomSlotDoc>(C.roomslots).find({ where: { roomId: ROOM._id }, orderBy: [['unitStart', 'asc']], limit: 100, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

describe('claimProblem', () => {
  const room = { ...ROOM, createdAt: 0, updatedAt: 0, version: 1 };
  it.each([
    ['off the half hour', [{ startAt: THU_9 + 60_000, endAt: THU_9 + H }], '整点或半点'],
    ['ending before it starts', [{ startAt: THU_9, endAt: THU_9 }], '结束时间需晚于开始时间'],
    ['in the past', [{ startAt: NOW - H, endAt: NOW }], '已经过去'],
    ['before opening', [{ startAt: THU_9 - H, endAt: THU_9 }], '周四的开放时间是 8:30–21:00'],
    ['on a closed day', [{ startAt: THU_9 + 3 * 86_400_000, endAt: THU_9 + 3 * 86_400_000 + H }], '周日不开放'],
    ['overlapping itself', [{ startAt: THU_9, endAt: THU_9 + H }, { startAt: THU_9 + SLOT_MS, endAt: THU_9 + 2 * H }], '彼此重叠'],
    ['past the units one claim may take', weekly(THU_9, 5, 20), '一次最多预订'],
  ])('refuses a claim %s', (_case, ranges, words) => {
    expect(claimProblem(room, ranges, NOW)).toContain(words);
  });
  it('accepts a term of Thursday mornings', () => {
    expect(claimProblem(room, weekly(THU_9, 2, 16), NOW)).toBeNull();
  });
});

describe.each([
  ['SQLite', sqlite],
  ['CloudBase adapter, fake server', cloudbase],
])('room slots on %s', (_name, open) => {
  let h: THarness;
  beforeEach(async () => {
    h = await open();
    await h.store.collection(C.rooms).insert(ROOM);
  });
  afterEach(() => h.close());

  it('claims one document per 30-minute unit, with deterministic ids', async () => {
    expect(await claim(h.store, [{ startAt: THU_9, endAt: THU_9 + H }], holder('a'))).toBe('ok');
    const taken = await slots(h.store);
    expect(taken.map((s) => s._id)).toEqual([slotIdFor(ROOM._id, THU_9), slotIdFor(ROOM._id, THU_9 + SLOT_MS)]);
    expect(taken.map((s) => s.head)).toEqual([true, false]);
  });

  it('N simultaneous claims of overlapping times: exactly one lands, the others name it', async () => {
    const n = 8;
    const answers = await Promise.all(
      Array.from({ length: n }, (_, i) => claim(h.store, [{ startAt: THU_9 + (i % 2) * SLOT_MS, endAt: THU_9 + H + (i % 2) * SLOT_MS }], holder(String(i)))),
    );
    expect(answers.filter((a) => a === 'ok')).toHaveLength(1);
    const winner = answers.indexOf('ok');
    for (const refused of answers.filter((a) => a !== 'ok')) expect(refused).toContain(`「组织${winner}」`);
    const taken = await slots(h.store);
    expect(new Set(taken.map((s) => s.holderId))).toEqual(new Set([String(winner)]));
    expect(taken).toHaveLength(2);
  });

  it('a weekly series against a single booking in week 6 is refused whole, naming that date', async () => {
    const single = THU_9 + 5 * WEEK_MS + SLOT_MS; // 7 January, 9:30
    expect(await claim(h.store, [{ startAt: single, endAt: single + SLOT_MS }], holder('one'))).toBe('ok');
    const refused = await claim(h.store, weekly(THU_9, 2, 12), holder('series'));
    expect(refused).toBe('1月7日（周四）9:30起已被「组织one」预订，请换个时间或房间');
    expect((await slots(h.store)).map((s) => s.holderId)).toEqual(['one']);
  });

  it('names the title of an event or course (public), never of a group booking', async () => {
    expect(await claim(h.store, weekly(THU_9, 2, 4), holder('course', { kind: 'course', name: '塔谈社区', title: '智能手机课', groupId: null }))).toBe('ok');
    expect(await claim(h.store, [{ startAt: THU_9 + WEEK_MS, endAt: THU_9 + WEEK_MS + H }], holder('x'))).toBe(
      '12月10日（周四）9:00起已被「塔谈社区」的「智能手机课」预订，请换个时间或房间',
    );
  });

  it('two overlapping series at once: one lands whole, the other writes nothing', async () => {
    const answers = await Promise.all([claim(h.store, weekly(THU_9, 2, 10), holder('s1')), claim(h.store, weekly(THU_9 + 4 * WEEK_MS + SLOT_MS, 1, 10), holder('s2'))]);
    expect(answers.filter((a) => a === 'ok')).toHaveLength(1);
    const taken = await slots(h.store);
    const winner = answers[0] === 'ok' ? 's1' : 's2';
    expect(new Set(taken.map((s) => s.holderId))).toEqual(new Set([winner]));
    expect(taken).toHaveLength(winner === 's1' ? 40 : 20);
  });

  it('releasing frees the units for the next claim', async () => {
    const ranges = weekly(THU_9, 1, 3);
    expect(await claim(h.store, ranges, holder('a'))).toBe('ok');
    await h.store.transaction((tx) => releaseRoom(tx, { roomId: ROOM._id, ranges }));
    expect(await slots(h.store)).toEqual([]);
    expect(await claim(h.store, ranges, holder('b'))).toBe('ok');
  });

  it('bad times are refused before anything is written', async () => {
    expect(await claim(h.store, [{ startAt: THU_9 - H, endAt: THU_9 }], holder('a'))).toContain('开放时间');
    expect(await slots(h.store)).toEqual([]);
  });
});
