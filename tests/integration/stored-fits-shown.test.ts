import { C, type TGroupDoc, type TMembershipDoc } from '../../cloudfunctions/core/collections';
import { membershipIdFor } from '../../cloudfunctions/core/groups/membership-id';
import { EVENT_LIMITS } from '../../types/events';
import { FILING_LIMITS } from '../../types/filings';
import { ADMIN_LIMITS } from '../../types/form-limits';
import { createTestApp, type TTestApp } from '../support/app';
import { eventInput } from '../support/event-input';
import { completeFields, requestId } from '../support/filings';
import { incubationAtTheBounds, incubationReads, type TIncubationWorld } from '../support/incubation-bounds';
import { growthAtTheBounds, growthReads, type TGrowthWorld } from '../support/growth-bounds';
import { baseAtTheBounds, baseReads, type TBaseWorld } from '../support/base-bounds';

/**
 * Output contracts are checked after a write has committed, so a stored value that does not fit the contract
 * of an action that shows it turns into INTERNAL after the fact (a member count past the filing limit once
 * blocked a group behind a filing nobody could open). This family writes every collection at its bounds
 * through the use cases, then reads it back through every action that shows it, as each role that may.
 */

const LEADER = 'demo-leader';
const WORKER = 'demo-social-worker';
const RESIDENT = 'demo-resident';
const OTHER = 'other-leader';
const L = FILING_LIMITS;
const text = (n: number, ch = '文') => ch.repeat(n);

/** Every collection, and the read actions that show what it stores. A new collection must say who shows it. */
const SHOWN_BY: Record<keyof typeof C, string[]> = {
  communities: ['stats.dashboard', 'admin.places', 'admin.staff', 'account.communities', 'account.me', 'filings.get', 'groups.detail', 'account.home', 'account.filingForm'],
  users: ['account.me', 'filings.get', 'account.home', 'admin.places', 'admin.staff', 'admin.audit', 'account.takeoverOffers'],
  groups: ['groups.directory', 'groups.detail', 'groups.mine', 'filings.get', 'filings.queue', 'growth.circles', 'growth.quietGroups', 'growth.partyFacts', 'account.home', 'account.waiting', 'manage.membersOverview', 'growth.unconfirmed'],
  filings: ['filings.get', 'filings.mine', 'filings.queue', 'account.home', 'account.filingForm', 'account.takeoverOffers'],
  audit: ['filings.get', 'admin.audit'],
  memberships: ['manage.members', 'groups.mine', 'groups.detail', 'account.home', 'manage.membersOverview'],
  subcommittees: ['groups.detail', 'manage.membersOverview'],
  // Not shown by any action: the outbox is read by developers, meta and ratelimits by the server itself.
  outbox: [],
  meta: [],
  ratelimits: [],
  events: ['events.list', 'events.groupEvents', 'events.detail', 'events.mine', 'events.registrations'],
  registrations: ['events.detail', 'events.mine', 'events.registrations'],
  stats: ['events.mine', 'stats.dashboard'],
  // Reminder markers are read by the jobs function only.
  reminders: [],
  // The incubation path (docs/growth.md): notes are staff-only, the counters feed the community's counts.
  groupnotes: ['growth.notes'],
  growthstats: ['growth.overview', 'stats.dashboard'],
  // The incubation base (docs/base.md): slots show as the calendar's entries.
  bases: ['base.rooms'],
  rooms: ['base.rooms', 'base.calendar'],
  bookings: ['base.myBookings'],
  roomslots: ['base.calendar'],
  // Needs, partners and courses (docs/incubation.md): supports show as each row's iWant, enrollments on the course page.
  needs: ['incubation.needs'],
  needsupports: ['incubation.needs'],
  partners: ['incubation.partners'],
  courses: ['incubation.courses', 'incubation.course'],
  enrollments: ['incubation.course'],
  // Streets and districts (docs/administration.md); name claims are read by id only.
  places: ['admin.places'],
  placenames: [],
};

interface TWorld {
  app: TTestApp;
  groupId: string;
  filingIds: string[];
  /** 代办 at the bounds (docs/on-behalf.md): one 孙桂兰 took over, one still waiting for her. */
  behalfIds: string[];
  eventIds: string[];
  incubation: TIncubationWorld;
  growth: TGrowthWorld;
  base: TBaseWorld;
}

/**
 * Events at their bounds for the world's group, co-hosted with 老年协会: the longest texts, a full weekly series,
 * one place taken and the waitlist at its limit, a 代报名 with the longest name, one date moved and one cancelled
 * with the longest reason.
 */
async function eventsAtTheBounds(app: TTestApp, groupId: string): Promise<string[]> {
  const E = EVENT_LIMITS;
  const { events } = await app.ok(LEADER, 'events', 'create', eventInput(app.clock.now(), {
    groupId,
    coHostGroupId: 'g_seed_laonian',
    title: text(E.title, '活'),
    description: text(E.description, '述'),
    place: text(E.place, '地'),
    capacity: 2,
    audience: 'anyone',
    isVolunteer: true,
    repeat: { weeks: E.seriesMax },
  }));
  const first = events[0]!;
  const second = events[1]!;
  await app.ok(LEADER, 'events', 'registerOnBehalf', { eventId: first.id, name: text(20, '郭'), mobile: '13900001111' });
  await app.ok(RESIDENT, 'events', 'signUp', { eventId: first.id });
  for (let i = 0; i < E.waitlist; i++) await app.ok(`waiting-${i}`, 'events', 'signUp', { eventId: first.id });
  await app.ok(LEADER, 'events', 'update', { eventId: first.id, place: text(E.place, '改'), description: text(E.description, '新') });
  await app.ok(LEADER, 'events', 'cancel', { eventId: second.id, reason: text(E.reason, '因') });
  return events.map((e) => e.id);
}

const ELDER = 'demo-elder';
/** The social worker files for 孙桂兰 (her verified number) with every text at its longest; the officer approves. */
async function behalfAtTheBounds(app: TTestApp, fields: ReturnType<typeof completeFields>): Promise<string> {
  const { filing } = await app.ok(WORKER, 'filings', 'startOnBehalf', { requestId: requestId(), communityId: 'c-tatan', leaderName: text(L.person, '孙'), leaderMobile: '13803110021' });
  const { leaderName: _n, leaderMobile: _m, ...rest } = fields;
  await app.ok(WORKER, 'filings', 'saveDraft', { filingId: filing.id, fields: rest });
  await app.ok(WORKER, 'filings', 'submit', { filingId: filing.id });
  await app.ok('demo-admin', 'filings', 'decide', { filingId: filing.id, decision: 'approve', comment: text(500, '好') });
  return filing.id;
}

/** A group filed and run with every text at its longest and every count at its bound. */
async function worldAtTheBounds(): Promise<TWorld> {
  const app = await createTestApp();
  const fields = completeFields({
    name: text(L.name, '组'),
    purpose: text(L.purpose),
    leaderName: text(L.person, '张'),
    memberCount: L.members,
    partyMemberCount: L.members,
    hasPartyBranch: true,
    roster: Array.from({ length: L.roster }, (_, i) => ({ name: text(L.person, '李'), mobile: `138${String(i).padStart(8, '0')}` })),
    venue: text(L.venue, '场'),
    activityTime: text(L.activityTime, '时'),
    charter: text(L.charter, '章'),
    supervisor: text(L.supervisor, '社'),
  });
  const { filing } = await app.ok(LEADER, 'filings', 'saveDraft', { requestId: requestId(), fields });
  await app.ok(LEADER, 'filings', 'submit', { filingId: filing.id });
  await app.ok(WORKER, 'filings', 'decide', { filingId: filing.id, decision: 'return', comment: text(500, '改') });
  await app.ok(LEADER, 'filings', 'submit', { filingId: filing.id });
  const approved = await app.ok(WORKER, 'filings', 'decide', { filingId: filing.id, decision: 'approve', comment: text(500, '好') });
  const groupId = approved.filing.groupId!;

  await app.ok(LEADER, 'manage', 'update', { groupId, intro: text(L.purpose, '介'), coverText: text(30, '标'), activityTime: text(L.activityTime, '周') });
  // Members join past nothing: the count is already at the limit, so approving needs a place; free two.
  await app.store.collection<TGroupDoc>(C.groups).updateIfVersion(groupId, (await app.store.collection<TGroupDoc>(C.groups).get(groupId))!.version, {
    memberCount: L.members - 2,
  });
  await app.ok(RESIDENT, 'groups', 'join', { groupId, message: text(200, '请'), mobile: '13712345678' });
  const { membership } = await app.ok(OTHER, 'groups', 'join', { groupId, message: text(200, '想'), mobile: '13712345679' });
  await app.ok(LEADER, 'manage', 'decideJoin', { membershipId: membership.id, decision: 'approve', note: text(200, '欢') });
  await app.ok(LEADER, 'manage', 'setDeputy', { membershipId: membership.id, deputy: true });
  await app.ok(LEADER, 'manage', 'addSubCommittee', { groupId, requestId: requestId(), name: text(30, '分'), intro: text(200, '简'), leadMembershipId: membership.id });

  const change = await app.ok(LEADER, 'manage', 'fileChange', {
    groupId,
    requestId: requestId(),
    changes: { name: text(L.name, '新'), charter: text(L.charter, '程'), venue: text(L.venue, '地'), leaderMembershipId: membership.id },
    reason: text(200, '因'),
  });
  await app.ok(WORKER, 'filings', 'decide', { filingId: change.filing.id, decision: 'reject', comment: text(500, '否') });
  await app.ok(LEADER, 'manage', 'confirmYear', { groupId });
  const dissolution = await app.ok(LEADER, 'manage', 'dissolve', { groupId, requestId: requestId(), reason: text(200, '散') });
  await app.ok(RESIDENT, 'account', 'setCommunity', { communityId: 'c-tatan' });
  // 长辈模式 on an existing user document and on a person who had none (the preference creates it).
  await app.ok(RESIDENT, 'account', 'setPrefs', { elderMode: true });
  await app.ok('prefs-only', 'account', 'setPrefs', { elderMode: false });
  const eventIds = await eventsAtTheBounds(app, groupId);
  const incubation = await incubationAtTheBounds(app);
  const growth = await growthAtTheBounds(app, groupId);
  const base = await baseAtTheBounds(app, groupId);
  await adminAtTheBounds(app);
  const behalfIds = [await behalfAtTheBounds(app, fields), await behalfAtTheBounds(app, fields)];
  await app.ok(ELDER, 'account', 'verifyPhone', { code: 'x' });
  await app.ok(ELDER, 'account', 'takeover', { filingId: behalfIds[0]! });
  return { app, groupId, filingIds: [filing.id, change.filing.id, dissolution.filing.id], behalfIds, eventIds, incubation, growth, base };
}

/** A community created, renamed and retired with the longest names, a social worker assigned and unassigned. */
async function adminAtTheBounds(app: TTestApp): Promise<void> {
  const name = text(ADMIN_LIMITS.placeName, '区');
  const { community } = await app.ok('demo-district', 'admin', 'createCommunity', { streetId: 's-huitong', name, requestId: requestId() });
  await app.ok('demo-district', 'admin', 'renameCommunity', { communityId: community.id, name: text(ADMIN_LIMITS.placeName, '新') });
  await app.ok('demo-admin', 'admin', 'assign', { openid: RESIDENT, level: 'community', placeId: community.id });
  await app.ok('demo-district', 'admin', 'assign', { openid: OTHER, level: 'street', placeId: 's-huitong' });
  await app.ok('demo-admin', 'admin', 'unassign', { openid: RESIDENT, level: 'community', placeId: community.id });
  await app.ok('demo-district', 'admin', 'retireCommunity', { communityId: community.id });
}

/** Each read action, called as every role that may use it on the world. */
function readCalls(w: TWorld): Record<string, Array<() => Promise<{ ok: boolean }>>> {
  const { app, groupId } = w;
  return {
    'account.me': [LEADER, WORKER, RESIDENT, OTHER, 'prefs-only'].map((as) => () => app.call(as, 'account', 'me', {})),
    'account.communities': [() => app.call(RESIDENT, 'account', 'communities', {})],
    'account.home': [LEADER, WORKER, RESIDENT, OTHER, ELDER].map((as) => () => app.call(as, 'account', 'home', {})),
    'account.waiting': [LEADER, WORKER, OTHER].map((as) => () => app.call(as, 'account', 'waiting', {})),
    'account.filingForm': w.filingIds.map((filingId) => () => app.call(LEADER, 'account', 'filingForm', { filingId })),
    'manage.membersOverview': (['pending', 'active'] as const).flatMap((status) =>
      [LEADER, OTHER, WORKER].map((as) => () => app.call(as, 'manage', 'membersOverview', { groupId, status })),
    ),
    'filings.get': [
      ...w.filingIds.flatMap((filingId) => [LEADER, WORKER].map((as) => () => app.call(as, 'filings', 'get', { filingId }))),
      // The one she took over is hers; the one still waiting is the social worker's (and the officer's to review).
      ...[ELDER, WORKER].map((as) => () => app.call(as, 'filings', 'get', { filingId: w.behalfIds[0]! })),
      ...[WORKER, 'demo-admin'].map((as) => () => app.call(as, 'filings', 'get', { filingId: w.behalfIds[1]! })),
    ],
    'account.takeoverOffers': [() => app.call(ELDER, 'account', 'takeoverOffers', {})],
    'growth.unconfirmed': [WORKER, 'demo-admin'].map((as) => () => app.call(as, 'growth', 'unconfirmed', { communityId: 'c-tatan' })),
    'filings.mine': [() => app.call(LEADER, 'filings', 'mine', {})],
    'filings.queue': [() => app.call(WORKER, 'filings', 'queue', {})],
    'groups.directory': [
      () => app.call(RESIDENT, 'groups', 'directory', { communityId: 'c-tatan' }),
      () => app.call(RESIDENT, 'groups', 'directory', { communityId: 'c-tatan', q: '组组' }),
    ],
    'groups.detail': [LEADER, WORKER, RESIDENT, OTHER].map((as) => () => app.call(as, 'groups', 'detail', { groupId })),
    'groups.mine': [LEADER, RESIDENT, OTHER].map((as) => () => app.call(as, 'groups', 'mine', {})),
    'manage.members': (['pending', 'active'] as const).flatMap((status) =>
      [LEADER, OTHER, WORKER].map((as) => () => app.call(as, 'manage', 'members', { groupId, status })),
    ),
    'events.list': (['all', 'week', 'eligible'] as const).flatMap((filter) =>
      [RESIDENT, LEADER].map((as) => () => app.call(as, 'events', 'list', { communityId: 'c-tatan', filter })),
    ),
    'events.groupEvents': (['upcoming', 'past'] as const).flatMap((when) =>
      [groupId, 'g_seed_laonian'].map((g) => () => app.call(RESIDENT, 'events', 'groupEvents', { groupId: g, when })),
    ),
    'events.detail': w.eventIds.slice(0, 2).flatMap((eventId) =>
      [LEADER, WORKER, RESIDENT, OTHER, 'waiting-199'].map((as) => () => app.call(as, 'events', 'detail', { eventId })),
    ),
    'events.mine': (['upcoming', 'waitlisted', 'attended'] as const).flatMap((tab) =>
      [RESIDENT, 'waiting-199'].map((as) => () => app.call(as, 'events', 'mine', { tab })),
    ),
    'events.registrations': [LEADER, WORKER].map((as) => () => app.call(as, 'events', 'registrations', { eventId: w.eventIds[0]! })),
    ...incubationReads(app, w.incubation),
    ...growthReads(app, w.growth),
    ...baseReads(app, w.base),
    // Every counter the world moved, summed for the community and for the street (docs/dashboards.md).
    'stats.dashboard': [
      () => app.call(WORKER, 'stats', 'dashboard', {}),
      () => app.call('demo-admin', 'stats', 'dashboard', {}),
    ],
    ...Object.fromEntries(
      (['places', 'staff', 'audit'] as const).map((action) => [
        `admin.${action}`,
        ['demo-district', 'demo-admin', WORKER, OTHER].map((as) => () => app.call(as, 'admin', action, {})),
      ]),
    ),
  };
}

let world: TWorld;
beforeAll(async () => {
  world = await worldAtTheBounds();
}, 60_000);
afterAll(() => world.app.close());

test('every collection names the actions that show it', () => {
  expect(Object.keys(SHOWN_BY).sort()).toEqual(Object.keys(C).sort());
  const readers = Object.keys(readCalls(world));
  for (const actions of Object.values(SHOWN_BY)) for (const action of actions) expect(readers).toContain(action);
});

describe.each(Object.entries(SHOWN_BY).filter(([, actions]) => actions.length > 0))('%s at its bounds', (_collection, actions) => {
  test.each(actions)('reads back through %s for every role that may', async (action) => {
    const calls = readCalls(world)[action]!;
    const answers = await Promise.all(calls.map((call) => call()));
    for (const answer of answers) expect(answer).toMatchObject({ ok: true });
  });
});

describe('counters stay within what the contracts allow', () => {
  test('a group at the member limit takes no one more, and its change filings still open for everyone', async () => {
    const app = await createTestApp();
    try {
      const groups = app.store.collection<TGroupDoc>(C.groups);
      const group = (await groups.get('g_seed_hechang'))!;
      await groups.updateIfVersion(group._id, group.version, { memberCount: L.members, joinPolicy: 'open' });

      const join = await app.call(RESIDENT, 'groups', 'join', { groupId: group._id });
      expect(join).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringContaining(`${L.members}人上限`) } });
      expect(await app.store.collection<TMembershipDoc>(C.memberships).get(membershipIdFor(group._id, RESIDENT))).toBeNull();
      expect((await groups.get(group._id))!.memberCount).toBe(L.members);

      const { filing } = await app.ok('seed-leader-hechang', 'manage', 'fileChange', {
        groupId: group._id,
        requestId: requestId(),
        changes: { venue: '塔谈社区多功能厅二楼' },
      });
      expect(filing.fields.memberCount).toBe(L.members);
      expect(await app.call(WORKER, 'filings', 'get', { filingId: filing.id })).toMatchObject({ ok: true });
      expect(await app.call(WORKER, 'filings', 'decide', { filingId: filing.id, decision: 'approve' })).toMatchObject({ ok: true });
    } finally {
      await app.close();
    }
  });
});
