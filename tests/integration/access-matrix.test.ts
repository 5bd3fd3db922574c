import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TFunctionName } from '../../types';
import { createTestApp, type TTestApp } from '../support/app';
import { completeFields, requestId } from '../support/filings';
import { membershipIdFor } from '../../cloudfunctions/core/groups/membership-id';
import { C, type TEventDoc } from '../../cloudfunctions/core/collections';
import { codeFor, codeWindowAt } from '../../cloudfunctions/core/events/check-in-code';
import { eventInput } from '../support/event-input';
import { courseInput, needInput } from '../support/incubation';
import { bookInput, roomInput, thursdayAt } from '../support/base';
import { DEMO_BASE_ID, DEMO_ROOM_IDS } from '../../scripts/seed/demo-base';
import { DRAWING_CIRCLE_ID } from '../../scripts/seed/demo-growth';
import { BEHALF_FILING_ID } from '../../scripts/seed/demo-behalf';

/** Reads the action × role table from docs/access.md: the doc is the spec, this test holds the code to it. */
const PEOPLE: Record<string, string | null> = {
  owner: 'demo-leader',
  deputy: 'seed-deputy-laonian',
  member: 'seed-member-1',
  'other leader': 'seed-leader-langsong',
  resident: 'demo-resident',
  'social worker': 'demo-social-worker',
  'other social worker': 'sw-youyi',
  'other street officer': 'officer-zhentou',
  'street admin': 'demo-admin',
  anonymous: null,
};

function readTable() {
  const lines = readFileSync(path.join(__dirname, '../../docs/access.md'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('|') && !l.startsWith('|---'));
  const split = (l: string) => l.split('|').slice(1, -1).map((c) => c.trim());
  const [header, ...rows] = lines.map(split);
  const roles = header!.slice(2);
  return rows.flatMap((row) =>
    roles.map((role, i) => ({ action: row[0]!, on: row[1]!, role, expected: row[i + 2]! })),
  );
}

const LAONIAN = 'g_seed_laonian';
/** Every person's platform-verified phone is their own (none is 孙桂兰's, whose 代办 the takeover row is about). */
const EVERYONE_HAS_A_PHONE = { mobileFor: async (_code: string, openid: string) => `139${String(openid.length).padStart(8, '0')}` };
const membershipOf = (openid: string) => membershipIdFor(LAONIAN, openid);

/** Sets up the object a row is about and returns the event to send as `who`. */
async function prepare(app: TTestApp, action: string, on: string, who: string | null): Promise<Record<string, unknown>> {
  const draft = async () =>
    (await app.ok('demo-leader', 'filings', 'saveDraft', { requestId: requestId(), fields: completeFields() })).filing.id;
  const submitted = async () => {
    const filingId = await draft();
    await app.ok('demo-leader', 'filings', 'submit', { filingId });
    return filingId;
  };
  const laonianEvent = async (overrides: Parameters<typeof eventInput>[1] = {}) =>
    (await app.ok('demo-leader', 'events', 'create', eventInput(app.clock.now(), overrides))).events[0]!.id;
  /** A need the resident posts for 塔谈社区, and a course the social worker opens there. */
  const residentNeed = async (title = '想学智能手机') => {
    await app.ok('demo-resident', 'account', 'setCommunity', { communityId: 'c-tatan' });
    return (await app.ok('demo-resident', 'incubation', 'postNeed', needInput(title))).need.id;
  };
  const workerCourse = async (overrides: Parameters<typeof courseInput>[1] = {}) =>
    (await app.ok('demo-social-worker', 'incubation', 'createCourse', courseInput(app.clock.now(), overrides))).course.id;
  /** Moves the clock ten minutes before the event's start: check-in is open. */
  const intoCheckIn = async (eventId: string) => {
    const event = (await app.store.collection<TEventDoc>(C.events).get(eventId))!;
    app.clock.advance(event.startAt - 10 * 60_000 - app.clock.now());
    return event;
  };
  switch (`${action} @ ${on}`) {
    case 'filings.saveDraft @ own draft':
      return { filingId: await draft(), fields: { memberCount: 16 } };
    case 'filings.submit @ draft':
    case 'filings.get @ draft':
      return { filingId: await draft() };
    // The filing being edited is refused like filings.get; a draft the phone remembered answers null instead.
    case 'account.filingForm @ draft':
      return { filingId: await draft() };
    case 'account.filingForm @ remembered draft':
      return { draftId: await draft() };
    // The group is public; the list inside is null for whoever may not list members (tests/integration/home-composite.test.ts).
    case 'manage.membersOverview @ 老年协会':
      return { groupId: LAONIAN, status: 'pending' };
    case 'filings.get @ submitted':
    case 'filings.withdraw @ submitted':
      return { filingId: await submitted() };
    case 'filings.decide @ submitted':
      return { filingId: await submitted(), decision: 'return', comment: '请补充花名册' };
    case 'filings.decide @ change filing': {
      const { filing } = await app.ok('demo-leader', 'manage', 'fileChange', {
        groupId: LAONIAN,
        requestId: requestId(),
        changes: { name: '塔谈社区老年人协会' },
      });
      return { filingId: filing.id, decision: 'approve' };
    }
    case 'groups.directory @ 塔谈社区':
      return { communityId: 'c-tatan' };
    case 'groups.detail @ filed group':
    case 'manage.update @ 老年协会':
      return action === 'manage.update' ? { groupId: LAONIAN, activityTime: '每周二上午' } : { groupId: LAONIAN };
    case 'groups.join @ 合唱团':
      return { groupId: 'g_seed_hechang', message: '我想参加合唱' };
    case 'groups.cancelJoin @ own request to 合唱团':
      if (who) await app.ok(who, 'groups', 'join', { groupId: 'g_seed_hechang' });
      return { groupId: 'g_seed_hechang' };
    case 'groups.leave @ 老年协会':
    case 'manage.members @ 老年协会':
      return action === 'manage.members' ? { groupId: LAONIAN, status: 'active' } : { groupId: LAONIAN };
    case 'manage.decideJoin @ a pending request':
      await app.ok('applicant', 'groups', 'join', { groupId: LAONIAN });
      return { membershipId: membershipOf('applicant'), decision: 'approve' };
    case 'manage.removeMember @ a member':
      return { membershipId: membershipOf('seed-member-4') };
    case 'manage.setDeputy @ a member':
      return { membershipId: membershipOf('seed-member-4'), deputy: true };
    case 'manage.assignSubCommittee @ a member':
      return { membershipId: membershipOf('seed-member-4'), subCommitteeId: 'sc_seed_2_mutual' };
    case 'manage.addSubCommittee @ 老年协会':
      return { groupId: LAONIAN, requestId: requestId(), name: '老年志愿服务队', leadMembershipId: membershipOf('seed-member-4') };
    case 'manage.fileChange @ 老年协会 name':
      return { groupId: LAONIAN, requestId: requestId(), changes: { name: '塔谈社区老年人协会' } };
    case 'manage.fileChange @ 老年协会 leader':
      return { groupId: LAONIAN, requestId: requestId(), changes: { leaderMembershipId: membershipOf('seed-deputy-laonian') } };
    case 'manage.dissolve @ 老年协会':
      return { groupId: LAONIAN, requestId: requestId(), reason: '成员年事已高，协会活动合并到社区老年大学' };
    case 'account.setCommunity @ 塔谈社区':
      return { communityId: 'c-tatan' };
    case 'account.setPrefs @ 长辈模式 on':
      return { elderMode: true };
    // ---- events: each case creates its event as 老年协会's leader (or the social worker) first ----
    case 'events.mine @ —':
      return { tab: 'upcoming' };
    case 'events.list @ 塔谈社区':
      return { communityId: 'c-tatan' };
    case 'events.groupEvents @ 老年协会':
      return { groupId: LAONIAN, when: 'upcoming' };
    case 'events.detail @ an event of 老年协会':
    case 'events.signUp @ an event for anyone':
    case 'events.update @ an event of 老年协会':
    case 'events.cancel @ an event of 老年协会':
    case 'events.registrations @ an event of 老年协会':
    case 'events.registerOnBehalf @ an event of 老年协会': {
      const eventId = await laonianEvent();
      if (action === 'events.update') return { eventId, capacity: 30 };
      if (action === 'events.cancel') return { eventId, reason: '场地临时维修' };
      if (action === 'events.registerOnBehalf') return { eventId, name: '郭大爷', mobile: '13900001111' };
      return { eventId };
    }
    case 'events.signUp @ a members-only event of 老年协会':
      return { eventId: await laonianEvent({ audience: 'members' }) };
    case "events.signUp @ a 塔谈社区 residents' event":
      return { eventId: await laonianEvent({ audience: 'community' }) };
    case 'events.cancelSignUp @ own registration': {
      const eventId = await laonianEvent();
      if (who) await app.ok(who, 'events', 'signUp', { eventId });
      return { eventId };
    }
    case 'events.create @ an event of 老年协会':
      return eventInput(app.clock.now());
    case 'events.create @ a 塔谈社区 community event':
      return eventInput(app.clock.now(), { groupId: null, communityId: 'c-tatan', title: '社区议事座谈会' });
    case 'events.update @ an event co-hosted with 阳光小志愿者协会':
      return { eventId: await laonianEvent({ coHostGroupId: 'g_seed_yangguang' }), capacity: 30 };
    // Check-in and records: sign-ups before the deadline, then the clock moves into the check-in window (or past the start).
    case 'events.checkIn @ own registration, during the event':
    case 'events.checkIn @ an event only the resident signed up for': {
      const eventId = await laonianEvent();
      const signer = on.startsWith('own') ? who : 'demo-resident';
      if (signer) await app.ok(signer, 'events', 'signUp', { eventId });
      const event = await intoCheckIn(eventId);
      return { eventId, code: codeFor(event.checkInSecret, codeWindowAt(app.clock.now())) };
    }
    case 'events.checkInCode @ an event of 老年协会, during check-in':
      return { eventId: (await intoCheckIn(await laonianEvent()))._id };
    case 'events.checkInCode @ a 塔谈社区 community event, during check-in': {
      const input = eventInput(app.clock.now(), { groupId: null, communityId: 'c-tatan', title: '社区议事座谈会' });
      const eventId = (await app.ok('demo-social-worker', 'events', 'create', input)).events[0]!.id;
      return { eventId: (await intoCheckIn(eventId))._id };
    }
    case "events.markAttendance @ the resident's registration, during the event": {
      const eventId = await laonianEvent();
      const { registration } = await app.ok('demo-resident', 'events', 'signUp', { eventId });
      await intoCheckIn(eventId);
      return { registrationId: registration.id, present: true };
    }
    case 'events.record @ an event of 老年协会 that has started': {
      const event = await intoCheckIn(await laonianEvent());
      app.clock.advance(event.startAt - app.clock.now());
      return { eventId: event._id, summary: '大家一起练习了楷书基本笔画', photos: [] };
    }
    // ---- incubation: needs are posted by the resident (who chose 塔谈社区 first), courses opened by the social worker ----
    case 'incubation.needs @ 塔谈社区':
    case 'incubation.partners @ 塔谈社区':
    case 'incubation.courses @ 塔谈社区':
      return { communityId: 'c-tatan' };
    case 'incubation.postNeed @ after choosing 塔谈社区':
      if (who) await app.ok(who, 'account', 'setCommunity', { communityId: 'c-tatan' });
      return needInput();
    case 'incubation.support @ a need of 塔谈社区':
    case 'incubation.answerNeed @ a need of 塔谈社区':
    case 'incubation.seedCircle @ a need of 塔谈社区': {
      const needId = await residentNeed();
      if (action === 'incubation.answerNeed') return { needId, status: 'declined', answer: '暂时没有合适的老师' };
      if (action === 'incubation.seedCircle') return { needId, name: '智能手机互助小组', contactName: '王桂芝', contactMobile: '13931110001' };
      return { needId };
    }
    case 'incubation.mergeNeeds @ two needs of 塔谈社区':
      return { keepId: await residentNeed(), mergeId: await residentNeed('想学用手机视频') };
    case 'incubation.savePartner @ a new partner of 塔谈社区':
      return { requestId: requestId(), communityId: 'c-tatan', name: '石家庄开放大学', contactName: '郑老师', contactMobile: '13812340001', offers: '书法、声乐课程' };
    case 'incubation.createCourse @ a course from a need of 塔谈社区':
      return courseInput(app.clock.now(), { needId: await residentNeed() });
    case 'incubation.cancelCourse @ a course of 塔谈社区':
      return { courseId: await workerCourse(), reason: '老师临时出差' };
    case 'incubation.course @ a course of 塔谈社区':
    case 'incubation.enroll @ a course for anyone':
      return { courseId: await workerCourse() };
    case "incubation.enroll @ a 塔谈社区 residents' course":
      return { courseId: await workerCourse({ audience: 'community' }) };
    case 'incubation.cancelEnrollment @ own enrollment': {
      const courseId = await workerCourse();
      if (who) await app.ok(who, 'incubation', 'enroll', { courseId });
      return { courseId };
    }
    case 'growth.createCircle @ a circle in 塔谈社区':
      return { communityId: 'c-tatan', requestId: requestId(), name: '塔谈社区剪纸兴趣小组', category: 'culture_sports', intro: '喜欢剪纸的居民每周聚一聚，互相学习。', contactName: '李秀英', contactMobile: '13931120009' };
    case 'growth.circles @ 塔谈社区':
    case 'growth.quietGroups @ 塔谈社区':
    case 'growth.overview @ 塔谈社区':
      return { communityId: 'c-tatan' };
    case 'groups.detail @ 青少年绘画兴趣小组 (a circle)':
    case 'groups.join @ 青少年绘画兴趣小组 (a circle)':
      return { groupId: DRAWING_CIRCLE_ID };
    case 'growth.setStage @ 合唱团 to 示范':
      return { groupId: 'g_seed_hechang', stage: 'model', reason: '演出多次获奖' };
    case 'growth.setStage @ 青少年绘画兴趣小组 to 培育中':
      return { groupId: DRAWING_CIRCLE_ID, stage: 'incubating', reason: '成员稳定，准备章程' };
    case 'growth.addNote @ 老年协会':
      return { groupId: LAONIAN, requestId: requestId(), kind: 'visit', at: app.clock.now(), text: '走访老年协会活动室' };
    case 'growth.notes @ 老年协会':
    case 'growth.partyFacts @ 老年协会':
      return { groupId: LAONIAN };
    case 'growth.setPartyFacts @ 老年协会':
      return { groupId: LAONIAN, hasPartyBranch: true, partyMemberCount: 12, partyLeaderCount: 2, nominatedPartyLeader: true };
    case 'base.rooms @ 塔谈社区':
      return { communityId: 'c-tatan' };
    case 'base.calendar @ 活动室':
      return { roomId: DEMO_ROOM_IDS.huodong, from: app.clock.now(), days: 7 };
    case "base.saveBase @ 塔谈社区's base":
      return { baseId: DEMO_BASE_ID, communityId: 'c-tatan', name: '塔谈社区孵化培育基地', address: '党群服务中心二楼' };
    case "base.saveRoom @ a new room of 塔谈社区's base":
      return roomInput();
    case 'base.book @ a room for 老年协会':
      return bookInput(DEMO_ROOM_IDS.huodong, thursdayAt(app, 14));
    case "base.book @ a room for 塔谈社区's own use":
      return bookInput(DEMO_ROOM_IDS.huodong, thursdayAt(app, 14), { groupId: null, title: '居民议事会' });
    case 'base.cancelBooking @ a booking of 老年协会':
    case 'base.decideBooking @ a pending booking of 老年协会': {
      // The 多功能厅 needs approval: 老年协会's booking there waits for the social worker.
      const { booking } = await app.ok('demo-leader', 'base', 'book', bookInput(DEMO_ROOM_IDS.duogong, thursdayAt(app, 14)));
      return action === 'base.cancelBooking' ? { bookingId: booking.id } : { bookingId: booking.id, decision: 'approve' };
    }
    case "base.cancelBooking @ a booking for 塔谈社区's own use": {
      const input = bookInput(DEMO_ROOM_IDS.huodong, thursdayAt(app, 14), { groupId: null, title: '居民议事会' });
      return { bookingId: (await app.ok('demo-social-worker', 'base', 'book', input)).booking.id };
    }
    case 'base.myBookings @ 老年协会':
      return { groupId: LAONIAN };
    case "base.myBookings @ 塔谈社区's pending bookings":
      return { groupId: null, communityId: 'c-tatan', status: 'pending' };
    case 'admin.createCommunity @ 汇通街道':
      return { streetId: 's-huitong', name: '新华社区', requestId: requestId() };
    case 'admin.renameCommunity @ 北焦社区':
      return { communityId: 'c-beijiao', name: '北焦新村社区' };
    case 'admin.retireCommunity @ a new community of 汇通街道': {
      const input = { streetId: 's-huitong', name: '新华社区', requestId: requestId() };
      return { communityId: (await app.ok('demo-district', 'admin', 'createCommunity', input)).community.id };
    }
    case 'admin.assign @ a resident to 北焦社区':
      return { openid: 'demo-resident', level: 'community', placeId: 'c-beijiao' };
    case 'admin.assign @ a resident to 汇通街道 (street officer)':
      return { openid: 'demo-resident', level: 'street', placeId: 's-huitong' };
    case 'admin.unassign @ 刘芳 from 塔谈社区':
      return { openid: 'demo-social-worker', level: 'community', placeId: 'c-tatan' };
    case 'stats.dashboard @ 塔谈社区':
      return { level: 'community', placeId: 'c-tatan' };
    case 'stats.dashboard @ 汇通街道':
      return { level: 'street', placeId: 's-huitong' };
    case 'stats.dashboard @ 桥西区':
      return { level: 'district', placeId: 'd-qiaoxi' };
    case 'stats.dashboard @ their first place (none named)':
      return {};
    // ---- reports (docs/reports.md): this quarter of a community and of a street; 老年协会's roster ----
    case 'reports.quarterly @ 塔谈社区':
      return { level: 'community', placeId: 'c-tatan', year: 2026, quarter: 4 };
    case 'reports.quarterly @ 汇通街道':
      return { level: 'street', placeId: 's-huitong', year: 2026, quarter: 4 };
    case 'reports.roster @ 老年协会':
      return { groupId: LAONIAN };
    // ---- 代办 and 年度确认 (docs/on-behalf.md) ----
    case 'filings.startOnBehalf @ for an elder of 塔谈社区':
      return { requestId: requestId(), communityId: 'c-tatan', leaderName: '孙桂兰', leaderMobile: '13803110021' };
    case 'account.verifyPhone @ a code WeChat vouches for':
      return { code: 'code-from-getPhoneNumber' };
    case 'account.takeover @ 剪纸艺术队 (孙桂兰’s 代办)':
      if (who) await app.ok(who, 'account', 'verifyPhone', { code: 'code-from-getPhoneNumber' });
      return { filingId: BEHALF_FILING_ID };
    case 'manage.confirmYear @ 老年协会':
      return { groupId: LAONIAN };
    case 'growth.unconfirmed @ 塔谈社区':
      return { communityId: 'c-tatan' };
    default:
      if (on === '—') return {};
      throw new Error(`docs/access.md has a row this test cannot set up: ${action} on ${on}`);
  }
}

const cells = readTable();

test('the table covers every action of every function', () => {
  const { FUNCTIONS } = jest.requireActual('../../types') as typeof import('../../types');
  const documented = new Set(cells.map((c) => c.action));
  for (const [fn, spec] of Object.entries(FUNCTIONS)) {
    for (const action of Object.keys(spec.actions)) expect(documented).toContain(`${fn}.${action}`);
  }
  expect(new Set(cells.map((c) => c.role))).toEqual(new Set(Object.keys(PEOPLE)));
});

describe.each(cells.map((c) => [c.action, c.on, c.role, c.expected, c] as const))(
  '%s on %s as %s',
  (_action, _on, _role, expected, cell) => {
    let app: TTestApp;
    beforeEach(async () => {
      app = await createTestApp({ ports: { phones: EVERYONE_HAS_A_PHONE } });
    });
    afterEach(() => app.close());

    test(`→ ${expected}`, async () => {
      const [fn, action] = cell.action.split('.') as [TFunctionName, string];
      const who = PEOPLE[cell.role] ?? null;
      const input = await prepare(app, cell.action, cell.on, who);
      const result = await app.raw(fn, { action, ...input }, who);
      expect(result.ok ? 'ok' : result.error.code).toBe(expected);
    });
  },
);
