import { membershipIdFor } from '../../cloudfunctions/core/groups/membership-id';
import { createTestApp, type TTestApp } from '../support/app';
import { completeFields, requestId } from '../support/filings';

/**
 * The first-screen composites (account.home, account.waiting, account.filingForm, manage.membersOverview):
 * each answers what the separate calls answered, the waiting counts follow the counters, and no projection shows
 * a phone or an openid to someone the separate actions would not have shown it to.
 */

const LAONIAN = 'g_seed_laonian';
const LEADER = 'demo-leader';
const DEPUTY = 'seed-deputy-laonian';
const MEMBER = 'seed-member-1';
const RESIDENT = 'demo-resident';
const WORKER = 'demo-social-worker';
const OTHER_WORKER = 'sw-youyi';
const APPLICANT_MOBILE = '13712345678';

/** Every openid the seed and these tests use: none may appear in any answer. */
const OPENIDS = [LEADER, DEPUTY, MEMBER, RESIDENT, WORKER, OTHER_WORKER, 'demo-admin', 'seed-leader-langsong'];
const expectNoOpenids = (value: unknown) => {
  const text = JSON.stringify(value);
  for (const openid of OPENIDS) expect(text).not.toContain(openid);
};

let app: TTestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

const residentAsks = () => app.ok(RESIDENT, 'groups', 'join', { groupId: LAONIAN, message: '想参加书法班', mobile: APPLICANT_MOBILE });

describe('account.home (我的 in one call)', () => {
  test('equals me + filings.mine + groups.mine, and counts the join requests waiting in the groups I run', async () => {
    await residentAsks();
    const home = await app.ok(LEADER, 'account', 'home', {});
    expect(home.me).toEqual((await app.ok(LEADER, 'account', 'me', {})).me);
    expect(home.filings).toEqual(await app.ok(LEADER, 'filings', 'mine', {}));
    expect(home.groups).toEqual(await app.ok(LEADER, 'groups', 'mine', {}));
    expect(home.groups.items.find((g) => g.groupId === LAONIAN)).toMatchObject({ role: 'leader', waitingRequests: 1 });
    expect(home.waiting).toEqual({ joinRequests: 1, reviews: 0 });
    expectNoOpenids(home);

    // The deputy runs the group too; a plain member and the applicant see no count.
    expect((await app.ok(DEPUTY, 'account', 'home', {})).waiting.joinRequests).toBe(1);
    const member = await app.ok(MEMBER, 'account', 'home', {});
    expect(member.waiting.joinRequests).toBe(0);
    expect(member.groups.items.find((g) => g.groupId === LAONIAN)?.waitingRequests).toBe(0);
    const applicant = await app.ok(RESIDENT, 'account', 'home', {});
    expect(applicant.groups.items).toEqual([expect.objectContaining({ groupId: LAONIAN, status: 'pending', waitingRequests: 0 })]);
    expectNoOpenids(applicant);

    // Deciding clears the badge.
    await app.ok(LEADER, 'manage', 'decideJoin', { membershipId: membershipIdFor(LAONIAN, RESIDENT), decision: 'approve' });
    expect((await app.ok(LEADER, 'account', 'home', {})).waiting.joinRequests).toBe(0);
  });

  test("a reviewer's count is their own communities' queue, the same as filings.queue lists", async () => {
    const { filing } = await app.ok(LEADER, 'filings', 'saveDraft', { requestId: requestId(), fields: completeFields() });
    await app.ok(LEADER, 'filings', 'submit', { filingId: filing.id });
    const queue = await app.ok(WORKER, 'filings', 'queue', {});
    expect(queue.items.length).toBeGreaterThan(0);
    expect((await app.ok(WORKER, 'account', 'home', {})).waiting.reviews).toBe(queue.items.length);
    expect((await app.ok(WORKER, 'account', 'waiting', {})).waiting.reviews).toBe(queue.items.length);
    expect((await app.ok(OTHER_WORKER, 'account', 'waiting', {})).waiting).toEqual({ joinRequests: 0, reviews: (await app.ok(OTHER_WORKER, 'filings', 'queue', {})).items.length });
    // A resident reviews nothing.
    expect((await app.ok(RESIDENT, 'account', 'waiting', {})).waiting).toEqual({ joinRequests: 0, reviews: 0 });
  });

  test('account.waiting agrees with account.home for a leader', async () => {
    await residentAsks();
    await app.ok('applicant-2', 'groups', 'join', { groupId: LAONIAN });
    const home = await app.ok(LEADER, 'account', 'home', {});
    expect((await app.ok(LEADER, 'account', 'waiting', {})).waiting).toEqual(home.waiting);
    expect(home.waiting.joinRequests).toBe(2);
  });
});

describe('manage.membersOverview (成员管理 in one call)', () => {
  test('a manager gets the group and the requests with phones, as groups.detail + manage.members would', async () => {
    await residentAsks();
    for (const who of [LEADER, DEPUTY]) {
      const first = await app.ok(who, 'manage', 'membersOverview', { groupId: LAONIAN, status: 'pending' });
      expect(first.group).toEqual((await app.ok(who, 'groups', 'detail', { groupId: LAONIAN })).group);
      expect(first.members).toEqual(await app.ok(who, 'manage', 'members', { groupId: LAONIAN, status: 'pending' }));
      expect(first.members?.items).toEqual([expect.objectContaining({ name: '李秀英', mobile: APPLICANT_MOBILE })]);
      expect(first.group).toMatchObject({ canManage: true, waitingRequests: 1 });
      expectNoOpenids(first);
    }
  });

  test("the community's social worker sees the list (as manage.members allows) but no manager's badge", async () => {
    await residentAsks();
    const seen = await app.ok(WORKER, 'manage', 'membersOverview', { groupId: LAONIAN, status: 'pending' });
    expect(seen.members?.items[0]?.mobile).toBe(APPLICANT_MOBILE);
    expect(seen.group).toMatchObject({ canManage: false, waitingRequests: 0 });
  });

  test.each([
    ['a plain member', MEMBER],
    ['the applicant', RESIDENT],
    ["another community's social worker", OTHER_WORKER],
    ["another group's leader", 'seed-leader-langsong'],
  ])('%s gets the public group only: no list, no phones, no count', async (_who, openid) => {
    await residentAsks();
    const seen = await app.ok(openid, 'manage', 'membersOverview', { groupId: LAONIAN, status: 'active' });
    expect(seen.members).toBeNull();
    expect(seen.group).toMatchObject({ canManage: false, waitingRequests: 0 });
    expect(JSON.stringify(seen)).not.toContain(APPLICANT_MOBILE);
    expect(JSON.stringify(seen)).not.toContain('13931110001'); // the deputy's phone from the roster
    expectNoOpenids(seen);
  });
});

describe('account.filingForm (the form in one call)', () => {
  test('a fresh form: every community and mine preset', async () => {
    const start = await app.ok(LEADER, 'account', 'filingForm', {});
    expect(start.communities).toEqual((await app.ok(LEADER, 'account', 'communities', {})).items);
    expect(start).toMatchObject({ homeCommunityId: 'c-tatan', filing: null });
  });

  test('the owner reopens their draft; anyone else gets NOT_FOUND for it by id, and null for it as a remembered draft', async () => {
    const { filing } = await app.ok(LEADER, 'filings', 'saveDraft', { requestId: requestId(), fields: completeFields() });
    const own = await app.ok(LEADER, 'account', 'filingForm', { filingId: filing.id });
    expect(own.filing).toEqual((await app.ok(LEADER, 'filings', 'get', { filingId: filing.id })).filing);
    expect((await app.ok(LEADER, 'account', 'filingForm', { draftId: filing.id })).filing?.id).toBe(filing.id);

    const byId = await app.call(RESIDENT, 'account', 'filingForm', { filingId: filing.id });
    expect(byId.ok ? 'ok' : byId.error.code).toBe('NOT_FOUND');
    const remembered = await app.ok(RESIDENT, 'account', 'filingForm', { draftId: filing.id });
    expect(remembered.filing).toBeNull();
    expect(JSON.stringify(remembered)).not.toContain(completeFields().leaderMobile);
    expect((await app.ok(RESIDENT, 'account', 'filingForm', { draftId: 'f_gone' })).filing).toBeNull();
  });
});
