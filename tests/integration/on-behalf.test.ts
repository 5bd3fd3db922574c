import { C, type TAuditDoc, type TFilingDoc, type TGroupDoc, type TMembershipDoc } from '../../cloudfunctions/core/collections';
import { groupIdFor } from '../../cloudfunctions/core/groups/from-filing';
import { membershipIdFor } from '../../cloudfunctions/core/groups/membership-id';
import { devPhoneTable } from '../../cloudfunctions/core/platform/phones';
import { BEHALF_FILING_ID, ELDER } from '../../scripts/seed/demo-behalf';
import { createTestApp, type TTestApp } from '../support/app';
import { backendsFor } from '../support/backends';
import { completeFields, requestId } from '../support/filings';

/** 代办 and its takeover, 年度确认 (docs/on-behalf.md), through the handlers as each role. */
const WORKER = 'demo-social-worker';
const ADMIN = 'demo-admin';
const ELDER_ID = ELDER.openid;
/** Someone whose verified phone is not the filed leader's. */
const STRANGER = 'demo-resident';

let app: TTestApp;
beforeEach(async () => {
  app = await createTestApp({ ports: { phones: devPhoneTable({ [ELDER_ID]: ELDER.mobile, [STRANGER]: '13900000001' }) } });
});
afterEach(() => app.close());

const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

const audits = async (filingId: string) =>
  (await app.store.collection<TAuditDoc>(C.audit).find({ where: { entityId: filingId }, orderBy: [['seq', 'asc']], limit: 50 })).items;

/** The social worker enters a complete filing for 孙桂兰 and submits it. */
async function filedOnBehalf(name = '塔谈社区京剧票友社') {
  const { filing } = await app.ok(WORKER, 'filings', 'startOnBehalf', { requestId: requestId(), communityId: 'c-tatan', leaderName: ELDER.name, leaderMobile: ELDER.mobile });
  const { leaderName: _n, leaderMobile: _m, ...rest } = completeFields({ name });
  await app.ok(WORKER, 'filings', 'saveDraft', { filingId: filing.id, fields: rest });
  await app.ok(WORKER, 'filings', 'submit', { filingId: filing.id });
  return filing.id;
}

describe('代办: a social worker files for an elder who does not use a phone', () => {
  test('the draft names who entered it and for whom; the history says so; the enterer cannot approve it, another reviewer can', async () => {
    const start = { requestId: requestId(), communityId: 'c-tatan', leaderName: ELDER.name, leaderMobile: ELDER.mobile };
    const first = await app.ok(WORKER, 'filings', 'startOnBehalf', start);
    // A repeated tap lands on the same draft.
    expect((await app.ok(WORKER, 'filings', 'startOnBehalf', start)).filing.id).toBe(first.filing.id);
    expect(first.filing.onBehalf).toEqual({ enteredByName: '刘芳', enteredByRole: '社工', leaderName: ELDER.name, claimed: false });
    expect(first.filing.fields).toMatchObject({ leaderName: ELDER.name, leaderMobile: ELDER.mobile, communityId: 'c-tatan' });

    const filingId = await filedOnBehalf();
    const { history } = await app.ok(WORKER, 'filings', 'get', { filingId });
    expect(history.at(-1)).toMatchObject({ to: 'submitted', actorName: '刘芳', reason: '由社工 刘芳代为填写' });

    // Nobody reviews their own filing: the social worker entered it, so the street officer decides.
    expect(codeOf(await app.call(WORKER, 'filings', 'decide', { filingId, decision: 'approve' }))).toBe('FORBIDDEN');
    await app.ok(ADMIN, 'filings', 'decide', { filingId, decision: 'approve' });

    // The group exists with no leader in the app, and no leader membership for anyone.
    const groupId = groupIdFor(filingId);
    const group = (await app.store.collection<TGroupDoc>(C.groups).get(groupId))!;
    expect(group).toMatchObject({ status: 'active', leaderOpenid: '', leaderName: ELDER.name, leaderMobile: ELDER.mobile });
    expect(await app.store.collection<TMembershipDoc>(C.memberships).get(membershipIdFor(groupId, WORKER))).toBeNull();
    expect(await app.store.collection<TMembershipDoc>(C.memberships).get(membershipIdFor(groupId, ''))).toBeNull();
    // Nobody gains rights: not the social worker who entered it (staff rights only), not a resident.
    expect((await app.ok(WORKER, 'groups', 'detail', { groupId })).group.canManage).toBe(false);
    expect(codeOf(await app.call(WORKER, 'manage', 'update', { groupId, activityTime: '每周五上午' }))).toBe('FORBIDDEN');
    // A join request waits (nobody to notify yet) instead of failing.
    await app.ok('demo-resident', 'groups', 'join', { groupId });
    const outbox = (await app.store.collection(C.outbox).find({ where: { kind: 'join_requested' }, limit: 50 })).items;
    expect(outbox.filter((n) => (n as unknown as { to: string }).to === '')).toHaveLength(0);
  });

  test('only staff of the community start one; a social worker of another community is refused and logged', async () => {
    const input = () => ({ requestId: requestId(), communityId: 'c-tatan', leaderName: ELDER.name, leaderMobile: ELDER.mobile });
    expect(codeOf(await app.call('demo-leader', 'filings', 'startOnBehalf', input()))).toBe('FORBIDDEN');
    expect(codeOf(await app.call('sw-youyi', 'filings', 'startOnBehalf', input()))).toBe('FORBIDDEN');
    const denied = await app.store.collection(C.audit).find({ where: { action: 'denied:filings.startOnBehalf' } as never, limit: 10 });
    expect(denied.items).toHaveLength(1);
    const bad = await app.call(WORKER, 'filings', 'startOnBehalf', { ...input(), leaderMobile: '1380311' });
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { leaderMobile: expect.any(String) } });
  });
});

describe('takeover by phone number', () => {
  test('the elder verifies her phone, sees the offer on 我的, confirms, and leads the group; a repeat writes nothing', async () => {
    const before = await app.ok(ELDER_ID, 'account', 'home', {});
    expect(before).toMatchObject({ takeover: null, phoneVerified: false });

    const verified = await app.ok(ELDER_ID, 'account', 'verifyPhone', { code: 'any' });
    expect(verified.mobileMasked).toBe('138****0021');
    expect(verified.offers).toEqual([{ filingId: BEHALF_FILING_ID, groupName: '北焦社区剪纸艺术队', enteredBy: '工作人员 赵明' }]);
    expect((await app.ok(ELDER_ID, 'account', 'home', {})).takeover).toEqual(verified.offers[0]);

    const { groupId } = await app.ok(ELDER_ID, 'account', 'takeover', { filingId: BEHALF_FILING_ID });
    expect(groupId).toBe(groupIdFor(BEHALF_FILING_ID));
    const group = (await app.store.collection<TGroupDoc>(C.groups).get(groupId!))!;
    expect(group.leaderOpenid).toBe(ELDER_ID);
    const leader = await app.store.collection<TMembershipDoc>(C.memberships).get(membershipIdFor(groupId!, ELDER_ID));
    expect(leader).toMatchObject({ role: 'leader', status: 'active', name: ELDER.name });
    // She owns the filing now, sees it as hers, and it says who entered it.
    const mine = await app.ok(ELDER_ID, 'filings', 'get', { filingId: BEHALF_FILING_ID });
    expect(mine.filing.onBehalf).toMatchObject({ enteredByName: '赵明', claimed: true });
    expect(mine.history.at(-1)?.reason).toContain('负责人本人已接手');
    expect((await app.ok(ELDER_ID, 'groups', 'detail', { groupId: groupId! })).group.canManage).toBe(true);
    const home = await app.ok(ELDER_ID, 'account', 'home', {});
    expect(home.takeover).toBeNull();
    expect(home.groups.items.map((g) => g.groupId)).toContain(groupId);

    const entries = (await audits(BEHALF_FILING_ID)).length;
    await app.ok(ELDER_ID, 'account', 'takeover', { filingId: BEHALF_FILING_ID });
    expect(await audits(BEHALF_FILING_ID)).toHaveLength(entries);
    // The officer who entered it is no longer its owner: he reads it as a reviewer only.
    expect((await app.ok(ADMIN, 'filings', 'get', { filingId: BEHALF_FILING_ID })).filing.can.edit).toBe(false);
  });

  test('a person whose verified phone does not match gets NOT_FOUND, and so does one who never verified', async () => {
    await app.ok(STRANGER, 'account', 'verifyPhone', { code: 'any' });
    expect((await app.ok(STRANGER, 'account', 'takeoverOffers', {})).offers).toEqual([]);
    expect(codeOf(await app.call(STRANGER, 'account', 'takeover', { filingId: BEHALF_FILING_ID }))).toBe('NOT_FOUND');
    expect(codeOf(await app.call('demo-leader', 'account', 'takeover', { filingId: BEHALF_FILING_ID }))).toBe('NOT_FOUND');
    // A number the platform does not vouch for: nothing stored.
    expect(codeOf(await app.call('other-leader', 'account', 'verifyPhone', { code: 'any' }))).toBe('INVALID_STATE');
    const group = (await app.store.collection<TGroupDoc>(C.groups).get(groupIdFor(BEHALF_FILING_ID)))!;
    expect(group.leaderOpenid).toBe('');
  });

  test('a 代办 still under review is not offered', async () => {
    const filingId = await filedOnBehalf();
    await app.ok(ELDER_ID, 'account', 'verifyPhone', { code: 'any' });
    const offers = (await app.ok(ELDER_ID, 'account', 'takeoverOffers', {})).offers.map((o) => o.filingId);
    expect(offers).not.toContain(filingId);
    expect(codeOf(await app.call(ELDER_ID, 'account', 'takeover', { filingId }))).toBe('NOT_FOUND');
    await app.ok(ADMIN, 'filings', 'decide', { filingId, decision: 'approve' });
    expect((await app.ok(ELDER_ID, 'account', 'takeoverOffers', {})).offers.map((o) => o.filingId)).toContain(filingId);
  });
});

describe.each(backendsFor('account'))('concurrent confirms of one takeover (%s)', (_name, make) => {
  test('all answer the same group; one leader membership, one history line', async () => {
    const h = await make();
    try {
      expect((await h.call(ELDER_ID, 'verifyPhone', { code: 'any' })).ok).toBe(true);
      const results = await Promise.all(Array.from({ length: 5 }, () => h.call(ELDER_ID, 'takeover', { filingId: BEHALF_FILING_ID })));
      for (const r of results) expect(r).toMatchObject({ ok: true, data: { groupId: groupIdFor(BEHALF_FILING_ID) } });
      const groupId = groupIdFor(BEHALF_FILING_ID);
      const leaders = await h.store.collection<TMembershipDoc>(C.memberships).find({ where: { groupId, status: 'active' }, limit: 10 });
      expect(leaders.items.map((m) => [m.openid, m.role])).toEqual([[ELDER_ID, 'leader']]);
      const history = await h.store.collection<TAuditDoc>(C.audit).find({ where: { entityId: BEHALF_FILING_ID }, limit: 10 });
      expect(history.items.filter((a) => a.from === 'approved' && a.to === 'approved')).toHaveLength(1);
      const filing = (await h.store.collection<TFilingDoc>(C.filings).get(BEHALF_FILING_ID))!;
      expect(filing).toMatchObject({ openid: ELDER_ID, behalfMobile: null });
    } finally {
      await h.close();
    }
  });
});

describe('年度确认', () => {
  const LAONIAN = 'g_seed_laonian';
  const unconfirmed = () => app.ok(WORKER, 'growth', 'unconfirmed', { communityId: 'c-tatan' });
  /** 塔谈社区's filed groups whose stored confirmation is older than `year`, counted here from every group. */
  const due = async (year = 2026) =>
    (await app.store.collection<TGroupDoc>(C.groups).find({ where: { communityId: 'c-tatan' }, limit: 100 })).items
      .filter((g) => g.status === 'active' && (g.confirmedYear ?? 0) < year)
      .map((g) => g._id)
      .sort();

  test('the list is the community’s filed groups not confirmed this year; a confirm takes one off, a repeat writes nothing', async () => {
    const before = await unconfirmed();
    expect(before.year).toBe(2026);
    const dueBefore = await due();
    expect(dueBefore).toContain(LAONIAN);
    expect(before.items.map((g) => g.id).sort()).toEqual(dueBefore);
    expect(before.total).toBe(dueBefore.length);
    expect(before.items.find((g) => g.id === LAONIAN)).toMatchObject({ confirmedYear: 2025, leaderMobile: expect.stringMatching(/^1\d{10}$/) });

    expect((await app.ok('demo-leader', 'groups', 'detail', { groupId: LAONIAN })).group.annual).toEqual({ year: 2026, confirmed: false });
    expect((await app.ok('demo-leader', 'manage', 'confirmYear', { groupId: LAONIAN })).annual).toEqual({ year: 2026, confirmed: true });
    const lines = () => app.store.collection(C.audit).find({ where: { action: 'group:confirmYear' } as never, limit: 10 });
    expect((await lines()).items).toHaveLength(1);
    await app.ok('seed-deputy-laonian', 'manage', 'confirmYear', { groupId: LAONIAN });
    expect((await lines()).items).toHaveLength(1);

    const after = await unconfirmed();
    expect(after.items.map((g) => g.id).sort()).toEqual(dueBefore.filter((id) => id !== LAONIAN));
    expect(after.total).toBe(dueBefore.length - 1);
    expect(codeOf(await app.call('seed-member-1', 'manage', 'confirmYear', { groupId: LAONIAN }))).toBe('FORBIDDEN');
  });

  test('a new year (China time) makes every filed group due again', async () => {
    await app.ok('demo-leader', 'manage', 'confirmYear', { groupId: LAONIAN });
    // 2026-12-31 16:00 UTC is 2027-01-01 00:00 in 塔谈社区.
    app.clock.advance(Date.UTC(2026, 11, 31, 16, 0, 0) - app.clock.now());
    const next = await unconfirmed();
    expect(next.year).toBe(2027);
    const active = await app.store.collection<TGroupDoc>(C.groups).count({ communityId: 'c-tatan', status: 'active' });
    expect(next.total).toBe(active);
    expect(next.items.find((g) => g.id === LAONIAN)?.confirmedYear).toBe(2026);
  });

  test('an approved change filing counts as confirmed', async () => {
    const groups = app.store.collection<TGroupDoc>(C.groups);
    const hechang = (await groups.get('g_seed_hechang'))!;
    await groups.updateIfVersion(hechang._id, hechang.version, { confirmedYear: 2025 });
    expect((await unconfirmed()).items.map((g) => g.id)).toContain('g_seed_hechang');
    const { filing } = await app.ok(hechang.leaderOpenid, 'manage', 'fileChange', { groupId: hechang._id, requestId: requestId(), changes: { venue: '塔谈社区活动中心一楼多功能厅' } });
    await app.ok(WORKER, 'filings', 'decide', { filingId: filing.id, decision: 'approve' });
    expect((await unconfirmed()).items.map((g) => g.id)).not.toContain('g_seed_hechang');
    expect((await groups.get(hechang._id))!.confirmedYear).toBe(2026);
  });

  test('staff of another community are refused; residents too', async () => {
    expect(codeOf(await app.call('sw-youyi', 'growth', 'unconfirmed', { communityId: 'c-tatan' }))).toBe('FORBIDDEN');
    expect(codeOf(await app.call('demo-resident', 'growth', 'unconfirmed', { communityId: 'c-tatan' }))).toBe('FORBIDDEN');
    expect((await app.ok(ADMIN, 'growth', 'unconfirmed', { communityId: 'c-tatan' })).total).toBe((await due()).length);
  });
});
