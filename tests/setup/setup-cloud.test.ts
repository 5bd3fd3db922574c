import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { C } from '../../cloudfunctions/core/collections';
import { INDEXES } from '../../cloudfunctions/core/indexes';
import { createCloudbaseStore } from '../../cloudfunctions/core/storage/cloudbase';
import { createSqliteStore, type TSqliteStore } from '../../cloudfunctions/core/storage/sqlite';
import { applyPlan, indexKeys, unlistedStaff, type TSetupManager, type TSetupStep } from '../../scripts/setup/apply';
import { OrgFileError, orgFromCsv, readOrgFile, validateOrg } from '../../scripts/setup/org-file';
import { planFromOrg, planSetup, type TSetupPlan } from '../../scripts/setup/plan';
import { fakeCloudbase } from '../storage/fake-cloudbase';

const ROOT = path.join(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'scripts/setup/seed-org.example.json');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'setup-cloud-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const community = (id: string, streetId = 's1') => ({
  _id: id,
  name: `${id}社区`,
  streetId,
  streetName: `${streetId}街道`,
  districtId: 'd1',
  districtName: '桥西区',
  cityName: '石家庄市',
});
const ORG = {
  communities: [community('c1'), community('c2'), community('c3', 's2')],
  staff: [
    { openid: 'o-worker', displayName: '刘芳', roles: ['social_worker'], reviewCommunityIds: ['c1'] },
    { openid: 'o-admin', displayName: '赵明', roles: ['admin'], streetId: 's1' },
  ],
};

describe('the plan', () => {
  it('creates every collection of C and exactly the indexes of core/indexes.ts', () => {
    const plan = planFromOrg(validateOrg(ORG));
    expect(plan.collections).toEqual(Object.values(C));
    expect(plan.indexes).toEqual(INDEXES);
    expect(plan.aclTag).toBe('ADMINONLY');
  });

  it('upserts places, communities and staff; an admin street becomes a street assignment (the scope is derived when read)', () => {
    const plan = planFromOrg(validateOrg(ORG));
    expect(plan.documents.map((d) => `${d.collection}/${d._id}`)).toEqual([
      'places/d1',
      'places/s1',
      'places/s2',
      'communities/c1',
      'communities/c2',
      'communities/c3',
      'users/o-worker',
      'users/o-admin',
    ]);
    expect(plan.documents.find((d) => d._id === 'o-admin')).toEqual({
      collection: 'users',
      _id: 'o-admin',
      fields: {
        displayName: '赵明',
        roles: ['admin'],
        assignments: [{ level: 'street', placeId: 's1', since: 0, by: 'setup' }],
        assignedWithin: ['d1', 's1'],
      },
      onCreate: { communityId: null },
    });
    expect(plan.documents.find((d) => d._id === 'c3')?.fields).toEqual({
      name: 'c3社区',
      streetId: 's2',
      streetName: 's2街道',
      districtId: 'd1',
      districtName: '桥西区',
      cityName: '石家庄市',
    });
  });

  it('the example file is valid, and a CSV file says the same as JSON', () => {
    expect(planSetup(EXAMPLE).documents).toHaveLength(8); // a district, two streets, three communities, two staff
    const csv = [
      'type,id,name,streetId,streetName,districtId,districtName,cityName,roles,reviewCommunityIds',
      ...ORG.communities.map((c) => `community,${c._id},${c.name},${c.streetId},${c.streetName},${c.districtId},${c.districtName},${c.cityName},,`),
      'staff,o-worker,刘芳,,,,,,social_worker,c1',
      '"staff","o-admin","赵明","s1",,,,,"admin",',
    ].join('\r\n');
    const file = path.join(tmp, 'org.csv');
    writeFileSync(file, `\uFEFF${csv}\r\n`);
    expect(readOrgFile(file)).toEqual(validateOrg(ORG));
    expect(() => orgFromCsv('type,id,name\nperson,x,y\n')).toThrow(/row 2: type must be community or staff/);
  });
});

describe('a bad org file is refused before anything is sent, every problem named in Chinese and English', () => {
  const problemsOf = (raw: unknown): string[] => {
    try {
      validateOrg(raw, 'org.json');
    } catch (err) {
      expect(err).toBeInstanceOf(OrgFileError);
      return (err as OrgFileError).problems;
    }
    throw new Error('expected the org file to be refused');
  };

  it('missing fields', () => {
    const { cityName: _drop, ...noCity } = community('c9');
    const problems = problemsOf({ communities: [noCity], staff: [{ openid: 'o1', roles: ['social_worker'], reviewCommunityIds: [] }] });
    expect(problems).toEqual([
      'communities[0] 缺少 cityName / missing cityName',
      'staff[0] (o1) 缺少 displayName / missing displayName',
      'staff[0] (o1) 没有可审核的社区：填写 reviewCommunityIds，管理员也可填 streetId / reviews no community: give reviewCommunityIds (or an admin\'s streetId)',
    ]);
    expect(problemsOf({ communities: [] })).toEqual(['缺少 staff 列表 / staff must be a list']);
  });

  it('a community no one listed, a street with no community, a role that does not exist, duplicates', () => {
    const problems = problemsOf({
      communities: [community('c1'), community('c1')],
      staff: [
        { openid: 'o1', displayName: '甲', roles: ['social_worker'], reviewCommunityIds: ['c1', 'c404'] },
        { openid: 'o2', displayName: '乙', roles: ['admin'], streetId: 's404' },
        { openid: 'o2', displayName: '丙', roles: ['boss'], reviewCommunityIds: ['c1'] },
        { openid: 'o3', displayName: '丁', roles: ['social_worker'], streetId: 's1' },
      ],
    });
    expect(problems).toEqual([
      '社区 _id "c1" 重复 / duplicate community _id c1',
      'staff[0] (o1) 的 reviewCommunityIds 中 c404 不在 communities 里 / unknown community c404',
      'staff[1] (o2) 的街道 s404 下没有社区 / no community has streetId s404',
      'staff[2] (o2) openid 重复 / duplicate openid',
      'staff[2] (o2) 的角色 boss 不存在，只能是 social_worker、admin / unknown roles boss',
      'staff[3] (o3) 只有管理员（admin）可以按街道 streetId 分配 / only an admin may be given a streetId',
    ]);
  });

  it('not JSON, or no such file', () => {
    const file = path.join(tmp, 'broken.json');
    writeFileSync(file, '{ "communities": [');
    expect(() => readOrgFile(file)).toThrow(/不是合法的 JSON \/ not valid JSON/);
    expect(() => readOrgFile(path.join(tmp, 'nope.json'))).toThrow(/cannot read the file/);
  });
});

/** Records every call; holds collections, index keys and rules like an environment would. */
class RecordingManager implements TSetupManager {
  readonly calls: string[] = [];
  readonly collections = new Set<string>();
  readonly indexes = new Map<string, Array<{ Name: string; Keys: Array<{ Name: string; Direction: string }> }>>();
  readonly acl = new Map<string, string>();

  database = {
    createCollectionIfNotExists: async (name: string) => {
      this.calls.push(`createCollectionIfNotExists ${name}`);
      const IsCreated = !this.collections.has(name);
      this.collections.add(name);
      return { IsCreated };
    },
    describeCollection: async (name: string) => {
      this.calls.push(`describeCollection ${name}`);
      if (!this.collections.has(name)) throw new Error(`no collection ${name}`);
      return { Indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }] }, ...(this.indexes.get(name) ?? [])] };
    },
    updateCollection: async (name: string, info: Parameters<TSetupManager['database']['updateCollection']>[1]) => {
      this.calls.push(`updateCollection ${name} ${JSON.stringify(info)}`);
      let list = this.indexes.get(name) ?? [];
      for (const drop of info.DropIndexes ?? []) list = list.filter((ix) => ix.Name !== drop.IndexName);
      for (const ix of info.CreateIndexes ?? []) {
        if (list.some((e) => e.Name === ix.IndexName)) throw new Error(`index ${ix.IndexName} exists`);
        list.push({ Name: ix.IndexName, Keys: ix.MgoKeySchema.MgoIndexKeys });
      }
      this.indexes.set(name, list);
    },
  };

  commonService(service?: string, version?: string) {
    return {
      call: async ({ Action, Param }: { Action: string; Param: Record<string, unknown> }) => {
        this.calls.push(`${service}/${version} ${Action} ${JSON.stringify(Param)}`);
        const coll = Param.CollectionName as string;
        if (Param.EnvId !== 'env-test') throw new Error('wrong env');
        if (Action === 'DescribeDatabaseACL') return { AclTag: this.acl.get(coll) ?? 'READONLY' };
        if (Action === 'ModifyDatabaseACL') return void this.acl.set(coll, Param.AclTag as string);
        throw new Error(`unexpected ${Action}`);
      },
    };
  }

}

describe('applyPlan against a recording manager', () => {
  let manager: RecordingManager;
  let store: TSqliteStore;
  let plan: TSetupPlan;
  const run = () => applyPlan(plan, { envId: 'env-test', manager, store });
  const changed = (steps: TSetupStep[]) => steps.filter((s) => s.result !== 'unchanged');

  beforeEach(() => {
    manager = new RecordingManager();
    store = createSqliteStore({ file: ':memory:' });
    plan = planFromOrg(validateOrg(ORG));
  });
  afterEach(() => store.close());

  it('first run creates every collection, index, rule and document', async () => {
    const steps = await run();
    expect([...manager.collections]).toEqual(Object.values(C));
    for (const ix of INDEXES) {
      expect(manager.indexes.get(ix.collection)?.find((e) => e.Name === ix.name)?.Keys).toEqual(indexKeys(ix));
    }
    expect(manager.indexes.get('filings')?.[0]?.Keys).toEqual([
      { Name: 'openid', Direction: '1' },
      { Name: 'updatedAt', Direction: '-1' },
      { Name: '_id', Direction: '1' },
    ]);
    for (const name of Object.values(C)) expect(manager.acl.get(name)).toBe('ADMINONLY');
    expect(changed(steps)).toHaveLength(steps.length);
    // One updateCollection per collection with indexes: all its missing indexes at once.
    expect(manager.calls.filter((c) => c.startsWith('updateCollection'))).toHaveLength(new Set(INDEXES.map((i) => i.collection)).size);
    expect(await store.collection('users').get('o-admin')).toMatchObject({
      displayName: '赵明',
      roles: ['admin'],
      assignments: [{ level: 'street', placeId: 's1', since: 0, by: 'setup' }],
      communityId: null,
      version: 1,
    });
    expect(await store.collection('communities').count()).toBe(3);
  });

  it('a second run changes nothing: no write reaches the manager or the store', async () => {
    await run();
    const before = manager.calls.length;
    const steps = await run();
    expect(changed(steps)).toEqual([]);
    expect(manager.calls.slice(before).filter((c) => /updateCollection|ModifyDatabaseACL/.test(c))).toEqual([]);
    expect((await store.collection('users').get('o-admin'))?.version).toBe(1);
    expect((await store.collection('communities').get('c1'))?.version).toBe(1);
  });

  it('skips what exists, creates what is missing, recreates an index whose keys are old, and keeps a person’s own community', async () => {
    // An environment set up by hand from the old README: a collection, an index without `_id`, one rule.
    manager.collections.add('filings');
    manager.indexes.set('filings', [
      { Name: 'filings_owner_updated', Keys: [{ Name: 'openid', Direction: '1' }, { Name: 'updatedAt', Direction: '-1' }] },
      { Name: 'filings_review_queue', Keys: indexKeys(INDEXES[1]!) },
    ]);
    manager.acl.set('filings', 'ADMINONLY');
    // A social worker who already used the app as a resident, and a community typed in by hand (no meta).
    await store.collection('users').insert({ _id: 'o-worker', displayName: '刘 芳', roles: [], communityId: 'c2' });
    await store.importRaw('communities', { ...community('c1') });

    const steps = await run();
    const result = (kind: string, name: string) => steps.find((s) => s.kind === kind && s.name === name)?.result;
    expect(result('collection', 'filings')).toBe('unchanged');
    expect(result('collection', 'groups')).toBe('created');
    expect(result('index', 'filings.filings_owner_updated')).toBe('recreated');
    expect(result('index', 'filings.filings_review_queue')).toBe('unchanged');
    expect(result('acl', 'filings')).toBe('unchanged');
    expect(result('acl', 'groups')).toBe('updated');
    expect(result('document', 'users/o-worker')).toBe('updated');
    expect(result('document', 'communities/c1')).toBe('unchanged');
    expect(manager.indexes.get('filings')?.find((e) => e.Name === 'filings_owner_updated')?.Keys).toEqual(indexKeys(INDEXES[0]!));
    expect(await store.collection('users').get('o-worker')).toMatchObject({
      displayName: '刘芳',
      roles: ['social_worker'],
      assignments: [{ level: 'community', placeId: 'c1', since: 0, by: 'setup' }],
      communityId: 'c2',
      version: 2,
    });
    expect(changed(await run())).toEqual([]);
  });

  it('names staff with roles whom the file no longer lists, and leaves them alone', async () => {
    await run();
    await store.collection('users').insert({ _id: 'o-left', displayName: '王', roles: ['social_worker'], assignments: [{ level: 'community', placeId: 'c1', since: 0, by: 'setup' }], communityId: null });
    await store.collection('users').insert({ _id: 'o-resident', displayName: '李', roles: [], communityId: 'c1' });
    expect(await unlistedStaff(plan, store)).toEqual(['o-left']);
    expect(changed(await run())).toEqual([]);
    expect((await store.collection('users').get('o-left'))?.roles).toEqual(['social_worker']);
  });

  it('a collection added to C later is created by the next run', async () => {
    await run();
    plan = { ...plan, collections: [...plan.collections, 'newcomer'] };
    expect(changed(await run()).map((s) => `${s.kind} ${s.name} ${s.result}`)).toEqual([
      'collection newcomer created',
      'acl newcomer updated',
    ]);
  });
});

describe('npm run setup:cloud (child process, no credentials)', () => {
  // Makes loading manager-node fail loudly, so a dry run that loaded it could not pass.
  const guard = path.join(tmp, 'no-manager.cjs');
  writeFileSync(
    guard,
    `const Module = require('module'); const load = Module._load;
     Module._load = function (request, ...rest) {
       if (String(request).includes('@cloudbase/manager-node')) throw new Error('manager-node was loaded');
       return load.call(this, request, ...rest);
     };`,
  );
  function setupCloud(args: string[], extraEnv: Record<string, string> = {}) {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: `--require ${guard}`, ...extraEnv };
    for (const name of ['TCB_ENV', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', 'TENCENTCLOUD_SESSIONTOKEN']) {
      if (!(name in extraEnv)) delete env[name];
    }
    const res = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/setup-cloud.ts'), ...args], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    return { code: res.status, out: res.stdout, err: res.stderr };
  }

  it('--dry-run prints collections, indexes with fields, the rule and the documents, and sends nothing', () => {
    const { code, out, err } = setupCloud(['--org', EXAMPLE, '--dry-run']);
    expect(err).toBe('');
    expect(code).toBe(0);
    for (const name of Object.values(C)) expect(out).toMatch(new RegExp(`^  ${name}$`, 'm'));
    for (const ix of INDEXES) {
      const fields = ix.fields.map(([f, d]) => `${f} ${d === 'asc' ? '↑' : '↓'}`).join(', ');
      expect(out).toContain(`  ${ix.collection}.${ix.name}: ${fields}\n`);
    }
    expect(out).toContain('ADMINONLY');
    expect(out).toContain('users/REPLACE-with-admin-openid {"displayName":"赵明","roles":["admin"],"assignments":[{"level":"street","placeId":"s-huitong","since":0,"by":"setup"}],"assignedWithin":["d-qiaoxi","s-huitong"]}');
    expect(out).toContain('nothing was sent');
  }, 30_000);

  it('without --dry-run and without credentials it stops before loading manager-node, naming what to set', () => {
    const file = path.join(tmp, 'org.json');
    writeFileSync(file, JSON.stringify(ORG));
    const { code, err } = setupCloud(['--org', file]);
    expect(code).toBe(1);
    expect(err).toContain('TCB_ENV、TENCENTCLOUD_SECRETID、TENCENTCLOUD_SECRETKEY');
    expect(err).not.toContain('manager-node was loaded');
  }, 30_000);

  it('the guard works: with (fake) credentials the apply path does load manager-node', () => {
    const file = path.join(tmp, 'org.json');
    writeFileSync(file, JSON.stringify(ORG));
    const { code, err } = setupCloud(['--org', file], { TCB_ENV: 'e', TENCENTCLOUD_SECRETID: 'x', TENCENTCLOUD_SECRETKEY: 'y' });
    expect(code).toBe(1);
    expect(err).toContain('manager-node was loaded');
  }, 30_000);

  it('a bad org file is refused with the list of problems; the example’s placeholder openids are never written', () => {
    const file = path.join(tmp, 'bad.json');
    writeFileSync(file, JSON.stringify({ communities: [community('c1')], staff: [{ ...ORG.staff[0], reviewCommunityIds: ['c404'] }] }));
    const bad = setupCloud(['--org', file, '--dry-run']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('组织文件有误 / invalid org file');
    expect(bad.err).toContain('staff[0] (o-worker) 的 reviewCommunityIds 中 c404 不在 communities 里 / unknown community c404');
    const example = setupCloud(['--org', EXAMPLE], { TCB_ENV: 'e', TENCENTCLOUD_SECRETID: 'x', TENCENTCLOUD_SECRETKEY: 'y' });
    expect(example.code).toBe(1);
    expect(example.err).toContain('replace the example openids');
    expect(example.err).not.toContain('manager-node was loaded');
  }, 30_000);
});

describe('applyPlan with the CloudBase adapter (real SDK, fake server)', () => {
  it('creates the collections before writing documents, as CloudBase requires', async () => {
    const fake = fakeCloudbase();
    try {
      const store = createCloudbaseStore({ db: fake.db });
      const plan = planFromOrg(validateOrg(ORG));
      // Without setup, the first write fails: CloudBase creates no collection on write.
      await expect(store.collection('communities').insert({ _id: 'c1' } as never)).rejects.toMatchObject({
        code: 'DATABASE_COLLECTION_NOT_EXIST',
      });
      const manager = new RecordingManager();
      const create = manager.database.createCollectionIfNotExists;
      manager.database.createCollectionIfNotExists = async (name: string) => {
        fake.server.createCollection(name);
        return create(name);
      };
      await applyPlan(plan, { envId: 'env-test', manager, store });
      for (const name of Object.values(C)) expect(fake.server.hasCollection(name)).toBe(true);
      expect(await store.collection('users').get('o-worker')).toMatchObject({ roles: ['social_worker'], version: 1 });
      const again = await applyPlan(plan, { envId: 'env-test', manager, store });
      expect(again.filter((s) => s.result !== 'unchanged')).toEqual([]);
    } finally {
      fake.restore();
    }
  });
});
