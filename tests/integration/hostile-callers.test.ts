import { C, type TFilingDoc, type TGroupDoc, type TMembershipDoc, type TOutboxDoc, type TRateDoc } from '../../cloudfunctions/core/collections';
import { HANDLERS } from '../../cloudfunctions/core/functions';
import { authed } from '../../cloudfunctions/core/guards';
import { membershipIdFor } from '../../cloudfunctions/core/groups/membership-id';
import { localPorts } from '../../cloudfunctions/core/platform/local-ports';
import { consumeRate, RATE_RULES } from '../../cloudfunctions/core/rate-limit';
import type { TStore } from '../../cloudfunctions/core/storage/port';
import { createTestApp, type TTestApp } from '../support/app';
import { storeWithHook } from '../support/store-hook';
import { requestId } from '../support/filings';

/** Callers who repeat, race or push: what a careless or hostile client sends, and what must hold anyway. */

const LAONIAN = 'g_seed_laonian';
const HECHANG = 'g_seed_hechang';
const LEADER = 'demo-leader';
const DEPUTY = 'seed-deputy-laonian';
const RESIDENT = 'demo-resident';
const WORKER = 'demo-social-worker';
const DEPUTY_MEMBERSHIP = membershipIdFor(LAONIAN, DEPUTY);

let app: TTestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

const filingCount = async () => (await app.store.collection<TFilingDoc>(C.filings).find({ limit: 100 })).items.length;
const group = async (id = LAONIAN) => (await app.store.collection<TGroupDoc>(C.groups).get(id))!;

describe('a reused request id answers only the request it was minted for', () => {
  test('an exact replay answers the first filing; another action, group or content with the same id is REQUEST_REUSED and writes nothing', async () => {
    const rid = requestId();
    const change = { groupId: LAONIAN, requestId: rid, changes: { venue: '塔谈社区党群服务中心三楼' }, reason: '原活动室装修' };
    const first = await app.ok(LEADER, 'manage', 'fileChange', change);
    expect((await app.ok(LEADER, 'manage', 'fileChange', change)).filing.id).toBe(first.filing.id);

    const before = await filingCount();
    const asDissolution = await app.call(LEADER, 'manage', 'dissolve', { groupId: LAONIAN, requestId: rid, reason: '活动并入老年大学' });
    expect(asDissolution).toMatchObject({ ok: false, error: { code: 'REQUEST_REUSED', message: expect.stringMatching(/刷新/) } });
    const otherContent = await app.call(LEADER, 'manage', 'fileChange', { ...change, changes: { venue: '别的地方' } });
    expect(otherContent).toMatchObject({ ok: false, error: { code: 'REQUEST_REUSED' } });
    expect(await filingCount()).toBe(before);
    expect((await group()).pendingFilingId).toBe(first.filing.id);
  });

  test('the same id on another group never answers the first group’s filing', async () => {
    // 张建国 leads 老年协会; make him the 合唱团's leader too, so one person files for two groups.
    await app.store.collection<TMembershipDoc>(C.memberships).insert({
      _id: membershipIdFor(HECHANG, LEADER),
      groupId: HECHANG,
      groupName: '塔谈社区合唱团',
      communityId: 'c-tatan',
      openid: LEADER,
      name: '张建国',
      mobile: '13831112345',
      role: 'leader',
      status: 'active',
      message: null,
      note: null,
      subCommitteeId: null,
      requestedAt: 1,
      joinedAt: 1,
    });
    const rid = requestId();
    await app.ok(LEADER, 'manage', 'fileChange', { groupId: LAONIAN, requestId: rid, changes: { venue: '三楼活动室' } });
    const other = await app.call(LEADER, 'manage', 'fileChange', { groupId: HECHANG, requestId: rid, changes: { venue: '三楼活动室' } });
    expect(other).toMatchObject({ ok: false, error: { code: 'REQUEST_REUSED' } });
    expect((await group(HECHANG)).pendingFilingId).toBeNull();
  });
});

describe('roles are checked on what the write’s own transaction reads', () => {
  test('a deputy removed while filing a change cannot file it', async () => {
    const hooked = storeWithHook(app.store);
    const raced = callerOn(hooked.store);
    hooked.beforeNextTransaction(async () => {
      await app.ok(LEADER, 'manage', 'removeMember', { membershipId: DEPUTY_MEMBERSHIP });
    });
    const answer = await raced.call(DEPUTY, 'manage', 'fileChange', { groupId: LAONIAN, requestId: requestId(), changes: { venue: '三楼活动室' } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await group()).pendingFilingId).toBeNull();
  });

  test('a deputy removed while deciding a join request cannot decide it', async () => {
    const { membership } = await app.ok(RESIDENT, 'groups', 'join', { groupId: LAONIAN });
    const hooked = storeWithHook(app.store);
    const raced = callerOn(hooked.store);
    hooked.beforeNextTransaction(async () => {
      await app.ok(LEADER, 'manage', 'removeMember', { membershipId: DEPUTY_MEMBERSHIP });
    });
    const answer = await raced.call(DEPUTY, 'manage', 'decideJoin', { membershipId: membership.id, decision: 'approve' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const stored = await app.store.collection<TMembershipDoc>(C.memberships).get(membership.id);
    expect(stored?.status).toBe('pending');
  });

  test('a deputy who filed a change and was then removed can no longer open it; the leader still can, read-only', async () => {
    const { filing } = await app.ok(DEPUTY, 'manage', 'fileChange', { groupId: LAONIAN, requestId: requestId(), changes: { venue: '三楼活动室' } });
    expect((await app.ok(DEPUTY, 'filings', 'get', { filingId: filing.id })).filing.can.withdraw).toBe(true);
    await app.ok(LEADER, 'manage', 'removeMember', { membershipId: DEPUTY_MEMBERSHIP });

    expect(await app.call(DEPUTY, 'filings', 'get', { filingId: filing.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await app.call(DEPUTY, 'filings', 'withdraw', { filingId: filing.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const seenByLeader = await app.ok(LEADER, 'filings', 'get', { filingId: filing.id });
    expect(seenByLeader.filing).toMatchObject({ status: 'submitted', can: { withdraw: false, decide: false } });
    expect((await app.ok(WORKER, 'filings', 'get', { filingId: filing.id })).filing.can.decide).toBe(true);
  });
});

describe('per-caller limits held in the database', () => {
  test('cycling join and cancel is limited, and the leader hears of the request once', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < RATE_RULES.join.max + 2; i++) {
      const answer = await app.call(RESIDENT, 'groups', 'join', { groupId: LAONIAN });
      outcomes.push(answer.ok ? 'ok' : answer.error.code);
      if (answer.ok) await app.ok(RESIDENT, 'groups', 'cancelJoin', { groupId: LAONIAN });
    }
    expect(outcomes).toEqual([...Array(RATE_RULES.join.max).fill('ok'), 'RATE_LIMITED', 'RATE_LIMITED']);
    const limited = await app.call(RESIDENT, 'groups', 'join', { groupId: LAONIAN });
    expect(limited).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/分钟后再试/) } });

    const notices = (await app.store.collection<TOutboxDoc>(C.outbox).find({ where: { to: LEADER }, limit: 100 })).items;
    expect(notices.filter((n) => n.kind === 'join_requested')).toHaveLength(1);

    // Another person is not limited by this one; the next window lets this one in again.
    expect((await app.call('other-leader', 'groups', 'join', { groupId: LAONIAN })).ok).toBe(true);
    app.clock.advance(RATE_RULES.join.windowMs);
    expect(await app.ok(RESIDENT, 'groups', 'join', { groupId: LAONIAN })).toMatchObject({ membership: { status: 'pending' } });
  });

  test('a limited request writes nothing', async () => {
    for (let i = 0; i < RATE_RULES.join.max; i++) {
      await app.ok(RESIDENT, 'groups', 'join', { groupId: HECHANG });
      await app.ok(RESIDENT, 'groups', 'cancelJoin', { groupId: HECHANG });
    }
    const before = await app.store.collection<TMembershipDoc>(C.memberships).get(membershipIdFor(HECHANG, RESIDENT));
    expect((await app.call(RESIDENT, 'groups', 'join', { groupId: HECHANG })).ok).toBe(false);
    expect(await app.store.collection<TMembershipDoc>(C.memberships).get(membershipIdFor(HECHANG, RESIDENT))).toEqual(before);
  });

  test('a burst of simultaneous uses never passes the limit, and the stored count is exact', async () => {
    const ctx = authed({ ...localPorts(app.store, { clock: app.clock }), caller: { openid: RESIDENT } });
    const rule = RATE_RULES.contentCheck;
    const results = await Promise.allSettled(Array.from({ length: rule.max + 15 }, () => consumeRate(ctx, rule)));
    const passed = results.filter((r) => r.status === 'fulfilled').length;
    expect(passed).toBeLessThanOrEqual(rule.max);
    expect(passed).toBeGreaterThan(0);
    const counters = await app.store.collection<TRateDoc>(C.ratelimits).find({ where: { rule: rule.name }, limit: 10 });
    expect(counters.items.map((d) => d.count)).toEqual([passed]);
  });

  test('content-checked text is limited per caller', async () => {
    const note = (i: number) => ({ groupId: LAONIAN, intro: `老年协会简介第${i}版，欢迎社区老人参加活动。` });
    const codes: string[] = [];
    for (let i = 0; i < RATE_RULES.contentCheck.max + 1; i++) {
      const answer = await app.call(LEADER, 'manage', 'update', note(i));
      codes.push(answer.ok ? 'ok' : answer.error.code);
    }
    expect(codes.slice(0, RATE_RULES.contentCheck.max).every((c) => c === 'ok')).toBe(true);
    expect(codes.at(-1)).toBe('RATE_LIMITED');
  });
});

describe('text others read is checked after normalisation', () => {
  test.each([
    ['a zero-width space', '赌\u200b博'],
    ['a word joiner', '赌\u2060博'],
    ['a space', '赌 博'],
    ['full-width punctuation', '赌。博'],
  ])('a blocked word split by %s is still refused', async (_, text) => {
    const answer = await app.call(RESIDENT, 'groups', 'join', { groupId: LAONIAN, message: `周末一起${text}吧` });
    expect(answer).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', fields: { message: expect.any(String) } } });
    expect(await app.store.collection(C.memberships).get(membershipIdFor(LAONIAN, RESIDENT))).toBeNull();
  });

  test('change and dissolution reasons are checked too, and nothing is filed', async () => {
    const change = await app.call(LEADER, 'manage', 'fileChange', {
      groupId: LAONIAN,
      requestId: requestId(),
      changes: { venue: '三楼活动室' },
      reason: '为了赌\u200b博方便',
    });
    expect(change).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', fields: { reason: expect.any(String) } } });
    const dissolution = await app.call(LEADER, 'manage', 'dissolve', { groupId: LAONIAN, requestId: requestId(), reason: '改做博\u200d彩' });
    expect(dissolution).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', fields: { reason: expect.any(String) } } });
    expect((await group()).pendingFilingId).toBeNull();
  });
});

/** Calls `manage` actions exactly as the test app does, but through another store (here: the hooked one). */
function callerOn(store: TStore) {
  const ports = localPorts(store, { clock: app.clock });
  return {
    call: (as: string, fn: 'manage', action: string, input: object) => HANDLERS[fn]({ action, ...input }, { ...ports, caller: { openid: as } }),
  };
}
