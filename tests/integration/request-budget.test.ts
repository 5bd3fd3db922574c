import { BEHALF_FILING_ID } from '../../scripts/seed/demo-behalf';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FUNCTIONS, type TFunctionName, type TFunctions } from '../../types';
import type { TActionInput, TActionName, TActionOutput } from '../../types/define';
import { C, type TEventDoc, type TGroupDoc } from '../../cloudfunctions/core/collections';
import { codeFor, codeWindowAt } from '../../cloudfunctions/core/events/check-in-code';
import { registrationIdFor } from '../../cloudfunctions/core/events/registration-id';
import { localFileStore } from '../../cloudfunctions/core/files/local-files';
import { HANDLERS } from '../../cloudfunctions/core/functions';
import { membershipIdFor } from '../../cloudfunctions/core/groups/membership-id';
import { INDEXES } from '../../cloudfunctions/core/indexes';
import { localPorts, outboxNotifier } from '../../cloudfunctions/core/platform/local-ports';
import { createCountingStore, describeRequests, repeatedReads, type TCountingStore, type TRequest } from '../../cloudfunctions/core/storage/counting';
import { DuplicateIdError } from '../../cloudfunctions/core/storage/port';
import { createSqliteStore } from '../../cloudfunctions/core/storage/sqlite';
import { seedDemoData } from '../../scripts/seed/seed';
import { EXTRA_USERS, fixedClock } from '../support/app';
import { eventInput } from '../support/event-input';
import { courseInput, insertRoom, needInput } from '../support/incubation';
import { bookInput, roomInput } from '../support/base';
import { DEMO_BASE_ID, DEMO_ROOM_IDS } from '../../scripts/seed/demo-base';
import { nextWeekday } from '../../scripts/seed/demo-events';
import { insertEvent, insertRegistration } from '../support/events';
import { completeFields, requestId } from '../support/filings';
import { PNG } from '../support/images';
import { DESIGN_BUDGETS, REQUEST_BUDGETS } from '../support/request-budgets';

/**
 * Every action, in its ordinary successful case, as the person who would send it, over the demo seed: how many
 * CloudBase requests it sends (counted by storage/counting.ts), held to tests/support/request-budgets.ts and
 * published in docs/requests.md. With WRITE_REQUEST_DOCS=1 the last test rewrites the doc's table from what was
 * measured instead of comparing it.
 */

const LAONIAN = 'g_seed_laonian';
const LEADER = 'demo-leader';
const DEPUTY = 'seed-deputy-laonian';
const RESIDENT = 'demo-resident';
const WORKER = 'demo-social-worker';
const ELDER_ID = 'demo-elder';
const behalfStart = () => ({ requestId: requestId(), communityId: 'c-tatan', leaderName: '孙桂兰', leaderMobile: '13803110021' });
const membershipOf = (openid: string) => membershipIdFor(LAONIAN, openid);

interface THarness {
  store: TCountingStore;
  now(): number;
  files: ReturnType<typeof localFileStore>;
  ok<F extends TFunctionName, A extends TActionName<TFunctions[F]>>(
    as: string,
    fn: F,
    action: A,
    input: TActionInput<TFunctions[F], A>,
  ): Promise<TActionOutput<TFunctions[F], A>>;
}

async function harness(): Promise<THarness & { close(): Promise<void> }> {
  const clock = fixedClock();
  const sqlite = createSqliteStore({ file: ':memory:', indexes: INDEXES, clock: clock.now });
  await seedDemoData(sqlite, clock.now());
  for (const user of EXTRA_USERS) await sqlite.collection(C.users).insert(user);
  const store = createCountingStore(sqlite);
  const dir = mkdtempSync(path.join(tmpdir(), 'request-budget-'));
  const files = localFileStore(dir);
  // In production a notice is a subscribe message, not a database write: the local outbox stays uncounted.
  const ports = localPorts(store, { clock, files, notifier: outboxNotifier(sqlite) });
  const ok: THarness['ok'] = async (as, fn, action, input) => {
    const result = await HANDLERS[fn]({ action, ...(input as object) }, { ...ports, caller: { openid: as } });
    if (!result.ok) throw new Error(`${fn}.${String(action)} as ${as} failed: ${JSON.stringify(result.error)}`);
    return result.data as never;
  };
  const close = async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { store, now: clock.now, files, ok, close };
}

interface TCase {
  id: string;
  who: string;
  /** Brings the seed to where the case starts; its requests are not counted. */
  prepare?(h: THarness): Promise<string>;
  /** The one call that is counted. */
  run(h: THarness, prepared: string): Promise<unknown>;
}

const draft = async (h: THarness) => (await h.ok(LEADER, 'filings', 'saveDraft', { requestId: requestId(), fields: completeFields() })).filing.id;
const submitted = async (h: THarness) => {
  const filingId = await draft(h);
  await h.ok(LEADER, 'filings', 'submit', { filingId });
  return filingId;
};
const joined = async (h: THarness) => (await h.ok(RESIDENT, 'groups', 'join', { groupId: LAONIAN })).membership.id;

const MINUTE = 60_000;
/** 老年协会's class in three days, 20 places, as its leader creates it. */
const created = async (h: THarness) => (await h.ok(LEADER, 'events', 'create', eventInput(h.now()))).events[0]!.id;
const signedUp = async (h: THarness) => {
  const eventId = await created(h);
  await h.ok(RESIDENT, 'events', 'signUp', { eventId });
  return eventId;
};
/** An event with the resident registered that starts in 20 minutes (check-in is open) or began 10 minutes ago. */
const soon = async (h: THarness, startsIn: number) => {
  const event = await insertEvent(h.store, h.now() + startsIn, { endAt: h.now() + startsIn + 2 * 60 * MINUTE, capacity: 20 });
  await insertRegistration(h.store, event._id, { openid: RESIDENT, name: '李秀英' });
  return event;
};

/** A need the leader posts for 塔谈社区 (they chose it), and a 4-session course the social worker opens there. */
const needPosted = async (h: THarness) => (await h.ok(LEADER, 'incubation', 'postNeed', needInput())).need.id;
/** A hobby circle the resident starts in 塔谈社区 (growth). */
const circleInput = () => ({
  communityId: 'c-tatan',
  requestId: requestId(),
  name: '塔谈社区剪纸兴趣小组',
  category: 'culture_sports' as const,
  intro: '喜欢剪纸的居民每周聚一聚，互相学习。',
  contactName: '李秀英',
  contactMobile: '13931120009',
});
const courseOpened = async (h: THarness) => (await h.ok(WORKER, 'incubation', 'createCourse', courseInput(h.now()))).course.id;

const CASES: TCase[] = [
  { id: 'account.me', who: 'a leader with a community opens 我的', run: (h) => h.ok(LEADER, 'account', 'me', {}) },
  { id: 'account.communities', who: 'a resident picks a community', run: (h) => h.ok(RESIDENT, 'account', 'communities', {}) },
  // First screens in one call (我的, the filing form, 成员管理) and the counts behind the badges.
  { id: 'account.home', who: 'a leader with a community opens 我的', run: (h) => h.ok(LEADER, 'account', 'home', {}) },
  { id: 'account.home · a social worker', who: 'a social worker opens 我的 (their queue is counted)', run: (h) => h.ok(WORKER, 'account', 'home', {}) },
  { id: 'account.waiting', who: 'a leader opens the first tab (join requests waiting)', run: (h) => h.ok(LEADER, 'account', 'waiting', {}) },
  {
    id: 'account.waiting · a social worker',
    who: 'a social worker opens the first tab (filings waiting)',
    run: (h) => h.ok(WORKER, 'account', 'waiting', {}),
  },
  {
    id: 'account.filingForm',
    who: 'a leader reopens the form on the draft this phone remembered',
    prepare: draft,
    run: (h, filingId) => h.ok(LEADER, 'account', 'filingForm', { draftId: filingId }),
  },
  {
    id: 'manage.membersOverview',
    who: 'a leader opens 成员管理 on the join requests',
    prepare: joined,
    run: (h) => h.ok(LEADER, 'manage', 'membersOverview', { groupId: LAONIAN, status: 'pending' }),
  },
  {
    id: 'account.setCommunity',
    who: 'a resident chooses a community for the first time',
    run: (h) => h.ok(RESIDENT, 'account', 'setCommunity', { communityId: 'c-tatan' }),
  },
  {
    id: 'account.setPrefs',
    who: 'a leader with a community turns on 长辈模式',
    run: (h) => h.ok(LEADER, 'account', 'setPrefs', { elderMode: true }),
  },

  {
    id: 'filings.saveDraft',
    who: 'a leader starts a filing (new draft with its community)',
    run: (h) => h.ok(LEADER, 'filings', 'saveDraft', { requestId: requestId(), fields: { name: '塔谈社区书法社', communityId: 'c-tatan' } }),
  },
  {
    id: 'filings.saveDraft · autosave',
    who: 'the form autosaves a field of that draft',
    prepare: draft,
    run: (h, filingId) => h.ok(LEADER, 'filings', 'saveDraft', { filingId, fields: { memberCount: 16 } }),
  },
  { id: 'filings.submit', who: 'a leader submits a complete draft', prepare: draft, run: (h, filingId) => h.ok(LEADER, 'filings', 'submit', { filingId }) },
  {
    id: 'filings.withdraw',
    who: 'a leader takes a submitted filing back',
    prepare: submitted,
    run: (h, filingId) => h.ok(LEADER, 'filings', 'withdraw', { filingId }),
  },
  { id: 'filings.get', who: 'a leader opens an approved filing and its history', run: (h) => h.ok(LEADER, 'filings', 'get', { filingId: 'f_seed_laonian' }) },
  { id: 'filings.mine', who: 'a leader lists their filings', run: (h) => h.ok(LEADER, 'filings', 'mine', {}) },
  { id: 'filings.queue', who: 'a social worker opens the review queue', run: (h) => h.ok(WORKER, 'filings', 'queue', {}) },
  {
    id: 'filings.decide',
    who: 'a social worker approves a new group (creates it and its leader)',
    run: (h) => h.ok(WORKER, 'filings', 'decide', { filingId: 'f_seed_taiji', decision: 'approve' }),
  },
  {
    id: 'filings.decide · change',
    who: 'a social worker approves a name change',
    prepare: async (h) =>
      (await h.ok(LEADER, 'manage', 'fileChange', { groupId: LAONIAN, requestId: requestId(), changes: { name: '塔谈社区老年人协会' } })).filing.id,
    run: (h, filingId) => h.ok(WORKER, 'filings', 'decide', { filingId, decision: 'approve' }),
  },

  { id: 'groups.directory', who: 'a resident opens the directory', run: (h) => h.ok(RESIDENT, 'groups', 'directory', { communityId: 'c-tatan' }) },
  {
    id: 'groups.directory · search',
    who: 'a resident searches it (up to 3 index pages at scale)',
    run: (h) => h.ok(RESIDENT, 'groups', 'directory', { communityId: 'c-tatan', q: '志愿' }),
  },
  { id: 'groups.detail', who: "a resident opens a group's page", run: (h) => h.ok(RESIDENT, 'groups', 'detail', { groupId: LAONIAN }) },
  { id: 'groups.join', who: 'a resident asks to join (approval needed)', run: (h) => h.ok(RESIDENT, 'groups', 'join', { groupId: LAONIAN }) },
  {
    id: 'groups.join · open group',
    who: 'a resident joins an open group at once (counter moves)',
    prepare: async (h) => {
      await h.ok(LEADER, 'manage', 'update', { groupId: LAONIAN, joinPolicy: 'open' });
      return '';
    },
    run: (h) => h.ok(RESIDENT, 'groups', 'join', { groupId: LAONIAN }),
  },
  { id: 'groups.cancelJoin', who: 'a resident cancels a pending request', prepare: joined, run: (h) => h.ok(RESIDENT, 'groups', 'cancelJoin', { groupId: LAONIAN }) },
  { id: 'groups.leave', who: 'a member outside any 分会 leaves', run: (h) => h.ok('seed-member-4', 'groups', 'leave', { groupId: LAONIAN }) },
  { id: 'groups.leave · in a 分会', who: 'a member of a 分会 leaves (two counters)', run: (h) => h.ok('seed-member-1', 'groups', 'leave', { groupId: LAONIAN }) },
  { id: 'groups.mine', who: 'a member lists their groups', run: (h) => h.ok('seed-member-1', 'groups', 'mine', {}) },

  {
    id: 'manage.members',
    who: 'a leader opens the join requests',
    prepare: joined,
    run: (h) => h.ok(LEADER, 'manage', 'members', { groupId: LAONIAN, status: 'pending' }),
  },
  {
    id: 'manage.decideJoin',
    who: 'a leader approves a request',
    prepare: joined,
    run: (h, membershipId) => h.ok(LEADER, 'manage', 'decideJoin', { membershipId, decision: 'approve' }),
  },
  {
    id: 'manage.removeMember',
    who: 'a leader removes a member outside any 分会',
    run: (h) => h.ok(LEADER, 'manage', 'removeMember', { membershipId: membershipOf('seed-member-4') }),
  },
  {
    id: 'manage.setDeputy',
    who: 'a leader appoints a deputy',
    run: (h) => h.ok(LEADER, 'manage', 'setDeputy', { membershipId: membershipOf('seed-member-4'), deputy: true }),
  },
  {
    id: 'manage.update',
    who: 'a deputy edits the cover text and activity time',
    run: (h) => h.ok(DEPUTY, 'manage', 'update', { groupId: LAONIAN, coverText: '老有所乐', activityTime: '每周二上午 9:00' }),
  },
  {
    id: 'manage.addSubCommittee',
    who: 'a deputy adds a 分会 led by a member outside any 分会',
    run: (h) =>
      h.ok(DEPUTY, 'manage', 'addSubCommittee', { groupId: LAONIAN, requestId: requestId(), name: '老年志愿服务队', leadMembershipId: membershipOf('seed-member-4') }),
  },
  {
    id: 'manage.assignSubCommittee',
    who: 'a leader puts a member into a 分会',
    run: (h) => h.ok(LEADER, 'manage', 'assignSubCommittee', { membershipId: membershipOf('seed-member-4'), subCommitteeId: 'sc_seed_1_university' }),
  },
  {
    id: 'manage.fileChange',
    who: 'a leader files a name change',
    run: (h) => h.ok(LEADER, 'manage', 'fileChange', { groupId: LAONIAN, requestId: requestId(), changes: { name: '塔谈社区老年人协会' } }),
  },
  {
    id: 'manage.dissolve',
    who: 'a leader files a dissolution',
    run: (h) => h.ok(LEADER, 'manage', 'dissolve', { groupId: LAONIAN, requestId: requestId(), reason: '活动并入社区老年大学' }),
  },

  { id: 'events.list', who: "a resident opens the community's events", prepare: created, run: (h) => h.ok(RESIDENT, 'events', 'list', { communityId: 'c-tatan' }) },
  {
    id: 'events.groupEvents',
    who: "a resident opens a group's upcoming events",
    prepare: created,
    run: (h) => h.ok(RESIDENT, 'events', 'groupEvents', { groupId: LAONIAN, when: 'upcoming' }),
  },
  { id: 'events.detail', who: 'a resident opens an event', prepare: created, run: (h, eventId) => h.ok(RESIDENT, 'events', 'detail', { eventId }) },
  { id: 'events.signUp', who: 'a resident signs up (a place is free)', prepare: created, run: (h, eventId) => h.ok(RESIDENT, 'events', 'signUp', { eventId }) },
  {
    id: 'events.cancelSignUp',
    who: 'a resident cancels their place',
    prepare: signedUp,
    run: (h, eventId) => h.ok(RESIDENT, 'events', 'cancelSignUp', { eventId }),
  },
  { id: 'events.mine', who: 'a resident opens 我的活动', prepare: signedUp, run: (h) => h.ok(RESIDENT, 'events', 'mine', { tab: 'upcoming' }) },
  {
    id: 'events.checkIn',
    who: "a resident types the code from the host's screen",
    prepare: async (h) => (await soon(h, 20 * MINUTE))._id,
    run: async (h, eventId) => {
      const event = (await h.store.collection<TEventDoc>(C.events).get(eventId))!;
      h.store.reset(); // reading the secret is the test's, not the action's
      return h.ok(RESIDENT, 'events', 'checkIn', { eventId, code: codeFor(event.checkInSecret, codeWindowAt(h.now())) });
    },
  },
  { id: 'events.create', who: 'a leader creates an event', run: (h) => h.ok(LEADER, 'events', 'create', eventInput(h.now())) },
  {
    id: 'events.update',
    who: 'a leader moves the event to another room (everyone signed up is told)',
    prepare: signedUp,
    run: (h, eventId) => h.ok(LEADER, 'events', 'update', { eventId, place: '党群服务中心三楼会议室' }),
  },
  {
    id: 'events.cancel',
    who: 'a leader cancels one date (everyone signed up is told)',
    prepare: signedUp,
    run: (h, eventId) => h.ok(LEADER, 'events', 'cancel', { eventId, reason: '场地临时维修' }),
  },
  {
    id: 'events.registrations',
    who: 'a leader opens the sign-up list',
    prepare: signedUp,
    run: (h, eventId) => h.ok(LEADER, 'events', 'registrations', { eventId }),
  },
  {
    id: 'events.registerOnBehalf',
    who: 'a leader signs up a neighbour without WeChat',
    prepare: created,
    run: (h, eventId) => h.ok(LEADER, 'events', 'registerOnBehalf', { eventId, name: '王大爷', mobile: '13812345678' }),
  },
  // Second paths of the sign-up core worth pinning: the line, promotion, a series.
  {
    id: 'events.list · 我能报名的',
    who: 'a resident filters the events to those they may sign up to',
    prepare: created,
    run: (h) => h.ok(RESIDENT, 'events', 'list', { communityId: 'c-tatan', filter: 'eligible' }),
  },
  {
    id: 'events.signUp · waitlisted',
    who: 'a resident joins the waitlist of a full event',
    prepare: async (h) => {
      const eventId = (await h.ok(LEADER, 'events', 'create', eventInput(h.now(), { capacity: 1 }))).events[0]!.id;
      await h.ok('seed-member-1', 'events', 'signUp', { eventId });
      return eventId;
    },
    run: (h, eventId) => h.ok(RESIDENT, 'events', 'signUp', { eventId }),
  },
  {
    id: 'events.cancelSignUp · promotes the first in line',
    who: 'a registered resident cancels and the first waitlisted person gets the place',
    prepare: async (h) => {
      const eventId = (await h.ok(LEADER, 'events', 'create', eventInput(h.now(), { capacity: 1 }))).events[0]!.id;
      await h.ok(RESIDENT, 'events', 'signUp', { eventId });
      await h.ok('seed-member-1', 'events', 'signUp', { eventId });
      return eventId;
    },
    run: (h, eventId) => h.ok(RESIDENT, 'events', 'cancelSignUp', { eventId }),
  },
  {
    id: 'events.create · weekly series',
    who: 'a leader creates an 8-week course (one event per date, one transaction)',
    run: (h) => h.ok(LEADER, 'events', 'create', eventInput(h.now(), { repeat: { weeks: 8 } })),
  },
  {
    id: 'events.cancel · whole series',
    who: 'a leader cancels the rest of a 4-week course',
    prepare: async (h) => (await h.ok(LEADER, 'events', 'create', eventInput(h.now(), { repeat: { weeks: 4 } }))).events[0]!.id,
    run: (h, eventId) => h.ok(LEADER, 'events', 'cancel', { eventId, reason: '老师出差，课程停开', wholeSeries: true }),
  },
  {
    id: 'events.update · capacity raised',
    who: 'a leader adds a place and the first waitlisted person gets it',
    prepare: async (h) => {
      const eventId = (await h.ok(LEADER, 'events', 'create', eventInput(h.now(), { capacity: 1 }))).events[0]!.id;
      await h.ok('seed-member-1', 'events', 'signUp', { eventId });
      await h.ok(RESIDENT, 'events', 'signUp', { eventId });
      return eventId;
    },
    run: (h, eventId) => h.ok(LEADER, 'events', 'update', { eventId, capacity: 2 }),
  },
  {
    id: 'events.markAttendance',
    who: 'a leader marks a registered resident present',
    prepare: async (h) => (await soon(h, -10 * MINUTE))._id,
    run: (h, eventId) => h.ok(LEADER, 'events', 'markAttendance', { registrationId: registrationIdFor(eventId, RESIDENT), present: true }),
  },
  {
    id: 'events.checkInCode',
    who: 'a leader shows the check-in code',
    prepare: async (h) => (await soon(h, 20 * MINUTE))._id,
    run: (h, eventId) => h.ok(LEADER, 'events', 'checkInCode', { eventId }),
  },
  {
    id: 'events.record',
    who: 'a leader records the event with two photos',
    prepare: async (h) => (await soon(h, -10 * MINUTE))._id,
    run: async (h, eventId) => {
      const photos = [await h.files.put(PNG, 'png'), await h.files.put(PNG, 'png')];
      return h.ok(LEADER, 'events', 'record', { eventId, summary: '今天学习了楷书的基本笔画，大家练习认真。', photos });
    },
  },

  // ---- incubation: needs, partners, courses (docs/incubation.md) ----
  {
    id: 'incubation.needs',
    who: "a resident opens the community's needs, most wanted first",
    prepare: needPosted,
    run: (h) => h.ok(RESIDENT, 'incubation', 'needs', { communityId: 'c-tatan' }),
  },
  {
    id: 'incubation.postNeed',
    who: 'a resident posts a need (content check, the need and their own 我也想)',
    prepare: async (h) => (await h.ok(RESIDENT, 'account', 'setCommunity', { communityId: 'c-tatan' }), ''),
    run: (h) => h.ok(RESIDENT, 'incubation', 'postNeed', needInput()),
  },
  { id: 'incubation.support', who: 'a neighbour says 我也想', prepare: needPosted, run: (h, needId) => h.ok(LEADER, 'incubation', 'support', { needId }) },
  {
    id: 'incubation.answerNeed',
    who: 'a social worker answers 暂不能安排 with a reason',
    prepare: needPosted,
    run: (h, needId) => h.ok(WORKER, 'incubation', 'answerNeed', { needId, status: 'declined', answer: '暂时没有合适的老师，明年春天再问问' }),
  },
  {
    id: 'incubation.mergeNeeds',
    who: 'a social worker merges a duplicate with one supporter besides its poster',
    prepare: async (h) => {
      const keepId = await needPosted(h);
      // A fixed request id: the supporters' ids (and so the order they are moved in) come from the need's id.
      const { need } = await h.ok(LEADER, 'incubation', 'postNeed', { ...needInput('想学用手机视频'), requestId: 'budget-merge-duplicate' });
      await h.ok(DEPUTY, 'incubation', 'support', { needId: need.id });
      return `${keepId} ${need.id}`;
    },
    run: (h, ids) => h.ok(WORKER, 'incubation', 'mergeNeeds', { keepId: ids.split(' ')[0]!, mergeId: ids.split(' ')[1]! }),
  },
  { id: 'incubation.partners', who: "a social worker opens the community's partners", run: (h) => h.ok(WORKER, 'incubation', 'partners', { communityId: 'c-tatan' }) },
  {
    id: 'incubation.savePartner',
    who: 'a social worker adds a partner',
    run: (h) =>
      h.ok(WORKER, 'incubation', 'savePartner', { requestId: requestId(), communityId: 'c-tatan', name: '石家庄开放大学', contactName: '郑老师', contactMobile: '13812340001', offers: '书法、声乐课程' }),
  },
  {
    id: 'incubation.createCourse',
    who: 'a social worker opens a 4-session course from a need (sessions, the need answered)',
    prepare: needPosted,
    run: (h, needId) => h.ok(WORKER, 'incubation', 'createCourse', courseInput(h.now(), { needId })),
  },
  {
    id: 'incubation.createCourse · in a room',
    who: 'the same in a room of the base (8 slots of 30 minutes a session)',
    prepare: async (h) => (await insertRoom(h.store), await needPosted(h)),
    run: (h, needId) => h.ok(WORKER, 'incubation', 'createCourse', courseInput(h.now(), { needId, roomId: 'rm_test_huodong' })),
  },
  {
    id: 'incubation.seedCircle',
    who: 'a social worker grows a hobby circle from a need',
    prepare: needPosted,
    run: (h, needId) => h.ok(WORKER, 'incubation', 'seedCircle', { needId, name: '智能手机互助小组', contactName: '王桂芝', contactMobile: '13931110001' }),
  },
  {
    id: 'incubation.cancelCourse',
    who: 'a social worker cancels a 4-session course in a room with one person enrolled (told once)',
    prepare: async (h) => {
      await insertRoom(h.store);
      const courseId = (await h.ok(WORKER, 'incubation', 'createCourse', courseInput(h.now(), { roomId: 'rm_test_huodong' }))).course.id;
      await h.ok(RESIDENT, 'incubation', 'enroll', { courseId });
      return courseId;
    },
    run: (h, courseId) => h.ok(WORKER, 'incubation', 'cancelCourse', { courseId, reason: '老师临时出差' }),
  },
  { id: 'incubation.courses', who: "a resident opens the community's courses", prepare: courseOpened, run: (h) => h.ok(RESIDENT, 'incubation', 'courses', { communityId: 'c-tatan' }) },
  { id: 'incubation.course', who: 'a resident opens a course', prepare: courseOpened, run: (h, courseId) => h.ok(RESIDENT, 'incubation', 'course', { courseId }) },
  {
    id: 'incubation.enroll',
    who: 'a resident enrolls in a 4-session course (registered on each session)',
    prepare: courseOpened,
    run: (h, courseId) => h.ok(RESIDENT, 'incubation', 'enroll', { courseId }),
  },
  {
    id: 'incubation.cancelEnrollment',
    who: 'a resident gives up their place in a 4-session course',
    prepare: async (h) => {
      const courseId = await courseOpened(h);
      await h.ok(RESIDENT, 'incubation', 'enroll', { courseId });
      return courseId;
    },
    run: (h, courseId) => h.ok(RESIDENT, 'incubation', 'cancelEnrollment', { courseId }),
  },

  // ---- growth (docs/growth.md) ----
  { id: 'growth.createCircle', who: 'a resident starts a hobby circle (becomes its contact)', run: (h) => h.ok(RESIDENT, 'growth', 'createCircle', circleInput()) },
  { id: 'growth.circles', who: "a resident opens the community's hobby circles", run: (h) => h.ok(RESIDENT, 'growth', 'circles', { communityId: 'c-tatan' }) },
  {
    id: 'growth.setStage',
    who: 'a social worker makes 合唱团 a 示范 group',
    run: (h) => h.ok(WORKER, 'growth', 'setStage', { groupId: 'g_seed_hechang', stage: 'model', reason: '演出多次获奖' }),
  },
  {
    id: 'growth.addNote',
    who: 'a social worker notes a visit to 老年协会',
    run: (h) => h.ok(WORKER, 'growth', 'addNote', { groupId: LAONIAN, requestId: requestId(), kind: 'visit', at: h.now(), text: '走访老年协会活动室' }),
  },
  { id: 'growth.notes', who: "a social worker opens 老年协会's notes", run: (h) => h.ok(WORKER, 'growth', 'notes', { groupId: LAONIAN }) },
  { id: 'growth.quietGroups', who: 'a social worker opens the 90-day list', run: (h) => h.ok(WORKER, 'growth', 'quietGroups', { communityId: 'c-tatan' }) },
  {
    id: 'growth.setPartyFacts',
    who: "a social worker records 合唱团's Party facts",
    run: (h) => h.ok(WORKER, 'growth', 'setPartyFacts', { groupId: 'g_seed_hechang', hasPartyBranch: true, partyMemberCount: 7, partyLeaderCount: 1, nominatedPartyLeader: true }),
  },
  { id: 'growth.partyFacts', who: "老年协会's leader reads its Party facts", run: (h) => h.ok(LEADER, 'growth', 'partyFacts', { groupId: LAONIAN }) },
  { id: 'growth.overview', who: "a social worker reads the community's counts", run: (h) => h.ok(WORKER, 'growth', 'overview', { communityId: 'c-tatan' }) },
  { id: 'stats.dashboard', who: "a social worker opens the dashboard (her community's numbers and the picker)", run: (h) => h.ok(WORKER, 'stats', 'dashboard', {}) },
  {
    id: 'stats.dashboard · a street officer',
    who: 'the street officer opens the dashboard (their widest place: 汇通街道, two communities summed)',
    run: (h) => h.ok('demo-admin', 'stats', 'dashboard', {}),
  },
  {
    id: 'filings.decide · a circle filed',
    who: 'a social worker approves the filing of a hobby circle (the same group becomes filed)',
    prepare: async (h) => {
      const { circle } = await h.ok(RESIDENT, 'growth', 'createCircle', circleInput());
      const fields = completeFields({ leaderName: '李秀英', leaderMobile: '13931120009', fromGroupId: circle.id });
      const { filing } = await h.ok(RESIDENT, 'filings', 'saveDraft', { requestId: requestId(), fields });
      await h.ok(RESIDENT, 'filings', 'submit', { filingId: filing.id });
      return filing.id;
    },
    run: (h, filingId) => h.ok(WORKER, 'filings', 'decide', { filingId, decision: 'approve' }),
  },
  // ---- the base (docs/base.md): each 30-minute slot claimed or freed is one request ----
  { id: 'base.rooms', who: "a resident opens the community's bases and rooms", run: (h) => h.ok(RESIDENT, 'base', 'rooms', { communityId: 'c-tatan' }) },
  {
    id: 'base.calendar',
    who: "a resident opens the 多功能厅's week",
    run: (h) => h.ok(RESIDENT, 'base', 'calendar', { roomId: DEMO_ROOM_IDS.duogong, from: h.now() + 24 * 60 * MINUTE, days: 7 }),
  },
  {
    id: 'base.saveBase',
    who: "a social worker renames the community's base (its rooms come back with it)",
    run: (h) => h.ok(WORKER, 'base', 'saveBase', { baseId: DEMO_BASE_ID, communityId: 'c-tatan', name: '塔谈社区孵化基地', address: '党群服务中心二楼' }),
  },
  { id: 'base.saveRoom', who: 'a social worker adds a room to the base', run: (h) => h.ok(WORKER, 'base', 'saveRoom', roomInput()) },
  {
    id: 'base.book',
    who: 'a leader books the 活动室 for two hours (content check, the booking, 4 slots)',
    run: (h) => h.ok(LEADER, 'base', 'book', bookInput(DEMO_ROOM_IDS.huodong, nextWeekday(h.now(), 4, 14))),
  },
  {
    id: 'base.book · weekly for a term',
    who: 'the same every week for 8 weeks (32 slots in one transaction)',
    run: (h) => h.ok(LEADER, 'base', 'book', bookInput(DEMO_ROOM_IDS.huodong, nextWeekday(h.now(), 4, 14), { weeks: 8 })),
  },
  {
    id: 'base.book · for an event',
    who: 'a leader books the 活动室 as the place of their event (the event read and updated too)',
    prepare: async (h) => {
      const startAt = nextWeekday(h.now(), 4, 14);
      const input = eventInput(h.now(), { startAt, endAt: startAt + 2 * 60 * MINUTE, signupDeadline: startAt - 60 * MINUTE });
      return (await h.ok(LEADER, 'events', 'create', input)).events[0]!.id;
    },
    run: (h, eventId) => h.ok(LEADER, 'base', 'book', bookInput(DEMO_ROOM_IDS.huodong, nextWeekday(h.now(), 4, 14), { eventId })),
  },
  {
    id: 'base.cancelBooking',
    who: 'a leader cancels a two-hour booking of their group (4 slots freed)',
    prepare: async (h) => (await h.ok(LEADER, 'base', 'book', bookInput(DEMO_ROOM_IDS.huodong, nextWeekday(h.now(), 4, 14)))).booking.id,
    run: (h, bookingId) => h.ok(LEADER, 'base', 'cancelBooking', { bookingId }),
  },
  {
    id: 'base.decideBooking',
    who: "a social worker approves a group's booking of the 多功能厅 (its slots stay)",
    prepare: async (h) => (await h.ok(LEADER, 'base', 'book', bookInput(DEMO_ROOM_IDS.duogong, nextWeekday(h.now(), 4, 14)))).booking.id,
    run: (h, bookingId) => h.ok(WORKER, 'base', 'decideBooking', { bookingId, decision: 'approve' }),
  },
  { id: 'base.myBookings', who: "a leader lists their group's bookings", run: (h) => h.ok(LEADER, 'base', 'myBookings', { groupId: LAONIAN }) },
  {
    id: 'base.myBookings · pending',
    who: "a social worker lists the community's bookings waiting for approval",
    run: (h) => h.ok(WORKER, 'base', 'myBookings', { groupId: null, communityId: 'c-tatan', status: 'pending' }),
  },
  // ---- reports (docs/reports.md) ----
  { id: 'reports.options', who: 'a social worker opens the reports page', run: (h) => h.ok(WORKER, 'reports', 'options', {}) },
  { id: 'reports.options · a street officer', who: 'a street officer opens the reports page', run: (h) => h.ok('demo-admin', 'reports', 'options', {}) },
  {
    id: 'reports.quarterly',
    who: "a social worker exports the community's quarterly report",
    run: (h) => h.ok(WORKER, 'reports', 'quarterly', { level: 'community', placeId: 'c-tatan', year: 2026, quarter: 4 }),
  },
  {
    id: 'reports.quarterly · a street',
    who: "a street officer exports the street's quarterly report (two communities)",
    run: (h) => h.ok('demo-admin', 'reports', 'quarterly', { level: 'street', placeId: 's-huitong', year: 2026, quarter: 4 }),
  },
  { id: 'reports.roster', who: "a leader exports the group's 会员花名册", run: (h) => h.ok(LEADER, 'reports', 'roster', { groupId: LAONIAN }) },
  {
    id: 'events.cancel · freeing its room',
    who: 'a leader cancels an event booked in the 活动室 and frees the room (4 slots)',
    prepare: async (h) => {
      const startAt = nextWeekday(h.now(), 4, 14);
      const input = eventInput(h.now(), { startAt, endAt: startAt + 2 * 60 * MINUTE, signupDeadline: startAt - 60 * MINUTE });
      const eventId = (await h.ok(LEADER, 'events', 'create', input)).events[0]!.id;
      await h.ok(LEADER, 'base', 'book', bookInput(DEMO_ROOM_IDS.huodong, startAt, { eventId }));
      return eventId;
    },
    run: (h, eventId) => h.ok(LEADER, 'events', 'cancel', { eventId, reason: '老师临时有事', freeRoom: true }),
  },
  // ---- administration (docs/administration.md) ----
  { id: 'account.home · a street officer', who: "汇通街道's officer opens 我的 (the street's communities: one query)", run: (h) => h.ok('demo-admin', 'account', 'home', {}) },
  { id: 'filings.queue · a street officer', who: "汇通街道's officer opens the review queue", run: (h) => h.ok('demo-admin', 'filings', 'queue', {}) },
  { id: 'admin.places', who: "汇通街道's officer opens the places tree", run: (h) => h.ok('demo-admin', 'admin', 'places', {}) },
  { id: 'admin.staff', who: "汇通街道's officer opens the staff list", run: (h) => h.ok('demo-admin', 'admin', 'staff', {}) },
  { id: 'admin.audit', who: "汇通街道's officer opens the audit log", run: (h) => h.ok('demo-admin', 'admin', 'audit', {}) },
  {
    id: 'admin.createCommunity',
    who: "汇通街道's officer creates a community",
    run: (h) => h.ok('demo-admin', 'admin', 'createCommunity', { streetId: 's-huitong', name: '新华社区', requestId: requestId() }),
  },
  {
    id: 'admin.renameCommunity',
    who: "汇通街道's officer renames 北焦社区 (its 2 groups and waiting filings carry the new name)",
    run: (h) => h.ok('demo-admin', 'admin', 'renameCommunity', { communityId: 'c-beijiao', name: '北焦新村社区' }),
  },
  {
    id: 'admin.retireCommunity',
    who: "汇通街道's officer retires a community a social worker is assigned to",
    prepare: async (h) => {
      const { community } = await h.ok('demo-admin', 'admin', 'createCommunity', { streetId: 's-huitong', name: '新华社区', requestId: requestId() });
      await h.ok('demo-admin', 'admin', 'assign', { openid: WORKER, level: 'community', placeId: community.id });
      return community.id;
    },
    run: (h, communityId) => h.ok('demo-admin', 'admin', 'retireCommunity', { communityId }),
  },
  {
    id: 'admin.assign',
    who: "汇通街道's officer assigns a social worker to 北焦社区",
    run: (h) => h.ok('demo-admin', 'admin', 'assign', { openid: WORKER, level: 'community', placeId: 'c-beijiao' }),
  },
  {
    id: 'admin.unassign',
    who: "汇通街道's officer ends 刘芳's assignment to 塔谈社区",
    run: (h) => h.ok('demo-admin', 'admin', 'unassign', { openid: WORKER, level: 'community', placeId: 'c-tatan' }),
  },
  // ---- 代办 and 年度确认 (docs/on-behalf.md) ----
  { id: 'filings.startOnBehalf', who: 'a social worker starts a filing for an elder', run: (h) => h.ok(WORKER, 'filings', 'startOnBehalf', behalfStart()) },
  {
    id: 'filings.submit · on behalf',
    who: 'the social worker submits the filing they entered for an elder',
    prepare: async (h) => {
      const { filing } = await h.ok(WORKER, 'filings', 'startOnBehalf', behalfStart());
      const { leaderName: _n, leaderMobile: _m, ...rest } = completeFields();
      await h.ok(WORKER, 'filings', 'saveDraft', { filingId: filing.id, fields: rest });
      return filing.id;
    },
    run: (h, filingId) => h.ok(WORKER, 'filings', 'submit', { filingId }),
  },
  {
    id: 'account.home · an elder with a 代办 waiting',
    who: '孙桂兰 (phone verified) opens 我的: the 代办 offer is one more indexed read',
    prepare: async (h) => (await h.ok(ELDER_ID, 'account', 'verifyPhone', { code: 'x' }), ''),
    run: (h) => h.ok(ELDER_ID, 'account', 'home', {}),
  },
  { id: 'account.verifyPhone', who: '孙桂兰 verifies her phone', run: (h) => h.ok(ELDER_ID, 'account', 'verifyPhone', { code: 'x' }) },
  {
    id: 'account.takeoverOffers',
    who: '孙桂兰 opens the takeover page',
    prepare: async (h) => (await h.ok(ELDER_ID, 'account', 'verifyPhone', { code: 'x' }), ''),
    run: (h) => h.ok(ELDER_ID, 'account', 'takeoverOffers', {}),
  },
  {
    id: 'account.takeover',
    who: '孙桂兰 confirms the 代办 is hers',
    prepare: async (h) => (await h.ok(ELDER_ID, 'account', 'verifyPhone', { code: 'x' }), ''),
    run: (h) => h.ok(ELDER_ID, 'account', 'takeover', { filingId: BEHALF_FILING_ID }),
  },
  { id: 'manage.confirmYear', who: 'a leader confirms 老年协会’s record for the year', run: (h) => h.ok(LEADER, 'manage', 'confirmYear', { groupId: LAONIAN }) },
  { id: 'growth.unconfirmed', who: 'a social worker opens the groups not yet confirmed', run: (h) => h.ok(WORKER, 'growth', 'unconfirmed', { communityId: 'c-tatan' }) },
];

interface TMeasured {
  id: string;
  who: string;
  requests: TRequest[];
}

/** Each case on a fresh seed, so no case's count depends on what another one left behind. */
async function measure(c: TCase): Promise<TMeasured> {
  const h = await harness();
  try {
    const prepared = (await c.prepare?.(h)) ?? '';
    h.store.reset();
    await c.run(h, prepared);
    return { id: c.id, who: c.who, requests: [...h.store.requests] };
  } finally {
    await h.close();
  }
}

let measured: Map<string, TMeasured>;
// Every case seeds its own database: seconds when the machine is idle, far more on a busy CI machine.
beforeAll(async () => {
  measured = new Map();
  for (const c of CASES) measured.set(c.id, await measure(c));
}, 300_000);

describe('the counting store counts what CloudBase would be sent', () => {
  test('one request per step outside a transaction; start, each step and commit inside one', async () => {
    const h = await harness();
    try {
      h.store.reset();
      await h.store.collection(C.groups).get(LAONIAN);
      await h.store.collection(C.groups).find({ limit: 5 });
      await h.store.transaction(async (tx) => {
        const g = await tx.get<TGroupDoc>(C.groups, LAONIAN);
        await tx.update(C.groups, LAONIAN, { memberCount: g!.memberCount + 1 });
      });
      expect(h.store.requests.map((r) => r.op)).toEqual(['get', 'find', 'start', 'tx.get', 'tx.update', 'commit']);
      expect(describeRequests(h.store.requests)).toBe('groups.get, groups.find, tx(groups.get, groups.update)');
      expect(repeatedReads(h.store.requests)).toEqual(['groups ×2']);
    } finally {
      await h.close();
    }
  });

  test('a failed attempt costs its steps and an abort, even when the work swallowed a duplicate insert', async () => {
    const h = await harness();
    try {
      h.store.reset();
      await expect(h.store.transaction(async (tx) => (await tx.get(C.groups, LAONIAN), Promise.reject(new Error('no'))))).rejects.toThrow('no');
      await expect(
        h.store.transaction(async (tx) => {
          await tx.insert(C.groups, { _id: LAONIAN }).catch((e: unknown) => expect(e).toBeInstanceOf(DuplicateIdError));
        }),
      ).rejects.toBeInstanceOf(DuplicateIdError);
      expect(h.store.requests.map((r) => r.op)).toEqual(['start', 'tx.get', 'abort', 'start', 'tx.insert', 'abort']);
    } finally {
      await h.close();
    }
  });
});

describe('every action has a case and a budget', () => {
  const actions = Object.entries(FUNCTIONS).flatMap(([fn, spec]) => Object.keys(spec.actions).map((a) => `${fn}.${a}`));
  const caseIds = CASES.map((c) => c.id);

  test('each action of every function is measured under its own name', () => {
    expect(actions.filter((a) => !caseIds.includes(a))).toEqual([]);
  });

  test('each case has a budget, each budget a case, and each variant belongs to a real action', () => {
    expect(caseIds.filter((id) => !REQUEST_BUDGETS[id])).toEqual([]);
    expect(Object.keys(REQUEST_BUDGETS).filter((id) => !caseIds.includes(id))).toEqual([]);
    expect(caseIds.filter((id) => !actions.includes(id.split(' · ')[0]!))).toEqual([]);
    expect(new Set(caseIds).size).toBe(caseIds.length);
  });
});

/** What is wrong with one case's count against its budget, in words; empty when nothing is. */
function budgetProblems(id: string, count: number): string[] {
  const b = REQUEST_BUDGETS[id]!;
  const design = DESIGN_BUDGETS[b.kind];
  if (!b.over) {
    if (b.budget !== design) return [`${id}: a budget other than the design's ${design} must be marked over`];
    return count > design ? [`${id}: ${count} requests, over the design's ${design} (fix it, or record ${count} and mark it over)`] : [];
  }
  if (count > b.budget) return [`${id}: ${count} requests, more than the ${b.budget} recorded`];
  if (count <= design) return [`${id}: ${count} requests, back within the design's ${design}: drop its over mark and set ${design}`];
  if (count < b.budget) return [`${id}: ${count} requests, fewer than the ${b.budget} recorded: record ${count}`];
  return [];
}

describe('requests per action', () => {
  test.each(CASES.map((c) => [c.id]))('%s stays within its budget', (id) => {
    const m = measured.get(id)!;
    expect(budgetProblems(id, m.requests.length)).toEqual([]);
  });
});

const DOC = path.join(__dirname, '../../docs/requests.md');
const BEGIN = '<!-- request-table:begin (generated by tests/integration/request-budget.test.ts) -->';
const END = '<!-- request-table:end -->';

function renderTable(): string {
  const rows = CASES.map((c) => {
    const m = measured.get(c.id)!;
    const b = REQUEST_BUDGETS[c.id]!;
    const budget = b.over ? `**over**: ${b.budget} (design ${DESIGN_BUDGETS[b.kind]})` : `≤ ${b.budget}`;
    const again = repeatedReads(m.requests).join(', ') || '—';
    return `| \`${c.id}\` | ${c.who} | ${b.kind} | ${m.requests.length} | ${budget} | ${describeRequests(m.requests)} | ${again} |`;
  });
  const header = '| action | case | kind | requests | budget | what they are | same document read again |';
  return [header, '|---|---|---|---:|---|---|---|', ...rows].join('\n');
}

test('docs/requests.md shows exactly what was measured', () => {
  const doc = readFileSync(DOC, 'utf8');
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  const current = doc.slice(start + BEGIN.length, end).trim();
  const table = renderTable();
  if (process.env.WRITE_REQUEST_DOCS === '1' && current !== table) {
    writeFileSync(DOC, `${doc.slice(0, start + BEGIN.length)}\n${table}\n${doc.slice(end)}`);
    return;
  }
  // On a mismatch: run `WRITE_REQUEST_DOCS=1 npx jest tests/integration/request-budget.test.ts` and commit the doc.
  expect(current).toBe(table);
});
