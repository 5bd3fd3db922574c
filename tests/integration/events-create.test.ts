import { C, type TEventDoc } from '../../cloudfunctions/core/collections';
import { EVENT_LIMITS } from '../../types/events';
import { createTestApp, type TTestApp } from '../support/app';
import { DAY, eventInput, HOUR } from '../support/event-input';

/** 发布活动: who may, what bad input gets, series, co-hosts, and a double tap. */

const LEADER = 'demo-leader';
const WORKER = 'demo-social-worker';

let app: TTestApp;
/** Events the demo seed brings: what a test adds is counted on top. */
let seeded: number;
beforeEach(async () => {
  app = await createTestApp();
  seeded = (await allEvents()).length;
});
afterEach(() => app.close());

/** Every event, page by page (the demo's year alone is a few hundred). */
async function allEvents(): Promise<TEventDoc[]> {
  const out: TEventDoc[] = [];
  let cursor: string | undefined;
  do {
    const page = await app.store.collection<TEventDoc>(C.events).find({ limit: 100, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}
const input = (overrides: Parameters<typeof eventInput>[1] = {}) => eventInput(app.clock.now(), overrides);

describe('bad input gets a clear Chinese message for its field and writes nothing', () => {
  const now = () => app.clock.now();
  const cases: Array<[string, () => Parameters<typeof eventInput>[1], Record<string, string | RegExp>]> = [
    ['an end before the start', () => ({ endAt: now() + 3 * DAY - HOUR }), { endAt: '结束时间需晚于开始时间' }],
    ['a capacity of 0', () => ({ capacity: 0 }), { capacity: '人数上限至少为1人' }],
    ['a capacity of 100 000', () => ({ capacity: 100_000 }), { capacity: /人数上限不能超过2000人/ }],
    ['a deadline after the start', () => ({ signupDeadline: now() + 3 * DAY + HOUR }), { signupDeadline: '报名截止时间不能晚于开始时间' }],
    [
      'a date in the past',
      () => ({ startAt: now() - DAY, endAt: now() - DAY + HOUR, signupDeadline: now() - 2 * DAY }),
      { startAt: '开始时间已经过去，请选择以后的时间', signupDeadline: '报名截止时间已经过去' },
    ],
    ['a 40-date series', () => ({ repeat: { weeks: 40 } }), { 'repeat.weeks': `每周重复最多${EVENT_LIMITS.seriesMax}次，更多请分批创建` }],
    ['a series running past a year', () => ({ startAt: now() + 360 * DAY, endAt: now() + 360 * DAY + HOUR, signupDeadline: now() + DAY, repeat: { weeks: 3 } }), { 'repeat.weeks': /超出了一年/ }],
    ['a single event longer than 12 hours', () => ({ endAt: now() + 3 * DAY + 13 * HOUR }), { endAt: /最长12小时/ }],
    ['a community event without its community', () => ({ groupId: null }), { communityId: '社区活动请选择所在社区' }],
    ['a co-host that is the host itself', () => ({ coHostGroupId: 'g_seed_laonian' }), { coHostGroupId: '协办组织不能是主办组织本身' }],
    ['a co-host that is not a filed group of the community', () => ({ coHostGroupId: 'g_nowhere' }), { coHostGroupId: '协办组织需是本社区已备案的其他组织' }],
  ];
  test.each(cases)('%s', async (_name, overrides, fields) => {
    const as = overrides()?.groupId === null ? WORKER : LEADER;
    const result = await app.call(as, 'events', 'create', input(overrides()));
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (result.ok) return;
    for (const [field, message] of Object.entries(fields)) {
      expect(result.error.fields?.[field]).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
    }
    expect(await allEvents()).toHaveLength(seeded);
  });

  test('text that fails the content check is named and nothing is stored', async () => {
    const result = await app.call(LEADER, 'events', 'create', input({ place: '赌博场所' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', fields: { place: expect.any(String) } } });
    expect(await allEvents()).toHaveLength(seeded);
  });
});

describe('who may create', () => {
  test('the leader and deputies of a filed group; a social worker creates community events, not group ones', async () => {
    expect((await app.ok('seed-deputy-laonian', 'events', 'create', input())).events).toHaveLength(1);
    for (const as of ['seed-member-1', 'demo-resident', 'seed-leader-langsong', WORKER]) {
      expect(await app.call(as, 'events', 'create', input())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await app.call(LEADER, 'events', 'create', input({ groupId: 'g_unknown' }))).toMatchObject({ error: { code: 'NOT_FOUND' } });

    const seminar = input({ groupId: null, communityId: 'c-tatan', title: '社区议事座谈会', audience: 'community' });
    const { events } = await app.ok(WORKER, 'events', 'create', seminar);
    expect(events[0]).toMatchObject({ hostNames: ['塔谈社区居委会'] });
    expect((await app.store.collection<TEventDoc>(C.events).get(events[0]!.id))).toMatchObject({ hostGroupIds: [], communityId: 'c-tatan' });
    for (const as of ['sw-youyi', LEADER]) {
      expect(await app.call(as, 'events', 'create', { ...seminar, requestId: `${seminar.requestId}-x` })).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
  });
});

describe('what is stored', () => {
  test('the description may be left out; the event is stored with an empty one', async () => {
    const { description: _left, ...withoutDescription } = input();
    const { events } = await app.ok(LEADER, 'events', 'create', withoutDescription);
    expect((await app.ok(LEADER, 'events', 'detail', { eventId: events[0]!.id })).event.description).toBe('');
  });

  test('a weekly series is one event per date with a shared series id, dates a week apart', async () => {
    const { events } = await app.ok(LEADER, 'events', 'create', input({ repeat: { weeks: 8 } }));
    expect(events).toHaveLength(8);
    expect(new Set(events.map((e) => e.seriesId)).size).toBe(1);
    expect(events[0]!.seriesId).not.toBeNull();
    events.forEach((e, i) => {
      expect(e.startAt - events[0]!.startAt).toBe(i * 7 * DAY);
      expect(e.signupDeadline - events[0]!.signupDeadline).toBe(i * 7 * DAY);
    });
  });

  test('a double tap creates the events once; the same request id with other content is REQUEST_REUSED', async () => {
    const req = input({ repeat: { weeks: 3 } });
    const first = await app.ok(LEADER, 'events', 'create', req);
    const again = await app.ok(LEADER, 'events', 'create', req);
    expect(again.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    expect(await allEvents()).toHaveLength(seeded + 3);
    const other = await app.call(LEADER, 'events', 'create', { ...req, title: '另一个活动' });
    expect(other).toMatchObject({ ok: false, error: { code: 'REQUEST_REUSED' } });
    expect(await allEvents()).toHaveLength(seeded + 3);
  });

  test('a co-hosted event is managed by both groups and shows on both group pages', async () => {
    const { events } = await app.ok(LEADER, 'events', 'create', input({ title: '社区志愿服务日', coHostGroupId: 'g_seed_yangguang', isVolunteer: true }));
    const e = events[0]!;
    expect(e.hostNames).toEqual(['塔谈社区老年协会', '阳光小志愿者协会']);
    for (const groupId of ['g_seed_laonian', 'g_seed_yangguang']) {
      expect((await app.ok('demo-resident', 'events', 'groupEvents', { groupId, when: 'upcoming' })).items.map((c) => c.id)).toContain(e.id);
    }
    expect((await app.ok('seed-leader-hechang', 'events', 'groupEvents', { groupId: 'g_seed_hechang', when: 'upcoming' })).items.map((c) => c.id)).not.toContain(e.id);
    expect((await app.ok('seed-leader-yangguang', 'events', 'detail', { eventId: e.id })).event.can.manage).toBe(true);
    expect(await app.call('seed-leader-yangguang', 'events', 'update', { eventId: e.id, capacity: 30 })).toMatchObject({ ok: true });
    expect(await app.call('seed-leader-hechang', 'events', 'update', { eventId: e.id, capacity: 40 })).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  test('each event has its own random check-in secret, which no answer ever carries', async () => {
    const { events } = await app.ok(LEADER, 'events', 'create', input({ repeat: { weeks: 2 } }));
    const ids = events.map((e) => e.id);
    const stored = (await allEvents()).filter((e) => ids.includes(e._id));
    const secrets = stored.map((e) => e.checkInSecret);
    expect(new Set(secrets).size).toBe(2);
    for (const s of secrets) expect(s.length).toBeGreaterThanOrEqual(32);
    await app.ok('demo-resident', 'events', 'signUp', { eventId: events[0]!.id });
    const answers = [
      events,
      await app.ok(LEADER, 'events', 'detail', { eventId: events[0]!.id }),
      await app.ok('demo-resident', 'events', 'list', { communityId: 'c-tatan' }),
      await app.ok('demo-resident', 'events', 'mine', { tab: 'upcoming' }),
      await app.ok(LEADER, 'events', 'groupEvents', { groupId: 'g_seed_laonian', when: 'upcoming' }),
      await app.ok(LEADER, 'events', 'update', { eventId: events[0]!.id, title: '书法课第一讲' }),
      await app.ok(LEADER, 'events', 'registrations', { eventId: events[0]!.id }),
    ];
    const text = JSON.stringify(answers);
    for (const s of secrets) expect(text).not.toContain(s);
    expect(text).not.toContain('checkInSecret');
  });
});
