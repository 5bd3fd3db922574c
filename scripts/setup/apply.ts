/**
 * Carries out a setup plan against an environment, changing only what differs, so a rerun changes nothing.
 *
 * `TSetupManager` is the slice of `@cloudbase/manager-node`'s `CloudBase` object that setup uses (a real
 * manager fits it as is; tests pass a recording fake). Documents go through the storage port (the CloudBase
 * adapter in production), so they carry the same meta fields as documents the functions write.
 */
import type { TStore, TStoredMeta } from '../../cloudfunctions/core/storage/port';
import type { TPlannedIndex, TSetupPlan } from './plan';

export interface TManagerIndexKey {
  Name: string;
  Direction: string;
}

export interface TSetupManager {
  database: {
    createCollectionIfNotExists(name: string): Promise<{ IsCreated: boolean }>;
    describeCollection(name: string): Promise<{ Indexes?: Array<{ Name: string; Keys?: Array<{ Name?: string; Direction?: string }> }> }>;
    updateCollection(
      name: string,
      info: {
        CreateIndexes?: Array<{ IndexName: string; MgoKeySchema: { MgoIsUnique: boolean; MgoIndexKeys: TManagerIndexKey[] } }>;
        DropIndexes?: Array<{ IndexName: string }>;
      },
    ): Promise<unknown>;
  };
  /** Tencent Cloud API passthrough; setup calls `tcb` DescribeDatabaseACL / ModifyDatabaseACL with it. */
  commonService(service?: string, version?: string): { call(options: { Action: string; Param: Record<string, unknown> }): Promise<unknown> };
}

export interface TSetupTarget {
  envId: string;
  manager: TSetupManager;
  store: TStore;
}

export type TStepResult = 'created' | 'updated' | 'recreated' | 'unchanged';

export interface TSetupStep {
  kind: 'collection' | 'index' | 'acl' | 'document';
  name: string;
  result: TStepResult;
}

/** CloudBase index key: field name and '1' / '-1'. */
export function indexKeys(ix: TPlannedIndex): TManagerIndexKey[] {
  return ix.fields.map(([field, dir]) => ({ Name: field, Direction: dir === 'asc' ? '1' : '-1' }));
}

function sameKeys(existing: Array<{ Name?: string; Direction?: string }> | undefined, wanted: TManagerIndexKey[]): boolean {
  const have = (existing ?? []).map((k) => `${k.Name}:${Number(k.Direction) < 0 ? -1 : 1}`);
  return have.join(',') === wanted.map((k) => `${k.Name}:${Number(k.Direction)}`).join(',');
}

function createIndex(ix: TPlannedIndex) {
  return { IndexName: ix.name, MgoKeySchema: { MgoIsUnique: false, MgoIndexKeys: indexKeys(ix) } };
}

/** Indexes of one collection: create the missing, and recreate one whose keys differ (names stay stable). */
async function ensureIndexes(manager: TSetupManager, collection: string, wanted: TPlannedIndex[]): Promise<TSetupStep[]> {
  if (!wanted.length) return [];
  // describeCollection is what manager-node's checkIndexExists reads too; one call gives every index's keys.
  const existing = (await manager.database.describeCollection(collection)).Indexes ?? [];
  const steps: TSetupStep[] = [];
  const create: TPlannedIndex[] = [];
  for (const ix of wanted) {
    const found = existing.find((e) => e.Name === ix.name);
    const name = `${collection}.${ix.name}`;
    if (!found) {
      create.push(ix);
      steps.push({ kind: 'index', name, result: 'created' });
    } else if (!sameKeys(found.Keys, indexKeys(ix))) {
      // e.g. an index created by hand before the `_id` suffix: same name, older keys.
      await manager.database.updateCollection(collection, { DropIndexes: [{ IndexName: ix.name }] });
      create.push(ix);
      steps.push({ kind: 'index', name, result: 'recreated' });
    } else {
      steps.push({ kind: 'index', name, result: 'unchanged' });
    }
  }
  if (create.length) await manager.database.updateCollection(collection, { CreateIndexes: create.map(createIndex) });
  return steps;
}

async function ensureAcl(target: TSetupTarget, collection: string, aclTag: string): Promise<TSetupStep> {
  const tcb = target.manager.commonService('tcb', '2018-06-08');
  const param = { EnvId: target.envId, CollectionName: collection };
  const current = (await tcb.call({ Action: 'DescribeDatabaseACL', Param: param })) as { AclTag?: string } | undefined;
  if (current?.AclTag === aclTag) return { kind: 'acl', name: collection, result: 'unchanged' };
  await tcb.call({ Action: 'ModifyDatabaseACL', Param: { ...param, AclTag: aclTag } });
  return { kind: 'acl', name: collection, result: 'updated' };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function upsert(store: TStore, doc: TSetupPlan['documents'][number]): Promise<TSetupStep> {
  const name = `${doc.collection}/${doc._id}`;
  const coll = store.collection<TStoredMeta & Record<string, unknown>>(doc.collection);
  const current = await coll.get(doc._id);
  if (!current) {
    await coll.insert({ _id: doc._id, ...doc.onCreate, ...doc.fields });
    return { kind: 'document', name, result: 'created' };
  }
  const patch = Object.fromEntries(Object.entries(doc.fields).filter(([key, value]) => !same(current[key], value)));
  if (!Object.keys(patch).length) return { kind: 'document', name, result: 'unchanged' };
  if (!(await coll.updateIfVersion(doc._id, current.version, patch))) {
    throw new Error(`${name} 在设置期间被修改，请重新运行 / changed while setup ran: run it again`);
  }
  return { kind: 'document', name, result: 'updated' };
}

/** Runs the plan in order: collections, their indexes and rule, then the documents. Returns every step. */
export async function applyPlan(plan: TSetupPlan, target: TSetupTarget, log: (step: TSetupStep) => void = () => {}): Promise<TSetupStep[]> {
  const steps: TSetupStep[] = [];
  const record = (step: TSetupStep) => {
    steps.push(step);
    log(step);
  };
  for (const collection of plan.collections) {
    const { IsCreated } = await target.manager.database.createCollectionIfNotExists(collection);
    record({ kind: 'collection', name: collection, result: IsCreated ? 'created' : 'unchanged' });
    const wanted = plan.indexes.filter((ix) => ix.collection === collection);
    for (const step of await ensureIndexes(target.manager, collection, wanted)) record(step);
    record(await ensureAcl(target, collection, plan.aclTag));
  }
  const orphan = plan.indexes.find((ix) => !plan.collections.includes(ix.collection));
  if (orphan) throw new Error(`index ${orphan.name} belongs to ${orphan.collection}, which is not in C (core/collections.ts)`);
  for (const doc of plan.documents) record(await upsert(target.store, doc));
  return steps;
}

/**
 * Staff in the environment whom the plan does not list (someone who left, or a partial org file). Setup never
 * revokes roles by itself, since a partial file would strip reviewers. It names them so a person decides.
 */
export async function unlistedStaff(plan: TSetupPlan, store: TStore): Promise<string[]> {
  const listed = new Set(plan.documents.filter((d) => d.collection === 'users').map((d) => d._id));
  const found = new Set<string>();
  for (const role of ['social_worker', 'admin']) {
    let cursor: string | undefined;
    do {
      const page = await store.collection('users').find({ where: { roles: { has: role } }, limit: 100, cursor });
      for (const user of page.items) if (!listed.has(user._id)) found.add(user._id);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return [...found].sort();
}
