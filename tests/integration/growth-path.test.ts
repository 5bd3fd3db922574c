import { C, type TGroupDoc, type TGroupNoteDoc, type TMembershipDoc } from '../../cloudfunctions/core/collections';
import { membershipIdFor } from '../../cloudfunctions/core/groups/membership-id';
import { recountGrowth } from '../../cloudfunctions/core/growth/counters';
import { CALLIGRAPHY_CIRCLE_ID, DRAWING_CIRCLE_ID } from '../../scripts/seed/demo-growth';
import { createTestApp, type TTestApp } from '../support/app';
import { DAY, eventInput, HOUR } from '../support/event-input';
import { completeFields, requestId } from '../support/filings';

/** The incubation path (docs/growth.md): circles before filing, stages, filing a circle, notes, the 90-day list. */

const LAONIAN = 'g_seed_laonian';
const HECHANG = 'g_seed_hechang';
/** 巧手编织社 (scripts/seed/demo-groups.ts): its last event was 150 days before the seed clock. */
const BIANZHI = 'g_seed_bianzhi';
const LEADER = 'demo-leader';
const WORKER = 'demo-social-worker';
const OTHER_WORKER = 'sw-youyi';
const RESIDENT = 'demo-resident';
const MEMBER = 'seed-member-1';

let app: TTestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

const circleInput = (overrides: Record<string, unknown> = {}) => ({
  communityId: 'c-tatan',
  requestId: requestId(),
  name: '塔谈社区剪纸兴趣小组',
  category: 'culture_sports' as const,
  intro: '喜欢剪纸的居民每周聚一聚，互相学习窗花和生肖剪纸。',
  activityTime: '每周三下午',
  contactName: '李秀英',
  contactMobile: '13931120009',
  ...overrides,
});

async function snapshot() {
  const all = async (c: string) => (await app.store.collection(c).find({ limit: 100 })).items;
  return JSON.stringify([await all(C.groups), await all(C.groupnotes), await all(C.growthstats), await all(C.memberships)]);
}

async function overview() {
  return (await app.ok(WORKER, 'growth', 'overview', { communityId: 'c-tatan' })).overview;
}

describe('stages', () => {
  test('the demo has every stage; a missing stage reads 已备案', async () => {
    const { items } = await app.ok(RESIDENT, 'groups', 'directory', { communityId: 'c-tatan' });
    expect(items.find((g) => g.id === LAONIAN)?.stage).toBe('model');
    expect(items.find((g) => g.id === HECHANG)?.stage).toBe('filed');
    const circles = await app.ok(RESIDENT, 'growth', 'circles', { communityId: 'c-tatan' });
    expect(circles.items.map((c) => [c.name, c.stageLabel])).toEqual(
      expect.arrayContaining([['青少年绘画兴趣小组', '兴趣小组'], ['塔谈社区书法兴趣小组', '培育中']]),
    );
    // Circles are never in the filed directory.
    expect(items.map((g) => g.id)).not.toContain(DRAWING_CIRCLE_ID);
    // A group stored before stages existed.
    const g = await app.store.collection<TGroupDoc>(C.groups).get(HECHANG);
    await app.store.collection(C.groups).updateIfVersion(HECHANG, g!.version, { stage: null });
    const { group } = await app.ok(RESIDENT, 'groups', 'detail', { groupId: HECHANG });
    expect(group.stage).toBe('filed');
  });

  test('the community social worker moves 已备案 ↔ 示范 and 兴趣小组 ↔ 培育中, with a dated reason in the notes', async () => {
    const { stage } = await app.ok(WORKER, 'growth', 'setStage', { groupId: HECHANG, stage: 'model', reason: '演出多次获奖，带动其他团队' });
    expect(stage).toMatchObject({ stage: 'model', stageLabel: '示范', stageSince: app.clock.now(), stageReason: '演出多次获奖，带动其他团队' });
    const toIncubating = await app.ok(WORKER, 'growth', 'setStage', { groupId: DRAWING_CIRCLE_ID, stage: 'incubating', reason: '成员稳定，开始准备章程' });
    expect(toIncubating.stage.stageLabel).toBe('培育中');
    const { items } = await app.ok(WORKER, 'growth', 'notes', { groupId: HECHANG });
    expect(items[0]).toMatchObject({ kind: 'stage', at: app.clock.now(), text: '已备案 → 示范：演出多次获奖，带动其他团队' });
    // Asking again changes nothing.
    const before = await snapshot();
    await app.ok(WORKER, 'growth', 'setStage', { groupId: HECHANG, stage: 'model', reason: '再次确认' });
    expect(await snapshot()).toBe(before);
  });

  test('who may not change a stage, and stages that are not the social worker to give, write nothing', async () => {
    const before = await snapshot();
    for (const who of [LEADER, MEMBER, RESIDENT, OTHER_WORKER]) {
      const r = await app.call(who, 'growth', 'setStage', { groupId: HECHANG, stage: 'model', reason: '想当示范' });
      expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
    }
    const refused = [
      [HECHANG, 'incubating', '已备案的组织不能改回兴趣小组或培育中，可在走访记录中写明需要的帮助'],
      [DRAWING_CIRCLE_ID, 'filed', '兴趣小组还没有备案：请先提交成立报备，通过后才是已备案或示范组织'],
      [DRAWING_CIRCLE_ID, 'model', '兴趣小组还没有备案：请先提交成立报备，通过后才是已备案或示范组织'],
    ] as const;
    for (const [groupId, stage, message] of refused) {
      const r = await app.call(WORKER, 'growth', 'setStage', { groupId, stage, reason: '调整一下' });
      expect(r.ok ? null : r.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { stage: message } });
    }
    const noReason = await app.call(WORKER, 'growth', 'setStage', { groupId: HECHANG, stage: 'model', reason: ' ' });
    expect(noReason.ok ? null : noReason.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { reason: '调整原因至少需要2个字' } });
    const missing = await app.call(WORKER, 'growth', 'setStage', { groupId: 'g_nope', stage: 'model', reason: '调整一下' });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
    expect(await snapshot()).toBe(before);
  });
});

describe('hobby circles', () => {
  test('a resident who creates a circle is its contact and leader; others join it like a group; it counts as a circle, not filed', async () => {
    const before = await overview();
    const { circle } = await app.ok(RESIDENT, 'growth', 'createCircle', circleInput());
    expect(circle).toMatchObject({ stage: 'circle', stageLabel: '兴趣小组', memberCount: 1, contactName: '李秀英' });
    const { group } = await app.ok(RESIDENT, 'groups', 'detail', { groupId: circle.id });
    expect(group).toMatchObject({ stage: 'circle', filedAt: 0, canManage: true, myMembership: { role: 'leader', status: 'active' } });
    const joined = await app.ok(MEMBER, 'groups', 'join', { groupId: circle.id });
    expect(joined.membership.status).toBe('active');
    expect((await app.ok(MEMBER, 'groups', 'detail', { groupId: circle.id })).group.memberCount).toBe(2);
    expect(await overview()).toEqual({ ...before, circles: before.circles + 1 });
    const directory = await app.ok(RESIDENT, 'groups', 'directory', { communityId: 'c-tatan' });
    expect(directory.items.map((g) => g.id)).not.toContain(circle.id);
    // A circle files no change: it files its first filing instead.
    const change = await app.call(RESIDENT, 'manage', 'fileChange', { groupId: circle.id, requestId: requestId(), changes: { venue: '社区活动室' } });
    expect(change.ok ? null : change.error).toMatchObject({ code: 'INVALID_STATE', message: '兴趣小组还没有备案：请提交成立报备，并选择这个兴趣小组' });
  });

  test('a social worker names the contact; a double tap makes one circle; bad input is refused in Chinese, writing nothing', async () => {
    const input = circleInput();
    const [a, b] = await Promise.all([app.ok(WORKER, 'growth', 'createCircle', input), app.ok(WORKER, 'growth', 'createCircle', input)]);
    expect(a.circle.id).toBe(b.circle.id);
    expect(a.circle.memberCount).toBe(0); // the named contact may not use the app
    const before = await snapshot();
    const bad = await app.call(RESIDENT, 'growth', 'createCircle', circleInput({ intro: '太短', contactMobile: '123' }));
    expect(bad.ok ? null : bad.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { intro: '兴趣小组简介至少需要10个字', contactMobile: '请填写11位联系人手机号，例如 13812345678' },
    });
    const nowhere = await app.call(RESIDENT, 'growth', 'createCircle', circleInput({ communityId: 'c-nowhere' }));
    expect(nowhere.ok ? null : nowhere.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { communityId: '请从列表中选择所属社区' } });
    expect(await snapshot()).toBe(before);
  });

  test('filing a circle turns that same group into a filed one, keeping its members, events and notes', async () => {
    const { circle } = await app.ok(RESIDENT, 'growth', 'createCircle', circleInput());
    await app.ok(MEMBER, 'groups', 'join', { groupId: circle.id });
    const { events } = await app.ok(RESIDENT, 'events', 'create', eventInput(app.clock.now(), { groupId: circle.id, title: '窗花剪纸体验' }));
    await app.ok(WORKER, 'growth', 'addNote', { groupId: circle.id, requestId: requestId(), kind: 'visit', at: app.clock.now(), text: '走访：成员热情高' });
    const before = await overview();

    const draft = await app.ok(RESIDENT, 'filings', 'saveDraft', {
      requestId: requestId(),
      fields: completeFields({ name: '塔谈社区剪纸协会', leaderName: '李秀英', leaderMobile: '13931120009', memberCount: 12, fromGroupId: circle.id }),
    });
    await app.ok(RESIDENT, 'filings', 'submit', { filingId: draft.filing.id });
    const { filing } = await app.ok(WORKER, 'filings', 'decide', { filingId: draft.filing.id, decision: 'approve' });
    expect(filing.groupId).toBe(circle.id);

    const { group } = await app.ok(MEMBER, 'groups', 'detail', { groupId: circle.id });
    expect(group).toMatchObject({ name: '塔谈社区剪纸协会', stage: 'filed', filedAt: app.clock.now(), memberCount: 12, leaderName: '李秀英' });
    const m = await app.store.collection<TMembershipDoc>(C.memberships).get(membershipIdFor(circle.id, MEMBER));
    expect(m).toMatchObject({ status: 'active', role: 'member' });
    const lead = await app.store.collection<TMembershipDoc>(C.memberships).get(membershipIdFor(circle.id, RESIDENT));
    expect(lead).toMatchObject({ status: 'active', role: 'leader' });
    const hosted = await app.ok(MEMBER, 'events', 'groupEvents', { groupId: circle.id, when: 'upcoming' });
    expect(hosted.items.map((e) => e.id)).toEqual([events[0]!.id]);
    expect((await app.ok(WORKER, 'growth', 'notes', { groupId: circle.id })).items).toHaveLength(1);
    const directory = await app.ok(RESIDENT, 'groups', 'directory', { communityId: 'c-tatan' });
    expect(directory.items.map((g) => g.id)).toContain(circle.id);
    const circles = await app.ok(RESIDENT, 'growth', 'circles', { communityId: 'c-tatan' });
    expect(circles.items.map((g) => g.id)).not.toContain(circle.id);
    expect(await overview()).toEqual({
      ...before,
      circles: before.circles - 1,
      filedGroups: before.filedGroups + 1,
      partyMembers: before.partyMembers + 3,
    });
    expect(await overview()).toEqual({ communityId: 'c-tatan', ...(await recountGrowth(app.store, 'c-tatan')) });
  });

  test('a filing naming a circle its filer does not belong to is refused on submit, by field', async () => {
    const { circle } = await app.ok(RESIDENT, 'growth', 'createCircle', circleInput());
    for (const [fromGroupId, message] of [
      [circle.id, '您还不是这个兴趣小组的成员，请先加入兴趣小组再报备'],
      [HECHANG, '请选择本社区还未备案的兴趣小组，或不选兴趣小组直接报备'],
      ['g_nope', '请选择本社区还未备案的兴趣小组，或不选兴趣小组直接报备'],
    ] as const) {
      const draft = await app.ok(LEADER, 'filings', 'saveDraft', { requestId: requestId(), fields: completeFields({ fromGroupId }) });
      const r = await app.call(LEADER, 'filings', 'submit', { filingId: draft.filing.id });
      expect(r.ok ? null : r.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { fromGroupId: message } });
      expect((await app.ok(LEADER, 'filings', 'get', { filingId: draft.filing.id })).filing.status).toBe('draft');
    }
  });

  test('a circle its filer left after submitting cannot be approved, and the approval writes nothing', async () => {
    const { circle } = await app.ok(RESIDENT, 'growth', 'createCircle', circleInput());
    await app.ok(LEADER, 'groups', 'join', { groupId: circle.id });
    const draft = await app.ok(LEADER, 'filings', 'saveDraft', { requestId: requestId(), fields: completeFields({ fromGroupId: circle.id }) });
    await app.ok(LEADER, 'filings', 'submit', { filingId: draft.filing.id });
    await app.ok(LEADER, 'groups', 'leave', { groupId: circle.id });
    const before = await snapshot();
    const r = await app.call(WORKER, 'filings', 'decide', { filingId: draft.filing.id, decision: 'approve' });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'INVALID_STATE', message: '报备人还不是这个兴趣小组的成员，请退回这份报备，请其先加入兴趣小组' });
    expect(await snapshot()).toBe(before);
  });
});

describe('notes', () => {
  test('newest first by the date they are about, 20 a page, with the stage', async () => {
    for (let i = 0; i < 25; i++) {
      await app.ok(WORKER, 'growth', 'addNote', { groupId: HECHANG, requestId: requestId(), kind: 'visit', at: app.clock.now() - (i * 37 % 25) * DAY, text: `第${i}次走访` });
    }
    const first = await app.ok(WORKER, 'growth', 'notes', { groupId: HECHANG });
    expect(first.items).toHaveLength(20);
    expect(first.stage.stageLabel).toBe('已备案');
    const second = await app.ok(WORKER, 'growth', 'notes', { groupId: HECHANG, cursor: first.nextCursor! });
    const ats = [...first.items, ...second.items].map((n) => n.at);
    expect(ats).toHaveLength(25);
    expect(ats).toEqual([...ats].sort((x, y) => y - x));
    expect(second.nextCursor).toBeNull();
  });

  test('notes are the community social workers’ alone: everyone else NOT_FOUND, for reading and writing', async () => {
    for (const who of [LEADER, MEMBER, RESIDENT, OTHER_WORKER]) {
      const list = await app.call(who, 'growth', 'notes', { groupId: LAONIAN });
      expect(list.ok ? 'ok' : list.error.code).toBe('NOT_FOUND');
      const add = await app.call(who, 'growth', 'addNote', { groupId: LAONIAN, requestId: requestId(), kind: 'advice', at: app.clock.now(), text: '想看看' });
      expect(add.ok ? 'ok' : add.error.code).toBe('NOT_FOUND');
    }
    expect((await app.ok('demo-admin', 'growth', 'notes', { groupId: LAONIAN })).items.length).toBeGreaterThan(0);
  });

  test('a note dated ahead or more than a year back, or empty, is refused and writes nothing; a retry adds one', async () => {
    const count = async () => (await app.store.collection<TGroupNoteDoc>(C.groupnotes).find({ where: { groupId: HECHANG }, limit: 100 })).items.length;
    const base = { groupId: HECHANG, kind: 'problem' as const, text: '排练场地冲突' };
    const cases = [
      [{ at: app.clock.now() + DAY }, { at: '日期不能晚于今天，请重新选择' }],
      [{ at: app.clock.now() - 400 * DAY }, { at: '只能记录一年以内的情况，请重新选择日期' }],
      [{ at: app.clock.now(), text: '' }, { text: '记录内容至少需要2个字' }],
      [{ at: app.clock.now(), kind: 'gossip' }, { kind: '请选择记录类型（走访、建议或问题）' }],
    ] as const;
    for (const [patch, fields] of cases) {
      const r = await app.call(WORKER, 'growth', 'addNote', { ...base, requestId: requestId(), ...patch } as never);
      expect(r.ok ? null : r.error).toMatchObject({ code: 'VALIDATION_FAILED', fields });
    }
    expect(await count()).toBe(0);
    const again = { ...base, requestId: requestId(), at: app.clock.now() };
    await Promise.all([app.ok(WORKER, 'growth', 'addNote', again), app.ok(WORKER, 'growth', 'addNote', again)]);
    expect(await count()).toBe(1);
    const reused = await app.call(WORKER, 'growth', 'addNote', { ...again, text: '另一件事' });
    expect(reused.ok ? null : reused.error.code).toBe('REQUEST_REUSED');
  });
});

describe('the 90-day list', () => {
  const quiet = async () => (await app.ok(WORKER, 'growth', 'quietGroups', { communityId: 'c-tatan' })).items.map((g) => g.id);

  test('groups and circles whose latest held event (or filing) is over 90 days old, quietest first; a recorded event takes a group off', async () => {
    // Today (the demo's year of events): every group held something lately except 巧手编织社, quiet for 150 days.
    expect(await quiet()).toEqual([BIANZHI]);
    const { events } = await app.ok('seed-leader-bianzhi', 'events', 'create', eventInput(app.clock.now(), { groupId: BIANZHI }));
    app.clock.advance(3 * DAY + HOUR);
    await app.ok('seed-leader-bianzhi', 'events', 'record', { eventId: events[0]!.id, summary: '编织社重新开课，做了围巾', photos: [] });
    expect(await quiet()).toEqual([]);
    app.clock.advance(91 * DAY);
    const list = await app.ok(WORKER, 'growth', 'quietGroups', { communityId: 'c-tatan' });
    const ids = list.items.map((g) => g.id);
    expect(ids).toEqual(expect.arrayContaining([DRAWING_CIRCLE_ID, CALLIGRAPHY_CIRCLE_ID, LAONIAN, HECHANG, BIANZHI]));
    expect(list.items.map((g) => g.quietSince)).toEqual([...list.items.map((g) => g.quietSince)].sort((a, b) => a - b));
    expect(list.items.find((g) => g.id === BIANZHI)?.lastEventAt).toBe(app.clock.now() - 91 * DAY - HOUR);
    expect(list.since).toBe(app.clock.now() - 90 * DAY);
  });

  test('is for the community social workers only', async () => {
    for (const who of [LEADER, MEMBER, RESIDENT, OTHER_WORKER]) {
      const r = await app.call(who, 'growth', 'quietGroups', { communityId: 'c-tatan' });
      expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
    }
  });
});
