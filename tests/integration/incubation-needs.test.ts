import { C, type TOutboxDoc } from '../../cloudfunctions/core/collections';
import type { TNeedDoc, TSupportDoc } from '../../cloudfunctions/core/incubation/docs';
import { createTestApp, type TTestApp } from '../support/app';
import { addResidents, courseInput, needInput } from '../support/incubation';

/**
 * Needs (需求/心愿): posting, 我也想 once per person, the list ranked by demand, answers, merges and the circle
 * seed, as residents and social workers use them (docs/incubation.md). Races on both backends are in
 * incubation-concurrency.test.ts. They run in 北焦社区, which the demo leaves without needs; its staff is the street admin.
 */
const RESIDENT = 'demo-resident';
const WORKER = 'demo-admin';
const COMMUNITY = 'c-beijiao';

let app: TTestApp;
beforeEach(async () => {
  app = await createTestApp();
  await app.ok(RESIDENT, 'account', 'setCommunity', { communityId: COMMUNITY });
});
afterEach(() => app.close());

const post = async (as = RESIDENT, title = '想学智能手机') => (await app.ok(as, 'incubation', 'postNeed', needInput(title))).need;
const supports = async (needId: string) =>
  (await app.store.collection<TSupportDoc>(C.needsupports).find({ where: { needId }, limit: 100 })).items;

describe('posting a need', () => {
  test('counts the poster as its first supporter, in the community they chose', async () => {
    const need = await post();
    expect(need).toMatchObject({ communityId: COMMUNITY, status: 'collecting', demand: 1, iWant: true, answer: null });
    expect((await supports(need.id)).map((s) => s.openid)).toEqual([RESIDENT]);
  });

  test('without a chosen community it asks for one first, and writes nothing', async () => {
    const answer = await app.call('someone-new', 'incubation', 'postNeed', needInput());
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringContaining('请先在「我的」页面选择您所在的社区') } });
    expect(await app.store.collection(C.needs).count({ communityId: COMMUNITY })).toBe(0);
  });

  test('bad input is refused field by field in Chinese, and nothing is written', async () => {
    const answer = await app.call(RESIDENT, 'incubation', 'postNeed', { ...needInput('想学'), category: 'cooking' as never, description: '长'.repeat(501) });
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        fields: { title: '需求标题至少需要4个字', category: '请选择需求类别', description: '需求说明最多500个字，请精简一些' },
      },
    });
    const owned = await app.call(RESIDENT, 'incubation', 'postNeed', { ...needInput(), status: 'arranged' } as never);
    expect(owned).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await app.store.collection(C.needs).count({ communityId: COMMUNITY })).toBe(0);
  });

  test('text that fails the content check is named and not stored', async () => {
    const answer = await app.call(RESIDENT, 'incubation', 'postNeed', { ...needInput('想学赌博技巧') });
    expect(answer).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', fields: { title: expect.any(String) } } });
    expect(await app.store.collection(C.needs).count({ communityId: COMMUNITY })).toBe(0);
  });

  test('the same request id answers the same need; with other content it is REQUEST_REUSED', async () => {
    const input = needInput();
    const first = await app.ok(RESIDENT, 'incubation', 'postNeed', input);
    expect(await app.ok(RESIDENT, 'incubation', 'postNeed', input)).toEqual(first);
    expect(await app.call(RESIDENT, 'incubation', 'postNeed', { ...input, title: '想学书法写春联' })).toMatchObject({ ok: false, error: { code: 'REQUEST_REUSED' } });
  });

  test('posting is rate-limited per person', async () => {
    for (let i = 0; i < 10; i++) await post(RESIDENT, `想学第${i}门手艺`);
    expect(await app.call(RESIDENT, 'incubation', 'postNeed', needInput())).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: '发布需求太频繁了，请1小时后再试' } });
  });
});

describe('我也想 and the list', () => {
  test('once per person however often tapped; the list ranks by demand and never says who asked', async () => {
    await addResidents(app.store, ['r1', 'r2', 'r3'], COMMUNITY);
    const phone = await post();
    const calligraphy = await post('r1', '想学书法写春联');
    for (const who of ['r2', 'r3', 'r2', 'r3']) await app.ok(who, 'incubation', 'support', { needId: phone.id });
    const again = await app.ok(RESIDENT, 'incubation', 'support', { needId: phone.id });
    expect(again.need.demand).toBe(3);

    const page = await app.ok('r1', 'incubation', 'needs', { communityId: COMMUNITY });
    expect(page.items.map((n) => [n.title, n.demand, n.iWant])).toEqual([
      ['想学智能手机', 3, false],
      ['想学书法写春联', 1, true],
    ]);
    expect(JSON.stringify(page)).not.toMatch(/r2|r3|demo-resident|openid/);
    expect(calligraphy.demand).toBe(1);
  });

  test('an unknown need is NOT_FOUND', async () => {
    expect(await app.call(RESIDENT, 'incubation', 'support', { needId: 'nd_nothing' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('social workers answer and merge', () => {
  test('暂不能安排 needs a reason, which the resident reads', async () => {
    const need = await post();
    const bare = await app.call(WORKER, 'incubation', 'answerNeed', { needId: need.id, status: 'declined', answer: ' ' });
    expect(bare).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { answer: expect.stringContaining('请写明暂不能安排的原因') } } });
    expect((await app.store.collection<TNeedDoc>(C.needs).get(need.id))!.status).toBe('collecting');

    await app.ok(WORKER, 'incubation', 'answerNeed', { needId: need.id, status: 'declined', answer: '暂时没有合适的老师，明年春天再问问开放大学' });
    const [row] = (await app.ok(RESIDENT, 'incubation', 'needs', { communityId: COMMUNITY })).items;
    expect(row).toMatchObject({ status: 'declined', answer: '暂时没有合适的老师，明年春天再问问开放大学' });
  });

  test('merging moves each supporter once and the demand with them; the duplicate leaves the list', async () => {
    await addResidents(app.store, ['r1', 'r2', 'r3', 'r4'], COMMUNITY);
    const keep = await post(RESIDENT, '想学智能手机');
    const dup = await post('r1', '想学用手机视频');
    await app.ok('r2', 'incubation', 'support', { needId: keep.id });
    await app.ok('r2', 'incubation', 'support', { needId: dup.id }); // wants both: counts once after the merge
    await app.ok('r3', 'incubation', 'support', { needId: dup.id });

    const merged = await app.ok(WORKER, 'incubation', 'mergeNeeds', { keepId: keep.id, mergeId: dup.id });
    expect(merged.moved).toBe(2); // r1 and r3
    expect(merged.need.demand).toBe(4); // demo-resident, r2, r1, r3
    expect((await supports(keep.id)).map((s) => s.openid).sort()).toEqual(['demo-resident', 'r1', 'r2', 'r3']);

    // Again (a retry after a lost answer) moves nobody twice.
    expect(await app.ok(WORKER, 'incubation', 'mergeNeeds', { keepId: keep.id, mergeId: dup.id })).toMatchObject({ moved: 0, need: { demand: 4 } });
    // 我也想 on the merged need counts for the kept one.
    expect((await app.ok('r4', 'incubation', 'support', { needId: dup.id })).need).toMatchObject({ id: keep.id, demand: 5 });

    const list = await app.ok(WORKER, 'incubation', 'needs', { communityId: COMMUNITY });
    expect(list.items.map((n) => n.id)).toEqual([keep.id]);
  });

  test('a need cannot be merged into itself, and one with a course is kept, not merged', async () => {
    const a = await post();
    const b = await post(RESIDENT, '想学书法写春联');
    expect(await app.call(WORKER, 'incubation', 'mergeNeeds', { keepId: a.id, mergeId: a.id })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { mergeId: '请选择另一条需求来合并' } },
    });
    await app.ok(WORKER, 'incubation', 'createCourse', courseInput(app.clock.now(), { communityId: COMMUNITY, needId: b.id, title: '书法入门' }));
    expect(await app.call(WORKER, 'incubation', 'mergeNeeds', { keepId: a.id, mergeId: b.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('不能合并') },
    });
  });
});

describe('a need turned into a hobby circle', () => {
  test('creates the not-yet-filed circle, marks the need 已安排 and invites everyone who wanted it', async () => {
    await addResidents(app.store, ['r1'], COMMUNITY);
    const need = await post(RESIDENT, '想有人陪老人聊天');
    await app.ok('r1', 'incubation', 'support', { needId: need.id });
    const { need: seeded } = await app.ok(WORKER, 'incubation', 'seedCircle', {
      needId: need.id,
      name: '陪伴聊天小组',
      contactName: '王桂芝',
      contactMobile: '13931110001',
    });
    expect(seeded).toMatchObject({ status: 'arranged', circleName: '陪伴聊天小组', answer: expect.stringContaining('王桂芝') });
    const invited = (await app.store.collection<TOutboxDoc>(C.outbox).find({ where: { kind: 'circle_invited' }, limit: 10 })).items;
    expect(invited.map((n) => n.to).sort()).toEqual(['demo-resident', 'r1']);
    const stored = (await app.store.collection<TNeedDoc>(C.needs).get(need.id))!;
    const group = await app.store.collection(C.groups).get(stored.circle!.groupId!);
    expect(group).toMatchObject({ status: 'circle', name: '陪伴聊天小组', communityId: COMMUNITY });
  });
});
