import { C, type TAuditDoc, type TCommunityDoc, type TUserDoc } from '../../cloudfunctions/core/collections';
import { createTestApp, type TTestApp } from '../support/app';
import { requestId } from '../support/filings';

/**
 * Administration (docs/administration.md): the scope is derived from assignments, places are created, renamed and
 * retired by officers, and every change and every refused cross-scope attempt is on the audit log.
 */
const DISTRICT = 'demo-district';
const HUITONG = 'demo-admin';
const ZHENTOU = 'officer-zhentou';
const WORKER = 'demo-social-worker';
const SW_YOUYI = 'sw-youyi';
const RESIDENT = 'demo-resident';

let app: TTestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

const scopeOf = async (as: string) => (await app.ok(as, 'account', 'me', {})).me.reviewCommunityIds.sort();
const create = (as: string, name: string, streetId = 's-huitong', rid = requestId()) =>
  app.call(as, 'admin', 'createCommunity', { streetId, name, requestId: rid });
const auditLines = () => app.store.collection<TAuditDoc>(C.audit).find({ orderBy: [['at', 'desc']], limit: 100 });

describe('the scope is derived from assignments', () => {
  it('the demo staff: a social worker one community, a street officer its street, the district officer all', async () => {
    expect(await scopeOf(WORKER)).toEqual(['c-tatan']);
    expect(await scopeOf(HUITONG)).toEqual(['c-beijiao', 'c-tatan']);
    expect(await scopeOf(DISTRICT)).toEqual(['c-beijiao', 'c-tatan', 'c-youyi']);
    expect(await scopeOf(ZHENTOU)).toEqual(['c-youyi']);
    expect(await scopeOf(RESIDENT)).toEqual([]);
    // Nothing stored is a copied list.
    const stored = await app.store.collection<TUserDoc>(C.users).get(HUITONG);
    expect(stored).not.toHaveProperty('reviewCommunityIds');
  });

  it('a community created in a street is in its officer’s scope at once, with no copy step; not in the other street’s', async () => {
    const { community } = await app.ok(DISTRICT, 'admin', 'createCommunity', { streetId: 's-huitong', name: '新华社区', requestId: requestId() });
    expect(await scopeOf(HUITONG)).toContain(community.id);
    expect(await scopeOf(ZHENTOU)).not.toContain(community.id);
    expect(await scopeOf(WORKER)).not.toContain(community.id);
    // And the street officer acts there: the community's counts are a staff-only read.
    expect((await app.call(HUITONG, 'growth', 'overview', { communityId: community.id })).ok).toBe(true);
  });

  it('assign → the social worker sees the community; unassign → refused again, and the attempt is logged', async () => {
    const { community } = await app.ok(HUITONG, 'admin', 'createCommunity', { streetId: 's-huitong', name: '新华社区', requestId: requestId() });
    expect((await app.call(WORKER, 'growth', 'overview', { communityId: community.id })).ok).toBe(false);
    app.clock.advance(1000);
    const { person } = await app.ok(HUITONG, 'admin', 'assign', { openid: WORKER, level: 'community', placeId: community.id });
    expect(person.assignments.map((a) => a.placeName).sort()).toEqual(['塔谈社区', '新华社区'].sort());
    expect(await scopeOf(WORKER)).toEqual([community.id, 'c-tatan'].sort());
    expect((await app.call(WORKER, 'growth', 'overview', { communityId: community.id })).ok).toBe(true);

    app.clock.advance(1000);
    await app.ok(HUITONG, 'admin', 'unassign', { openid: WORKER, level: 'community', placeId: community.id });
    expect(await scopeOf(WORKER)).toEqual(['c-tatan']);
    app.clock.advance(1000);
    const refused = await app.call(WORKER, 'growth', 'overview', { communityId: community.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const lines = (await auditLines()).items;
    expect(lines[0]).toMatchObject({ action: 'denied:growth.overview', actor: WORKER, communityId: community.id });
    expect(lines.filter((l) => l.action?.startsWith('assignment:')).map((l) => l.action)).toEqual(['assignment:end', 'assignment:add']);
  });

  it('a person with every assignment ended is no longer staff (roles follow the assignments)', async () => {
    await app.ok(HUITONG, 'admin', 'unassign', { openid: WORKER, level: 'community', placeId: 'c-tatan' });
    const stored = await app.store.collection<TUserDoc>(C.users).get(WORKER);
    expect(stored).toMatchObject({ roles: [], assignments: [], assignedWithin: [] });
    expect((await app.call(WORKER, 'filings', 'queue', {})).ok).toBe(false);
  });

  it('retiring a community drops it out of everyone’s scope and the residents’ picker, and ends assignments to it', async () => {
    const { community } = await app.ok(DISTRICT, 'admin', 'createCommunity', { streetId: 's-huitong', name: '新华社区', requestId: requestId() });
    await app.ok(DISTRICT, 'admin', 'assign', { openid: SW_YOUYI, level: 'community', placeId: community.id });
    expect(await scopeOf(SW_YOUYI)).toContain(community.id);
    await app.ok(HUITONG, 'admin', 'retireCommunity', { communityId: community.id });
    expect(await scopeOf(SW_YOUYI)).toEqual(['c-youyi']);
    expect(await scopeOf(HUITONG)).toEqual(['c-beijiao', 'c-tatan']);
    expect(await scopeOf(DISTRICT)).not.toContain(community.id);
    const { items } = await app.ok(RESIDENT, 'account', 'communities', {});
    expect(items.map((c) => c.id)).not.toContain(community.id);
    expect(await app.call(RESIDENT, 'account', 'setCommunity', { communityId: community.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const stored = await app.store.collection<TUserDoc>(C.users).get(SW_YOUYI);
    expect(stored?.assignments?.map((a) => a.placeId)).toEqual(['c-youyi']);
  });

  it('a community with active groups or waiting filings is not retired, and nothing is written', async () => {
    const before = (await auditLines()).items.length;
    const answer = await app.call(DISTRICT, 'admin', 'retireCommunity', { communityId: 'c-tatan' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    if (!answer.ok) expect(answer.error.message).toMatch(/在册组织/);
    expect((await app.store.collection<TCommunityDoc>(C.communities).get('c-tatan'))?.retiredAt).toBeFalsy();
    expect((await auditLines()).items.length).toBe(before);
  });
});

describe('who may administer what', () => {
  it('a street officer manages only their street; refusals of staff are logged, of residents not', async () => {
    expect(await create(HUITONG, '外街社区', 's-zhentou')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await app.call(HUITONG, 'admin', 'renameCommunity', { communityId: 'c-youyi', name: '友好社区' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await app.call(HUITONG, 'admin', 'assign', { openid: RESIDENT, level: 'community', placeId: 'c-youyi' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // A street officer does not assign street officers; nobody assigns a district in the app.
    expect(await app.call(HUITONG, 'admin', 'assign', { openid: RESIDENT, level: 'street', placeId: 's-huitong' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await app.call(DISTRICT, 'admin', 'assign', { openid: RESIDENT, level: 'district', placeId: 'd-qiaoxi' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await create(WORKER, '社工社区')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const denied = (await auditLines()).items.filter((l) => l.action?.startsWith('denied:'));
    expect(denied.map((l) => `${l.actor} ${l.action}`).sort()).toEqual(
      [
        `${DISTRICT} denied:admin.assign`,
        `${HUITONG} denied:admin.assign`,
        `${HUITONG} denied:admin.assign`,
        `${HUITONG} denied:admin.createCommunity`,
        `${HUITONG} denied:admin.renameCommunity`,
        `${WORKER} denied:admin.createCommunity`,
      ].sort(),
    );
    expect(await create(RESIDENT, '居民社区')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await auditLines()).items.filter((l) => l.actor === RESIDENT)).toEqual([]);
  });

  it('nobody assigns themselves, and a person must exist as a user', async () => {
    const self = await app.call(DISTRICT, 'admin', 'assign', { openid: DISTRICT, level: 'street', placeId: 's-huitong' });
    expect(self).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const ghost = await app.call(DISTRICT, 'admin', 'assign', { openid: 'nobody-here', level: 'community', placeId: 'c-tatan' });
    expect(ghost).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!ghost.ok) expect(ghost.error.message).toMatch(/打开一次小程序/);
  });

  it('a district officer assigns a street officer, who then sees the street', async () => {
    await app.ok(DISTRICT, 'admin', 'assign', { openid: RESIDENT, level: 'street', placeId: 's-zhentou' });
    expect(await scopeOf(RESIDENT)).toEqual(['c-youyi']);
    expect((await app.ok(RESIDENT, 'account', 'me', {})).me.roles).toEqual(['admin']);
  });

  it('staff lists: an officer of 汇通 sees 汇通’s staff and not 振头’s; the district officer sees both', async () => {
    const names = async (as: string) => (await app.ok(as, 'admin', 'staff', {})).items.map((p) => p.displayName).sort();
    expect(await names(HUITONG)).toEqual(['刘芳', '赵明'].sort());
    expect(await names(ZHENTOU)).toEqual(['吴静', '郑伟'].sort());
    expect(await names(DISTRICT)).toEqual(['刘芳', '吴静', '王丽', '赵明', '郑伟'].sort());
    const tree = await app.ok(HUITONG, 'admin', 'places', {});
    const streets = tree.districts.flatMap((d) => d.streets);
    expect(streets.map((s) => s.name)).toEqual(['汇通街道']);
    expect(streets[0]!.communities.map((c) => `${c.name}:${c.staff.map((s) => s.displayName).join('')}`).sort()).toEqual(['北焦社区:', '塔谈社区:刘芳']);
    expect((await app.call(RESIDENT, 'admin', 'places', {})).ok).toBe(false);
  });
});

describe('places: names, retries, renames', () => {
  it('bad names are refused with a Chinese message and nothing is written', async () => {
    const count = () => app.store.collection(C.communities).count();
    const before = await count();
    for (const name of ['', ' 塔', '社'.repeat(21), '塔谈<script>']) {
      const answer = await create(DISTRICT, name);
      expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      if (!answer.ok) expect(answer.error.fields?.name).toMatch(/社区名称/);
    }
    const taken = await create(DISTRICT, '塔谈社区');
    expect(taken).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { name: '本街道已有「塔谈社区」，请换一个名称' } } });
    expect(await count()).toBe(before);
    // The same name in another street is fine.
    expect((await create(DISTRICT, '塔谈社区', 's-zhentou')).ok).toBe(true);
  });

  it('a repeated or concurrent create makes one community', async () => {
    const rid = requestId();
    const answers = await Promise.all([create(HUITONG, '新华社区', 's-huitong', rid), create(HUITONG, '新华社区', 's-huitong', rid), create(HUITONG, '新华社区', 's-huitong', rid)]);
    expect(answers.every((a) => a.ok)).toBe(true);
    const again = await create(HUITONG, '新华社区', 's-huitong', rid);
    expect(again.ok).toBe(true);
    // Two different requests for one name at once: one community, the other told the name is taken.
    const racing = await Promise.all([create(DISTRICT, '光华社区'), create(HUITONG, '光华社区')]);
    expect(racing.filter((a) => a.ok)).toHaveLength(1);
    const all = await app.store.collection<TCommunityDoc>(C.communities).find({ where: { streetId: 's-huitong' }, orderBy: [['name', 'asc']], limit: 100 });
    expect(all.items.map((c) => c.name).sort()).toEqual(['光华社区', '北焦社区', '塔谈社区', '新华社区'].sort());
  });

  it('a rename reaches the live records that copy the name; history keeps the old one', async () => {
    const queueBefore = await app.ok(WORKER, 'filings', 'queue', {});
    expect(queueBefore.items[0]?.communityName).toBe('塔谈社区');
    const { updated } = await app.ok(HUITONG, 'admin', 'renameCommunity', { communityId: 'c-tatan', name: '塔谈新区社区' });
    expect(updated).toBeGreaterThan(0);
    expect((await app.ok(RESIDENT, 'groups', 'detail', { groupId: 'g_seed_laonian' })).group.communityName).toBe('塔谈新区社区');
    expect((await app.ok(WORKER, 'filings', 'queue', {})).items[0]?.communityName).toBe('塔谈新区社区');
    expect((await app.ok(RESIDENT, 'account', 'communities', {})).items.map((c) => c.name)).toContain('塔谈新区社区');
    // The old name is free again in the street, the new one taken.
    expect(await create(DISTRICT, '塔谈新区社区')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('the audit log viewer', () => {
  it('filters by record, person and action, newest first, within the caller’s scope only', async () => {
    const { community } = await app.ok(DISTRICT, 'admin', 'createCommunity', { streetId: 's-huitong', name: '新华社区', requestId: requestId() });
    app.clock.advance(1000);
    await app.ok(DISTRICT, 'admin', 'assign', { openid: WORKER, level: 'community', placeId: community.id });
    app.clock.advance(1000);
    await app.ok(DISTRICT, 'admin', 'renameCommunity', { communityId: community.id, name: '新华里社区' });
    app.clock.advance(1000);
    await app.call(SW_YOUYI, 'growth', 'overview', { communityId: community.id });

    const byRecord = await app.ok(DISTRICT, 'admin', 'audit', { entityId: community.id });
    expect(byRecord.items.map((l) => l.actionLabel)).toEqual(['越权操作被拒绝：查看社区统计', '修改社区名称', '新建社区']);
    expect(byRecord.items[1]).toMatchObject({ actorName: '王丽', detail: '新华社区 → 新华里社区', placeName: '新华里社区' });

    const denied = await app.ok(HUITONG, 'admin', 'audit', { actor: SW_YOUYI });
    expect(denied.items.map((l) => l.actionLabel)).toEqual(['越权操作被拒绝：查看社区统计']);
    const assigned = await app.ok(HUITONG, 'admin', 'audit', { auditAction: 'assignment:add' });
    expect(assigned.items.map((l) => l.detail)).toEqual(['刘芳 · 社区 新华里社区'.replace('新华里社区', '新华社区')]);

    // 振头街道's officer sees none of it, nor does 友谊社区's social worker; 刘芳 (assigned to both) sees both.
    expect((await app.ok(ZHENTOU, 'admin', 'audit', { entityId: community.id })).items).toEqual([]);
    expect((await app.ok(SW_YOUYI, 'admin', 'audit', {})).items.map((l) => l.placeName)).not.toContain('新华里社区');
    const worker = await app.ok(WORKER, 'admin', 'audit', {});
    expect(new Set(worker.items.map((l) => l.placeName))).toEqual(new Set(['塔谈社区', '新华里社区']));
  });

  it('pages newest first with a cursor', async () => {
    for (let i = 0; i < 25; i += 1) {
      app.clock.advance(1000);
      await app.call(SW_YOUYI, 'growth', 'overview', { communityId: 'c-tatan' });
    }
    const first = await app.ok(DISTRICT, 'admin', 'audit', { actor: SW_YOUYI });
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    const second = await app.ok(DISTRICT, 'admin', 'audit', { actor: SW_YOUYI, cursor: first.nextCursor! });
    expect(second.items).toHaveLength(5);
    const times = [...first.items, ...second.items].map((l) => l.at);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('a refused filing decision by a social worker of another community is logged; filing history is unchanged', async () => {
    const { items } = await app.ok(WORKER, 'filings', 'queue', {});
    const filingId = items[0]!.id;
    const answer = await app.call(SW_YOUYI, 'filings', 'decide', { filingId, decision: 'approve' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const seen = await app.ok(WORKER, 'admin', 'audit', { entityId: filingId });
    expect(seen.items.map((l) => l.action)).toEqual(['denied:filings.decide', 'filing:submitted']);
    const { history } = await app.ok(WORKER, 'filings', 'get', { filingId });
    expect(history.map((h) => h.to)).toEqual(['submitted']);
  });
});
