import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TFunctionName } from '../types';
import { C, type TGroupDoc } from '../cloudfunctions/core/collections';
import { HANDLERS } from '../cloudfunctions/core/functions';
import { INDEXES } from '../cloudfunctions/core/indexes';
import { localPorts } from '../cloudfunctions/core/platform/local-ports';
import { createSqliteStore } from '../cloudfunctions/core/storage/sqlite';
import { seedDemoData } from './seed/seed';

/**
 * `npm run bench`: the design's scaling budget — an action's latency at 100 000 groups stays within 1.2× of its
 * latency at 1 000. The community under test (塔谈社区) holds the same 500 groups in both runs; only the rest of
 * the collection grows, so the ratio measures whether the queries stay on their indexes.
 */
const TARGET_COMMUNITY_GROUPS = 500;
const SIZES = [1_000, 100_000];
const ITERATIONS = 400;
const BUDGET = 1.2;

type TCase = { name: string; fn: TFunctionName; as: string; event: () => Record<string, unknown> };

async function populate(size: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-'));
  const store = createSqliteStore({ file: path.join(dir, 'bench.db'), indexes: INDEXES });
  await seedDemoData(store);
  const groups = store.collection<TGroupDoc>(C.groups);
  const template = (await groups.get('g_seed_hechang'))!;
  const { _id, createdAt, updatedAt, version, ...rest } = template;
  await store.transaction(async (tx) => {
    for (let i = 0; i < size; i += 1) {
      const inTarget = i < TARGET_COMMUNITY_GROUPS;
      await tx.insert<TGroupDoc>(C.groups, {
        ...rest,
        _id: `g_bench_${i}`,
        name: `${inTarget ? '塔谈' : '其他'}兴趣小组${i}`,
        communityId: inTarget ? 'c-tatan' : `c-other-${i % 400}`,
        lastActiveAt: 1_000_000 + ((i * 7919) % size),
      });
    }
  });
  return { store, dir };
}

async function measure(size: number, cases: TCase[]) {
  const { store, dir } = await populate(size);
  const ports = localPorts(store);
  const results: Record<string, number> = {};
  // A cursor 10 pages deep, to show deep pages cost what the first one does.
  let deepCursor: string | null = null;
  for (let page = 0; page < 10; page += 1) {
    const r = (await HANDLERS.groups({ action: 'directory', communityId: 'c-tatan', cursor: deepCursor ?? undefined }, { ...ports, caller: { openid: 'demo-resident' } })) as { ok: true; data: { nextCursor: string | null } };
    deepCursor = r.data.nextCursor;
  }
  for (const c of cases) {
    const run = async () => {
      const event = c.event();
      if (event.cursor === 'DEEP') event.cursor = deepCursor;
      const r = await HANDLERS[c.fn](event, { ...ports, caller: { openid: c.as } });
      if (!r.ok) throw new Error(`${c.name}: ${JSON.stringify(r.error)}`);
    };
    for (let i = 0; i < 50; i += 1) await run(); // warm up
    const samples: number[] = [];
    for (let i = 0; i < ITERATIONS; i += 1) {
      const start = process.hrtime.bigint();
      await run();
      samples.push(Number(process.hrtime.bigint() - start) / 1000);
    }
    samples.sort((a, b) => a - b);
    results[c.name] = samples[Math.floor(samples.length / 2)]!;
  }
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return results;
}

const CASES: TCase[] = [
  { name: 'groups.directory first page', fn: 'groups', as: 'demo-resident', event: () => ({ action: 'directory', communityId: 'c-tatan' }) },
  { name: 'groups.directory page 11 (cursor)', fn: 'groups', as: 'demo-resident', event: () => ({ action: 'directory', communityId: 'c-tatan', cursor: 'DEEP' }) },
  { name: 'groups.directory by category', fn: 'groups', as: 'demo-resident', event: () => ({ action: 'directory', communityId: 'c-tatan', category: 'culture_sports' }) },
  { name: 'groups.directory search', fn: 'groups', as: 'demo-resident', event: () => ({ action: 'directory', communityId: 'c-tatan', q: '兴趣' }) },
  { name: 'groups.detail', fn: 'groups', as: 'demo-resident', event: () => ({ action: 'detail', groupId: 'g_bench_7' }) },
  { name: 'filings.queue', fn: 'filings', as: 'demo-social-worker', event: () => ({ action: 'queue' }) },
  { name: 'account.me', fn: 'account', as: 'demo-leader', event: () => ({ action: 'me' }) },
];

async function main() {
  const bySize: Record<number, Record<string, number>> = {};
  for (const size of SIZES) {
    const started = Date.now();
    bySize[size] = await measure(size, CASES);
    console.log(`  ${size.toLocaleString()} groups measured in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const [small, large] = SIZES as [number, number];
  console.log(`\n| action | p50 @ ${small.toLocaleString()} (µs) | p50 @ ${large.toLocaleString()} (µs) | ratio |`);
  console.log('|---|---:|---:|---:|');
  let worst = 0;
  for (const c of CASES) {
    const a = bySize[small]![c.name]!;
    const b = bySize[large]![c.name]!;
    worst = Math.max(worst, b / a);
    console.log(`| ${c.name} | ${a.toFixed(0)} | ${b.toFixed(0)} | ${(b / a).toFixed(2)}× |`);
  }
  console.log(`\nworst ratio ${worst.toFixed(2)}× — budget ${BUDGET}×: ${worst <= BUDGET ? 'within budget' : 'OVER BUDGET'}`);
  process.exitCode = worst <= BUDGET ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
