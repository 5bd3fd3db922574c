import { C } from '../../cloudfunctions/core/collections';
import { createTestApp, type TTestApp } from '../support/app';
import { completeFields, requestId } from '../support/filings';

/** The demo's waiting filings of 塔谈社区, oldest first (docs/demo-data.md): two overdue, then the fresh ones. */
const SEEDED_WAITING = ['f_seed_xiqu', 'f_seed_xunluo_venue', 'f_seed_taiji', 'f_seed_bianzhi_dissolve'];
const LEADER = 'demo-leader';
const WORKER = 'demo-social-worker';
const RESIDENT = 'demo-resident';

let app: TTestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

async function submittedFiling(fields = completeFields()) {
  const { filing } = await app.ok(LEADER, 'filings', 'saveDraft', { requestId: requestId(), fields });
  await app.ok(LEADER, 'filings', 'submit', { filingId: filing.id });
  return filing.id;
}

test('a resubmission after a return shows the reviewer each field changed since the returned version', async () => {
  const filingId = await submittedFiling();
  const first = await app.ok(WORKER, 'filings', 'get', { filingId });
  expect(first.filing.sinceReturn).toBeNull(); // never returned: nothing to compare with

  await app.ok(WORKER, 'filings', 'decide', { filingId, decision: 'return', comment: '请写明房间号，并补充一名成员' });
  await app.ok(LEADER, 'filings', 'saveDraft', {
    filingId,
    fields: { venue: '塔谈社区党群服务中心 203 书画室', roster: [{ name: '李梅', mobile: '13912345678' }, { name: '赵刚' }, { name: '王芳' }] },
  });
  await app.ok(LEADER, 'filings', 'submit', { filingId });

  const { filing } = await app.ok(WORKER, 'filings', 'get', { filingId });
  expect(filing.sinceReturn).toEqual([
    { field: 'roster', label: '会员花名册', before: '1. 李梅 13912345678\n2. 赵刚', after: '1. 李梅 13912345678\n2. 赵刚\n3. 王芳' },
    { field: 'venue', label: '活动场所', before: '塔谈社区党群服务中心书画室', after: '塔谈社区党群服务中心 203 书画室' },
  ]);

  // A second return compares the next resubmission with the second returned version, not the first.
  await app.ok(WORKER, 'filings', 'decide', { filingId, decision: 'return', comment: '请补充指导单位联系人' });
  await app.ok(LEADER, 'filings', 'submit', { filingId });
  expect((await app.ok(WORKER, 'filings', 'get', { filingId })).filing.sinceReturn).toEqual([]);
});

test('the whole loop: draft, submit, return with a comment, edit, resubmit, approve, listed for residents', async () => {
  const { filing: draft } = await app.ok(LEADER, 'filings', 'saveDraft', {
    requestId: requestId(),
    fields: { name: '塔谈社区书法', category: 'culture_sports', communityId: 'c-tatan' },
  });
  expect(draft).toMatchObject({ status: 'draft', communityName: '塔谈社区', can: { edit: true, submit: true, withdraw: false } });

  await app.ok(LEADER, 'filings', 'saveDraft', { filingId: draft.id, fields: completeFields({ name: '塔谈社区书法绘画社' }) });
  const submitted = await app.ok(LEADER, 'filings', 'submit', { filingId: draft.id });
  expect(submitted.filing).toMatchObject({ status: 'submitted', submittedAt: app.clock.now() });

  app.clock.advance(60_000);
  const returned = await app.ok(WORKER, 'filings', 'decide', {
    filingId: draft.id,
    decision: 'return',
    comment: '请补充活动场所的具体房间号',
  });
  expect(returned.filing).toMatchObject({ status: 'returned', lastComment: '请补充活动场所的具体房间号' });

  const seenByLeader = await app.ok(LEADER, 'filings', 'get', { filingId: draft.id });
  expect(seenByLeader.filing).toMatchObject({ status: 'returned', lastComment: '请补充活动场所的具体房间号', can: { edit: true } });

  await app.ok(LEADER, 'filings', 'saveDraft', { filingId: draft.id, fields: { venue: '塔谈社区党群服务中心 203 书画室' } });
  await app.ok(LEADER, 'filings', 'submit', { filingId: draft.id });
  const approved = await app.ok(WORKER, 'filings', 'decide', { filingId: draft.id, decision: 'approve' });
  expect(approved.filing.status).toBe('approved');
  expect(approved.filing.groupId).toEqual(expect.stringMatching(/^g_/));

  const { history } = await app.ok(LEADER, 'filings', 'get', { filingId: draft.id });
  expect(history.map((h) => `${h.from}→${h.to}`)).toEqual([
    'draft→submitted',
    'submitted→returned',
    'returned→submitted',
    'submitted→approved',
  ]);
  expect(history[1]).toMatchObject({ actorName: '刘芳', reason: '请补充活动场所的具体房间号' });
  const reviewerHistory = await app.ok(WORKER, 'filings', 'get', { filingId: draft.id });
  expect(reviewerHistory.history).toEqual(history);

  const directory = await app.ok(RESIDENT, 'groups', 'directory', { communityId: 'c-tatan' });
  expect(directory.items[0]).toMatchObject({ name: '塔谈社区书法绘画社', category: 'culture_sports', memberCount: 15 });
  const { group } = await app.ok(RESIDENT, 'groups', 'detail', { groupId: approved.filing.groupId! });
  expect(group).toMatchObject({
    venue: '塔谈社区党群服务中心 203 书画室',
    leaderName: '张建国',
    leaderMobileMasked: '138****2345',
    hasPartyBranch: false,
  });
  expect(JSON.stringify(group)).not.toContain('13831112345');
});

describe('drafts', () => {
  test('the same request id creates one draft, even when sent five times at once', async () => {
    const id = requestId();
    const before = await app.store.collection(C.filings).count();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => app.call(LEADER, 'filings', 'saveDraft', { requestId: id, fields: { name: '合唱' } })),
    );
    const ids = new Set(results.map((r) => (r.ok ? r.data.filing.id : r.error.code)));
    expect(ids.size).toBe(1);
    expect(await app.store.collection(C.filings).count()).toBe(before + 1);
  });

  test('a draft keeps half-typed values and merges later saves', async () => {
    const { filing } = await app.ok(LEADER, 'filings', 'saveDraft', { requestId: requestId(), fields: { leaderMobile: '1383' } });
    await app.ok(LEADER, 'filings', 'saveDraft', { filingId: filing.id, fields: { name: '书法社' } });
    const { filing: again } = await app.ok(LEADER, 'filings', 'get', { filingId: filing.id });
    expect(again.fields).toMatchObject({ leaderMobile: '1383', name: '书法社' });
  });

  test('an unknown community is refused by field', async () => {
    const r = await app.call(LEADER, 'filings', 'saveDraft', { requestId: requestId(), fields: { communityId: 'c-nowhere' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { communityId: expect.any(String) } } });
  });
});

describe('bad input writes nothing', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['server-owned key in fields', { fields: { status: 'approved' } }, 'fields.status'],
    ['openid in the body', { fields: {}, openid: 'demo-social-worker' }, 'openid'],
    ['wrong type', { fields: { memberCount: '十五' } }, 'fields.memberCount'],
    ['over-long name', { fields: { name: '社'.repeat(41) } }, 'fields.name'],
    ['over-long charter', { fields: { charter: '章'.repeat(10001) } }, 'fields.charter'],
    ['unknown category', { fields: { category: 'party' } }, 'fields.category'],
  ];
  test.each(cases)('%s → VALIDATION_FAILED on %s', async (_label, input, field) => {
    const before = await app.store.collection(C.filings).count();
    const r = await app.raw('filings', { action: 'saveDraft', requestId: requestId(), ...input }, LEADER);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION_FAILED');
    expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(r.error.fields?.[field]).toMatch(/[\u4e00-\u9fa5]/);
    expect(await app.store.collection(C.filings).count()).toBe(before);
  });

  test('submit checks the complete form and names every missing or malformed field in Chinese', async () => {
    const { filing } = await app.ok(LEADER, 'filings', 'saveDraft', {
      requestId: requestId(),
      fields: { name: '书法社', category: 'culture_sports', communityId: 'c-tatan', leaderMobile: '1234' },
    });
    const r = await app.call(LEADER, 'filings', 'submit', { filingId: filing.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (r.ok) return;
    expect(r.error.fields).toMatchObject({
      leaderMobile: '请填写11位负责人手机号，例如 13812345678',
      purpose: '请填写宗旨与主要活动',
      charter: '请填写章程',
    });
    const { filing: after, history } = await app.ok(LEADER, 'filings', 'get', { filingId: filing.id });
    expect(after.status).toBe('draft');
    expect(history).toEqual([]);
  });

  test('a Party branch needs at least three Party members', async () => {
    const { filing } = await app.ok(LEADER, 'filings', 'saveDraft', {
      requestId: requestId(),
      fields: completeFields({ hasPartyBranch: true, partyMemberCount: 2 }),
    });
    const r = await app.call(LEADER, 'filings', 'submit', { filingId: filing.id });
    expect(r).toMatchObject({ ok: false, error: { fields: { partyMemberCount: expect.stringContaining('至少3名党员') } } });
  });

  test('text others will read passes the content check before it is filed', async () => {
    const { filing } = await app.ok(LEADER, 'filings', 'saveDraft', {
      requestId: requestId(),
      fields: completeFields({ purpose: '每周组织棋牌活动，兼带赌博性质的小游戏，请大家踊跃参加。' }),
    });
    const r = await app.call(LEADER, 'filings', 'submit', { filingId: filing.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', fields: { purpose: expect.any(String) } } });
    expect((await app.ok(LEADER, 'filings', 'get', { filingId: filing.id })).filing.status).toBe('draft');
  });
});

describe('repeated and concurrent requests write once', () => {
  test('submitting twice records one transition', async () => {
    const filingId = await submittedFiling();
    const again = await app.ok(LEADER, 'filings', 'submit', { filingId });
    expect(again.filing.status).toBe('submitted');
    const { history } = await app.ok(LEADER, 'filings', 'get', { filingId });
    expect(history).toHaveLength(1);
  });

  test('a second decision gets ALREADY_DECIDED', async () => {
    const filingId = await submittedFiling();
    await app.ok(WORKER, 'filings', 'decide', { filingId, decision: 'approve' });
    const second = await app.call('demo-admin', 'filings', 'decide', { filingId, decision: 'reject', comment: '不符合要求' });
    expect(second).toMatchObject({ ok: false, error: { code: 'ALREADY_DECIDED' } });
  });

  test('of two concurrent decisions exactly one lands, and approval makes exactly one group', async () => {
    const filingId = await submittedFiling();
    const groupsBefore = await app.store.collection(C.groups).count();
    const results = await Promise.all([
      app.call(WORKER, 'filings', 'decide', { filingId, decision: 'approve' }),
      app.call('demo-admin', 'filings', 'decide', { filingId, decision: 'approve' }),
      app.call(WORKER, 'filings', 'decide', { filingId, decision: 'reject', comment: '重复' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['ALREADY_DECIDED', 'ALREADY_DECIDED']);
    const { history } = await app.ok(LEADER, 'filings', 'get', { filingId });
    expect(history.filter((h) => h.from === 'submitted')).toHaveLength(1);
    const approvedCount = results.filter((r) => r.ok && r.data.filing.status === 'approved').length;
    expect(await app.store.collection(C.groups).count()).toBe(groupsBefore + approvedCount);
  });
});

describe('withdraw', () => {
  test('before a decision the leader can withdraw, edit and submit again; the reviewer can no longer decide it', async () => {
    const filingId = await submittedFiling();
    const { filing } = await app.ok(LEADER, 'filings', 'withdraw', { filingId });
    expect(filing).toMatchObject({ status: 'withdrawn', can: { edit: true, submit: true, withdraw: false } });
    const decide = await app.call(WORKER, 'filings', 'decide', { filingId, decision: 'approve' });
    expect(decide).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    await app.ok(LEADER, 'filings', 'saveDraft', { filingId, fields: { memberCount: 20 } });
    expect((await app.ok(LEADER, 'filings', 'submit', { filingId })).filing.status).toBe('submitted');
  });

  test('a decided filing cannot be withdrawn', async () => {
    const filingId = await submittedFiling();
    await app.ok(WORKER, 'filings', 'decide', { filingId, decision: 'reject', comment: '该组织已在其他社区备案' });
    const r = await app.call(LEADER, 'filings', 'withdraw', { filingId });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const seen = await app.ok(LEADER, 'filings', 'get', { filingId });
    expect(seen.filing).toMatchObject({ status: 'rejected', lastComment: '该组织已在其他社区备案', can: { edit: false, submit: false } });
  });
});

describe('queue and lists', () => {
  test('the review queue is oldest first and carries the time to compute each age', async () => {
    app.clock.advance(1000);
    const newer = await submittedFiling();
    const queue = await app.ok(WORKER, 'filings', 'queue', {});
    expect(queue.items.map((i) => i.id)).toEqual([...SEEDED_WAITING, newer]);
    const times = queue.items.map((i) => i.submittedAt);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(queue.now).toBe(app.clock.now());
    expect(queue.items[0]).toMatchObject({ name: '塔谈社区戏曲票友会', communityName: '塔谈社区', leaderName: '吕秀云' });
    expect(queue.now - queue.items[0]!.submittedAt).toBeGreaterThan(7 * 86_400_000); // overdue
  });

  test('the queue pages by cursor without losing or repeating a filing', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 23; i += 1) {
      app.clock.advance(10 * 60_000); // a leader's pace: filing more than 20 times an hour is rate-limited
      ids.push(await submittedFiling(completeFields({ name: `第${i}个兴趣小组` })));
    }
    const first = await app.ok(WORKER, 'filings', 'queue', {});
    expect(first.items).toHaveLength(20);
    const second = await app.ok(WORKER, 'filings', 'queue', { cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual([...SEEDED_WAITING, ...ids]);
  });

  test('a forged cursor is a validation error, not a crash', async () => {
    const r = await app.call(WORKER, 'filings', 'queue', { cursor: 'not-a-cursor' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { cursor: expect.any(String) } } });
  });

  test('mine lists only the caller’s filings, newest change first', async () => {
    app.clock.advance(1000);
    const filingId = await submittedFiling();
    const mine = await app.ok(LEADER, 'filings', 'mine', {});
    expect(mine.items.map((i) => i.id)).toEqual([filingId, 'f_seed_laonian']);
    expect((await app.ok(RESIDENT, 'filings', 'mine', {})).items).toEqual([]);
  });
});

describe('history order', () => {
  test('transitions in the same millisecond come back in the order they happened, whatever their ids', async () => {
    // Every id sorts before the previous one, and the clock never moves: neither `at` nor `_id` can order them.
    let countdown = 1e9;
    const descendingIds = { next: (prefix: string) => `${prefix}_${(countdown -= 1).toString(36)}` };
    const frozen = await createTestApp({ ports: { ids: descendingIds } });
    try {
      const { filing } = await frozen.ok(LEADER, 'filings', 'saveDraft', { requestId: requestId(), fields: completeFields() });
      await frozen.ok(LEADER, 'filings', 'submit', { filingId: filing.id });
      await frozen.ok(WORKER, 'filings', 'decide', { filingId: filing.id, decision: 'return', comment: '请补充章程' });
      await frozen.ok(LEADER, 'filings', 'submit', { filingId: filing.id });
      await frozen.ok(LEADER, 'filings', 'withdraw', { filingId: filing.id });
      await frozen.ok(LEADER, 'filings', 'submit', { filingId: filing.id });
      await frozen.ok(WORKER, 'filings', 'decide', { filingId: filing.id, decision: 'approve' });
      const { history } = await frozen.ok(WORKER, 'filings', 'get', { filingId: filing.id });
      expect(new Set(history.map((h) => h.at)).size).toBe(1);
      expect(history.map((h) => `${h.from}→${h.to}`)).toEqual([
        'draft→submitted',
        'submitted→returned',
        'returned→submitted',
        'submitted→withdrawn',
        'withdrawn→submitted',
        'submitted→approved',
      ]);
    } finally {
      await frozen.close();
    }
  });
});
