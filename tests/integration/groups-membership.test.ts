import { C, type TGroupDoc } from '../../cloudfunctions/core/collections';
import { membershipIdFor } from '../../cloudfunctions/core/groups/membership-id';
import { createTestApp, type TTestApp } from '../support/app';
import { requestId } from '../support/filings';

const LAONIAN = 'g_seed_laonian';
const LEADER = 'demo-leader';
const DEPUTY = 'seed-deputy-laonian';
const RESIDENT = 'demo-resident';
const WORKER = 'demo-social-worker';

let app: TTestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

const memberCount = async (groupId = LAONIAN) => (await app.store.collection<TGroupDoc>(C.groups).get(groupId))!.memberCount;

describe('joining', () => {
  test('request, approval, and the resident sees 已加入 under 我的; the count moves once', async () => {
    const before = await memberCount();
    const { membership } = await app.ok(RESIDENT, 'groups', 'join', { groupId: LAONIAN, message: '想参加老年大学书法班', mobile: '13712345678' });
    expect(membership).toMatchObject({ status: 'pending', role: 'member' });
    expect((await app.ok(RESIDENT, 'groups', 'mine', {})).items[0]).toMatchObject({ groupName: '塔谈社区老年协会', status: 'pending' });
    expect(await memberCount()).toBe(before);

    const requests = await app.ok(DEPUTY, 'manage', 'members', { groupId: LAONIAN, status: 'pending' });
    expect(requests.items).toEqual([
      expect.objectContaining({ id: membership.id, name: '李秀英', message: '想参加老年大学书法班', mobile: '13712345678' }),
    ]);
    await app.ok(LEADER, 'manage', 'decideJoin', { membershipId: membership.id, decision: 'approve', note: '欢迎！' });
    expect(await memberCount()).toBe(before + 1);
    const mine = await app.ok(RESIDENT, 'groups', 'mine', {});
    expect(mine.items[0]).toMatchObject({ groupName: '塔谈社区老年协会', status: 'active', note: '欢迎！' });
    const detail = await app.ok(RESIDENT, 'groups', 'detail', { groupId: LAONIAN });
    expect(detail.group).toMatchObject({ memberCount: before + 1, myMembership: { status: 'active' }, canManage: false });

    const outbox = await app.store.collection(C.outbox).find({ limit: 10 });
    expect(outbox.items.map((n) => n.kind).sort()).toEqual(['join_decided', 'join_requested']);
  });

  test('deciding the same request twice tells the applicant once', async () => {
    const { membership } = await app.ok(RESIDENT, 'groups', 'join', { groupId: LAONIAN });
    await app.ok(LEADER, 'manage', 'decideJoin', { membershipId: membership.id, decision: 'approve' });
    await app.ok(DEPUTY, 'manage', 'decideJoin', { membershipId: membership.id, decision: 'approve' });
    const notices = await app.store.collection(C.outbox).find({ where: { kind: 'join_decided' }, limit: 10 });
    expect(notices.items).toHaveLength(1);
  });

  test('joining twice, even five times at once, leaves one membership', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => app.call(RESIDENT, 'groups', 'join', { groupId: LAONIAN })));
    expect(results.every((r) => r.ok)).toBe(true);
    const pending = await app.ok(LEADER, 'manage', 'members', { groupId: LAONIAN, status: 'pending' });
    expect(pending.items).toHaveLength(1);
  });

  test('an open group takes the resident at once and counts them exactly once under concurrency', async () => {
    await app.ok(LEADER, 'manage', 'update', { groupId: LAONIAN, joinPolicy: 'open' });
    const before = await memberCount();
    await Promise.all(Array.from({ length: 4 }, () => app.call(RESIDENT, 'groups', 'join', { groupId: LAONIAN })));
    expect(await memberCount()).toBe(before + 1);
    expect((await app.ok(RESIDENT, 'groups', 'detail', { groupId: LAONIAN })).group.myMembership).toMatchObject({ status: 'active' });
  });

  test('a declined request shows 未通过 with the note; the resident may ask again', async () => {
    const { membership } = await app.ok(RESIDENT, 'groups', 'join', { groupId: LAONIAN });
    await app.ok(DEPUTY, 'manage', 'decideJoin', { membershipId: membership.id, decision: 'decline', note: '本协会仅限60岁以上居民' });
    expect((await app.ok(RESIDENT, 'groups', 'mine', {})).items[0]).toMatchObject({ status: 'declined', note: '本协会仅限60岁以上居民' });
    expect((await app.ok(RESIDENT, 'groups', 'join', { groupId: LAONIAN })).membership.status).toBe('pending');
  });

  test('cancel a pending request; leave a group; the leader cannot simply leave', async () => {
    await app.ok(RESIDENT, 'groups', 'join', { groupId: LAONIAN });
    expect((await app.ok(RESIDENT, 'groups', 'cancelJoin', { groupId: LAONIAN })).membership.status).toBe('cancelled');
    const before = await memberCount();
    expect((await app.ok('seed-member-1', 'groups', 'leave', { groupId: LAONIAN })).membership.status).toBe('left');
    expect(await memberCount()).toBe(before - 1);
    const subs = (await app.ok(RESIDENT, 'groups', 'detail', { groupId: LAONIAN })).group.subCommittees;
    expect(subs.find((s) => s.name === '老年大学管委会')!.memberCount).toBe(1);
    const leader = await app.call(LEADER, 'groups', 'leave', { groupId: LAONIAN });
    expect(leader).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringContaining('移交负责人') } });
  });

  test('notes the member will read pass the content check too, and nothing changes when they fail', async () => {
    const zhou = membershipIdFor(LAONIAN, 'seed-member-4');
    const r = await app.call(LEADER, 'manage', 'removeMember', { membershipId: zhou, note: '涉嫌赌博' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', fields: { note: expect.any(String) } } });
    const roster = await app.ok(LEADER, 'manage', 'members', { groupId: LAONIAN, status: 'active' });
    expect(roster.items.map((m) => m.name)).toContain('周德明');
  });

  test('a join message passes the content check', async () => {
    const r = await app.call(RESIDENT, 'groups', 'join', { groupId: LAONIAN, message: '一起来赌博吧' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', fields: { message: expect.any(String) } } });
    expect((await app.ok(RESIDENT, 'groups', 'mine', {})).items).toEqual([]);
  });
});

describe('what people see of members', () => {
  test('the roster shows phones to managers and social workers; the public page masks the leader’s', async () => {
    const leaderView = await app.ok(LEADER, 'manage', 'members', { groupId: LAONIAN, status: 'active' });
    expect(leaderView.items.find((m) => m.name === '王桂芝')).toMatchObject({ role: 'deputy', mobile: '13931110001' });
    const workerView = await app.ok(WORKER, 'manage', 'members', { groupId: LAONIAN, status: 'active' });
    expect(workerView.items.map((m) => m.mobile)).toEqual(leaderView.items.map((m) => m.mobile));
    const member = await app.call('seed-member-1', 'manage', 'members', { groupId: LAONIAN, status: 'active' });
    expect(member).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const page = await app.ok(RESIDENT, 'groups', 'detail', { groupId: LAONIAN });
    const text = JSON.stringify(page);
    expect(page.group.leaderMobileMasked).toBe('138****2345');
    for (const phone of ['13831112345', '13931110001']) expect(text).not.toContain(phone);
    for (const openid of ['demo-leader', 'seed-deputy-laonian']) expect(text).not.toContain(openid);
  });

  test('membership ids do not reveal openids', () => {
    expect(membershipIdFor(LAONIAN, 'demo-leader')).not.toContain('demo-leader');
  });
});

describe('deputies and sub-committees', () => {
  test('the leader appoints a deputy who can then approve joins; a deputy cannot appoint', async () => {
    const zhou = membershipIdFor(LAONIAN, 'seed-member-4');
    expect((await app.ok(LEADER, 'manage', 'setDeputy', { membershipId: zhou, deputy: true })).member.role).toBe('deputy');
    const { membership } = await app.ok(RESIDENT, 'groups', 'join', { groupId: LAONIAN });
    await app.ok('seed-member-4', 'manage', 'decideJoin', { membershipId: membership.id, decision: 'approve' });
    const r = await app.call(DEPUTY, 'manage', 'setDeputy', { membershipId: zhou, deputy: false });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('a sub-committee is added once per request id and counts its members', async () => {
    const zhou = membershipIdFor(LAONIAN, 'seed-member-4');
    const id = requestId();
    app.clock.advance(1000);
    const input = { groupId: LAONIAN, requestId: id, name: '老年志愿服务队', intro: '陪伴独居老人', leadMembershipId: zhou };
    const [a, b] = await Promise.all([app.ok(DEPUTY, 'manage', 'addSubCommittee', input), app.ok(DEPUTY, 'manage', 'addSubCommittee', input)]);
    expect(a.subCommittee.id).toBe(b.subCommittee.id);
    const subs = (await app.ok(RESIDENT, 'groups', 'detail', { groupId: LAONIAN })).group.subCommittees;
    expect(subs.map((s) => `${s.name}:${s.leadName}:${s.memberCount}`)).toEqual([
      '老年大学管委会:王桂芝:2',
      '老年人互助委员会:钱文华:2',
      '老年志愿服务队:周德明:1',
    ]);
    await app.ok(LEADER, 'manage', 'assignSubCommittee', { membershipId: membershipIdFor(LAONIAN, 'seed-member-1'), subCommitteeId: a.subCommittee.id });
    const after = (await app.ok(RESIDENT, 'groups', 'detail', { groupId: LAONIAN })).group.subCommittees;
    expect(after.map((s) => s.memberCount)).toEqual([1, 2, 2]);
  });

  test('a sub-committee lead must be an active member of the group', async () => {
    const r = await app.call(LEADER, 'manage', 'addSubCommittee', {
      groupId: LAONIAN,
      requestId: requestId(),
      name: '外人分会',
      leadMembershipId: membershipIdFor('g_seed_hechang', 'seed-leader-hechang'),
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { leadMembershipId: expect.any(String) } } });
  });
});

describe('changes', () => {
  test('minor fields apply at once', async () => {
    const { group } = await app.ok(DEPUTY, 'manage', 'update', { groupId: LAONIAN, activityTime: '每周二上午 9:00', coverText: '老有所乐' });
    expect(group).toMatchObject({ activityTime: '每周二上午 9:00', coverText: '老有所乐', hasPendingFiling: false });
  });

  test('a name change is a filing the social worker reviews before → after; approved, the directory shows the new name', async () => {
    const { filing } = await app.ok(LEADER, 'manage', 'fileChange', {
      groupId: LAONIAN,
      requestId: requestId(),
      changes: { name: '塔谈社区老年人协会', venue: '塔谈社区党群服务中心二楼 201' },
      reason: '与街道老年协会名称统一',
    });
    expect(filing).toMatchObject({ kind: 'change', status: 'submitted', reason: '与街道老年协会名称统一' });
    expect((await app.ok(RESIDENT, 'groups', 'detail', { groupId: LAONIAN })).group).toMatchObject({ name: '塔谈社区老年协会', hasPendingFiling: true });

    const queue = await app.ok(WORKER, 'filings', 'queue', {});
    expect(queue.items.map((i) => `${i.kind}:${i.name}`)).toContain('change:塔谈社区老年人协会');
    const review = await app.ok(WORKER, 'filings', 'get', { filingId: filing.id });
    expect(review.filing.changes).toEqual([
      { field: 'name', label: '组织名称', before: '塔谈社区老年协会', after: '塔谈社区老年人协会' },
      { field: 'venue', label: '活动场所', before: '塔谈社区党群服务中心二楼活动室', after: '塔谈社区党群服务中心二楼 201' },
    ]);

    const second = await app.call(DEPUTY, 'manage', 'fileChange', { groupId: LAONIAN, requestId: requestId(), changes: { charter: '新的章程内容，不少于二十个字的完整条款。' } });
    expect(second).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });

    await app.ok(WORKER, 'filings', 'decide', { filingId: filing.id, decision: 'approve' });
    const directory = await app.ok(RESIDENT, 'groups', 'directory', { communityId: 'c-tatan' });
    expect(directory.items[0]).toMatchObject({ id: LAONIAN, name: '塔谈社区老年人协会' });
    expect((await app.ok(RESIDENT, 'groups', 'detail', { groupId: LAONIAN })).group).toMatchObject({
      venue: '塔谈社区党群服务中心二楼 201',
      hasPendingFiling: false,
    });
    expect((await app.ok('seed-member-1', 'groups', 'mine', {})).items[0]!.groupName).toBe('塔谈社区老年人协会');
  });

  test('a change that changes nothing is refused, and a returned change frees the group to file again', async () => {
    const same = await app.call(LEADER, 'manage', 'fileChange', { groupId: LAONIAN, requestId: requestId(), changes: { name: '塔谈社区老年协会' } });
    expect(same).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const { filing } = await app.ok(LEADER, 'manage', 'fileChange', { groupId: LAONIAN, requestId: requestId(), changes: { category: 'mutual_aid' } });
    expect(filing.changes).toEqual([{ field: 'category', label: '类别', before: '社区事务', after: '居民互助' }]);
    await app.ok(WORKER, 'filings', 'decide', { filingId: filing.id, decision: 'return', comment: '类别维持社区事务即可' });
    expect((await app.ok(LEADER, 'groups', 'detail', { groupId: LAONIAN })).group).toMatchObject({ category: 'community_affairs', hasPendingFiling: false });
    expect((await app.ok(LEADER, 'filings', 'get', { filingId: filing.id })).filing.can).toMatchObject({ edit: false, submit: false });
  });

  test('leadership transfers only when the change is approved', async () => {
    const deputyId = membershipIdFor(LAONIAN, DEPUTY);
    const { filing } = await app.ok(LEADER, 'manage', 'fileChange', { groupId: LAONIAN, requestId: requestId(), changes: { leaderMembershipId: deputyId } });
    expect(filing.changes).toEqual([{ field: 'leader', label: '负责人', before: '张建国', after: '王桂芝' }]);
    expect((await app.ok(LEADER, 'groups', 'detail', { groupId: LAONIAN })).group).toMatchObject({ leaderName: '张建国', canManage: true });

    await app.ok('demo-admin', 'filings', 'decide', { filingId: filing.id, decision: 'approve' });
    const page = await app.ok(RESIDENT, 'groups', 'detail', { groupId: LAONIAN });
    expect(page.group).toMatchObject({ leaderName: '王桂芝', leaderMobileMasked: '139****0001' });
    const roster = await app.ok(DEPUTY, 'manage', 'members', { groupId: LAONIAN, status: 'active' });
    expect(roster.items.find((m) => m.name === '王桂芝')!.role).toBe('leader');
    expect(roster.items.find((m) => m.name === '张建国')!.role).toBe('member');
    expect((await app.ok(LEADER, 'groups', 'detail', { groupId: LAONIAN })).group.canManage).toBe(false);
  });

  test('a dissolved group leaves the directory; its filings keep the history', async () => {
    const { filing } = await app.ok(LEADER, 'manage', 'dissolve', { groupId: LAONIAN, requestId: requestId(), reason: '活动并入社区老年大学' });
    await app.ok(WORKER, 'filings', 'decide', { filingId: filing.id, decision: 'approve' });
    const directory = await app.ok(RESIDENT, 'groups', 'directory', { communityId: 'c-tatan' });
    expect(directory.items.map((g) => g.id)).not.toContain(LAONIAN);
    expect(await app.call(RESIDENT, 'groups', 'detail', { groupId: LAONIAN })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const history = await app.ok(LEADER, 'filings', 'get', { filingId: filing.id });
    expect(history.filing).toMatchObject({ kind: 'dissolution', status: 'approved', reason: '活动并入社区老年大学' });
    expect(history.history.map((h) => h.to)).toEqual(['submitted', 'approved']);
    expect((await app.ok(LEADER, 'filings', 'get', { filingId: 'f_seed_laonian' })).filing.status).toBe('approved');
  });
});

describe('directory', () => {
  test('search by name and introduction, filter by category', async () => {
    const names = async (input: { q?: string; category?: 'culture_sports' }) =>
      (await app.ok(RESIDENT, 'groups', 'directory', { communityId: 'c-tatan', ...input })).items.map((g) => g.name);
    expect(await names({ q: '合唱' })).toEqual(['塔谈社区合唱团']);
    expect(await names({ q: '诗文' })).toEqual(['朗颂者老年人学习小组']);
    expect(await names({ q: '志愿' })).toEqual(['阳光小志愿者协会', '塔谈社区老年协会', '塔谈社区绿色环保志愿队', '塔谈社区平安巡逻队', '塔谈社区党员志愿服务队']);
    expect(await names({ q: '合唱 汇演' })).toEqual(['塔谈社区合唱团']);
    expect(await names({ q: '足球' })).toEqual([]);
    // Every filed 文体活动 group of the demo (scripts/seed), and nothing else.
    const filed = await app.store.collection<TGroupDoc>(C.groups).find({ where: { communityId: 'c-tatan', status: 'active' }, limit: 100 });
    const culture = filed.items.filter((g) => g.category === 'culture_sports').map((g) => g.name);
    expect(culture).toEqual(expect.arrayContaining(['塔谈社区合唱团', '朗颂者老年人学习小组', '塔谈社区广场舞队']));
    expect((await names({ category: 'culture_sports' })).sort()).toEqual(culture.sort());
  });

  test('pages by cursor, at most 20 a page, with no group lost or repeated', async () => {
    const groups = app.store.collection<TGroupDoc>(C.groups);
    const filed = await groups.count({ communityId: 'c-tatan', status: 'active' });
    const template = (await groups.get(LAONIAN))!;
    const { _id, createdAt, updatedAt, version, ...rest } = template;
    for (let i = 0; i < 45; i += 1) {
      await groups.insert({ ...rest, _id: `g_bulk_${i}`, name: `兴趣小组${i}`, lastActiveAt: 1000 + (i % 7) });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await app.ok(RESIDENT, 'groups', 'directory', { communityId: 'c-tatan', cursor });
      expect(page.items.length).toBeLessThanOrEqual(20);
      seen.push(...page.items.map((g) => g.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(filed + 45);
    expect(new Set(seen).size).toBe(filed + 45);
  });
});
