import { C, type TAuditDoc } from '../../cloudfunctions/core/collections';
import { filingsFunction, type TQueueItem } from '../../types/filings';
import { OVERDUE_AFTER_DAYS, REVIEW_REASONS } from '../../types/workbench-vocab';
import { FILING_LIMITS } from '../../types/form-limits';
import { createTestApp, type TTestApp } from '../support/app';
import { completeFields, requestId } from '../support/filings';

/**
 * The workbench (docs/workbench.md): the filtered queue across a scope, its header, and a group's staff view.
 * Over the demo seed, which may hold waiting filings of its own: assertions are about the filings each test
 * submits, and about properties of the whole answer (order, flags) rather than its exact length.
 */
const WORKER = 'demo-social-worker';
const OFFICER = 'demo-admin';
const OTHER_WORKER = 'sw-youyi';
const OTHER_OFFICER = 'officer-zhentou';
const LEADER = 'demo-leader';
const LAONIAN = 'g_seed_laonian';
const DAY = 86_400_000;

let app: TTestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

async function submit(name: string, communityId = 'c-tatan'): Promise<string> {
  const { filing } = await app.ok(LEADER, 'filings', 'saveDraft', { requestId: requestId(), fields: completeFields({ name, communityId }) });
  await app.ok(LEADER, 'filings', 'submit', { filingId: filing.id });
  return filing.id;
}

/** Every page of a queue, as the workbench would read it by scrolling. */
async function wholeQueue(as: string, filters: { communityId?: string; kind?: 'initial' | 'change' | 'dissolution'; status?: 'submitted' | 'returned' | 'approved' | 'rejected' | 'withdrawn' } = {}) {
  const items: TQueueItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await app.ok(as, 'filings', 'queue', { ...filters, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

const deniedLines = (action: string) =>
  app.store
    .collection<TAuditDoc & { action?: string; communityId?: string | null }>(C.audit)
    .find({ where: { action: `denied:${action}` } as never, limit: 100 })
    .then((p) => p.items);

describe('the queue across the scope', () => {
  test('oldest submission first, each waiting one flagged overdue once it has waited more than 7 days by the server clock', async () => {
    const first = await submit('塔谈社区太极扇队');
    app.clock.advance(2 * DAY);
    const second = await submit('塔谈社区书法社');
    app.clock.advance(OVERDUE_AFTER_DAYS * DAY - 2 * DAY); // the first has waited 7 days exactly: not yet overdue

    let items = await wholeQueue(WORKER);
    const ids = items.map((i) => i.id);
    expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second));
    expect(items.map((i) => i.submittedAt)).toEqual([...items.map((i) => i.submittedAt)].sort((a, b) => a - b));
    expect(items.find((i) => i.id === first)!.overdue).toBe(false);

    app.clock.advance(DAY);
    items = await wholeQueue(WORKER);
    expect(items.find((i) => i.id === first)!.overdue).toBe(true);
    expect(items.find((i) => i.id === second)!.overdue).toBe(false);
    const now = app.clock.now();
    for (const item of items) expect(item.overdue).toBe(now - item.submittedAt > OVERDUE_AFTER_DAYS * DAY);
  });

  test('the header counts the whole scope, whatever the filters, and its overdue count matches the flags', async () => {
    const before = (await app.ok(WORKER, 'filings', 'queue', {})).header!;
    await submit('塔谈社区太极扇队');
    app.clock.advance(9 * DAY);
    await submit('塔谈社区书法社');
    const filtered = await app.ok(WORKER, 'filings', 'queue', { status: 'approved', kind: 'dissolution' });
    expect(filtered.header!.waiting).toBe(before.waiting + 2);
    const waiting = await wholeQueue(WORKER);
    expect(filtered.header!.overdue).toBe(waiting.filter((i) => i.overdue).length);
    expect(filtered.header!.overdue).toBeGreaterThanOrEqual(1);
    // Later pages carry no header: it is the first screen's.
    for (let i = 0; i < 20; i++) {
      app.clock.advance(10 * 60_000); // under the filing rate limit (20 an hour)
      await submit(`塔谈社区兴趣队${i}`);
    }
    const page = await app.ok(WORKER, 'filings', 'queue', {});
    expect(page.nextCursor).not.toBeNull();
    expect((await app.ok(WORKER, 'filings', 'queue', { cursor: page.nextCursor! })).header).toBeNull();
  });

  test('the social worker’s scope is 塔谈社区; the street officer’s is 塔谈社区 and 北焦社区, each filter narrowing to one', async () => {
    const tatan = await submit('塔谈社区太极扇队');
    const beijiao = await submit('北焦社区秧歌队', 'c-beijiao');

    const worker = await app.ok(WORKER, 'filings', 'queue', {});
    expect(worker.header!.communities).toEqual([{ id: 'c-tatan', name: '塔谈社区' }]);
    expect(worker.header!.officer).toBe(false);
    const workerIds = (await wholeQueue(WORKER)).map((i) => i.id);
    expect(workerIds).toContain(tatan);
    expect(workerIds).not.toContain(beijiao);

    const officer = await app.ok(OFFICER, 'filings', 'queue', {});
    expect(officer.header!.communities.map((c) => c.name).sort()).toEqual(['北焦社区', '塔谈社区'].sort());
    expect(officer.header!.officer).toBe(true);
    const all = await wholeQueue(OFFICER);
    expect(all.map((i) => i.id)).toEqual(expect.arrayContaining([tatan, beijiao]));
    const onlyBeijiao = await wholeQueue(OFFICER, { communityId: 'c-beijiao' });
    expect(onlyBeijiao.map((i) => i.id)).toContain(beijiao);
    expect(onlyBeijiao.every((i) => i.communityName === '北焦社区')).toBe(true);
  });

  test('filters by kind and status: a returned filing leaves 待审核 and is listed under 退回修改; a change is listed under 变更', async () => {
    const returned = await submit('塔谈社区太极扇队');
    await app.ok(WORKER, 'filings', 'decide', { filingId: returned, decision: 'return', comment: REVIEW_REASONS[0] });
    const { filing: change } = await app.ok(LEADER, 'manage', 'fileChange', { groupId: LAONIAN, requestId: requestId(), changes: { name: '塔谈社区老年人协会' } });

    expect((await wholeQueue(WORKER)).map((i) => i.id)).not.toContain(returned);
    const returnedList = await wholeQueue(WORKER, { status: 'returned' });
    expect(returnedList.map((i) => i.id)).toContain(returned);
    expect(returnedList.every((i) => i.status === 'returned' && !i.overdue)).toBe(true);

    const changes = await wholeQueue(WORKER, { kind: 'change' });
    expect(changes.map((i) => i.id)).toContain(change.id);
    expect(changes.every((i) => i.kind === 'change' && i.status === 'submitted')).toBe(true);
    expect((await wholeQueue(WORKER, { kind: 'initial' })).map((i) => i.id)).not.toContain(change.id);
  });

  test('a community outside the scope is refused (FORBIDDEN), nothing listed, and the attempt is in the audit log', async () => {
    await submit('北焦社区秧歌队', 'c-beijiao');
    const refused = await app.call(WORKER, 'filings', 'queue', { communityId: 'c-beijiao' });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
    const lines = await deniedLines('filings.queue');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ actor: WORKER, entityId: 'c-beijiao', communityId: 'c-beijiao' });

    const other = await app.call(OTHER_OFFICER, 'filings', 'queue', { communityId: 'c-tatan' });
    expect(other.ok ? 'ok' : other.error.code).toBe('FORBIDDEN');
    expect(await deniedLines('filings.queue')).toHaveLength(2);
    // A resident is not staff: refused without any scope to speak of.
    const resident = await app.call('demo-resident', 'filings', 'queue', {});
    expect(resident.ok ? 'ok' : resident.error.code).toBe('FORBIDDEN');
  });

  test('bad filters are refused with a Chinese message and the field named', async () => {
    const bad = await app.raw('filings', { action: 'queue', status: 'draft', kind: 'rename' }, WORKER);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('VALIDATION_FAILED');
    expect(bad.error.fields).toMatchObject({ status: '请选择报备状态', kind: '请选择报备类型' });
  });
});

describe("a group's staff view", () => {
  test('the record with the full phone, the roster with phones, and the filing history as a timeline with who, when and why', async () => {
    const { filing } = await app.ok(LEADER, 'manage', 'fileChange', { groupId: LAONIAN, requestId: requestId(), changes: { name: '塔谈社区老年人协会' } });
    app.clock.advance(DAY);
    await app.ok(WORKER, 'filings', 'decide', { filingId: filing.id, decision: 'return', comment: '名称请与章程一致' });

    const { group } = await app.ok(WORKER, 'workbench', 'group', { groupId: LAONIAN });
    expect(group.record).toMatchObject({ id: LAONIAN, name: '塔谈社区老年协会', leaderName: '张建国', leaderMobile: '13831112345', communityName: '塔谈社区' });
    expect(group.record.charter.length).toBeGreaterThan(20);

    expect(group.roster.items.length).toBeGreaterThan(0);
    const deputy = group.roster.items.find((m) => m.role === 'deputy')!;
    expect(deputy).toMatchObject({ name: '王桂芝', mobile: '13931110001' });
    expect(group.subCommittees.map((s) => s.id)).toContain(deputy.subCommitteeId);

    // Newest filing first: the change just returned, then (further down) the filing the group was founded on.
    expect(group.filings[0]).toMatchObject({ id: filing.id, kind: 'change', status: 'returned' });
    expect(group.filings[0]!.steps.map((s) => [s.from, s.to])).toEqual([
      [null, 'submitted'],
      ['submitted', 'returned'],
    ]);
    expect(group.filings[0]!.steps[1]).toMatchObject({ actorName: '刘芳', reason: '名称请与章程一致' });
    expect(group.filings.map((f) => f.kind)).toContain('initial');
  });

  test('the street officer sees it too; staff of another community get NOT_FOUND, logged; residents and leaders FORBIDDEN', async () => {
    expect((await app.ok(OFFICER, 'workbench', 'group', { groupId: LAONIAN })).group.record.leaderMobile).toBe('13831112345');
    for (const who of [OTHER_WORKER, OTHER_OFFICER]) {
      const r = await app.call(who, 'workbench', 'group', { groupId: LAONIAN });
      expect(r.ok ? 'ok' : r.error.code).toBe('NOT_FOUND');
    }
    const lines = await deniedLines('workbench.group');
    expect(lines.map((l) => l.actor).sort()).toEqual([OTHER_OFFICER, OTHER_WORKER].sort());
    expect(lines.every((l) => l.entityId === LAONIAN && l.communityId === 'c-tatan')).toBe(true);
    for (const who of ['demo-resident', LEADER]) {
      const r = await app.call(who, 'workbench', 'group', { groupId: LAONIAN });
      expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
    }
    const missing = await app.call(WORKER, 'workbench', 'group', { groupId: 'g_nowhere' });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('NOT_FOUND');
  });

  test('the 社团 list holds only groups in scope; a community outside it is refused and logged', async () => {
    const { items } = await app.ok(WORKER, 'workbench', 'groups', {});
    expect(items.map((g) => g.id)).toContain(LAONIAN);
    expect(items.every((g) => g.communityName === '塔谈社区' && g.status === 'active')).toBe(true);
    const refused = await app.call(OTHER_WORKER, 'workbench', 'groups', { communityId: 'c-tatan' });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
    expect(await deniedLines('workbench.groups')).toHaveLength(1);
    expect((await app.ok(OTHER_WORKER, 'workbench', 'groups', {})).items.map((g) => g.id)).not.toContain(LAONIAN);
  });
});

describe('common return reasons', () => {
  test('each is a complete sentence within the comment limit, distinct, and accepted as a return comment', () => {
    expect(REVIEW_REASONS.length).toBeGreaterThanOrEqual(4);
    expect(new Set(REVIEW_REASONS).size).toBe(REVIEW_REASONS.length);
    for (const reason of REVIEW_REASONS) {
      expect(reason.length).toBeGreaterThan(4);
      expect(reason.length).toBeLessThanOrEqual(FILING_LIMITS.reviewComment);
      const parsed = filingsFunction.actions.decide.input.safeParse({ filingId: 'f_1', decision: 'return', comment: reason });
      expect(parsed.success).toBe(true);
    }
  });
});
