import { HANDLERS } from '../cloudfunctions/core/functions';
import { localPorts, outboxNotifier } from '../cloudfunctions/core/platform/local-ports';
import { createCountingStore } from '../cloudfunctions/core/storage/counting';
import { CASES, callOk, eventInput, type TBenchCase, type TCaseEnv } from './bench/cases';
import { buildFixture, type TFixture } from './bench/fixture';
import { median, timePairs } from './bench/measure';
import { renderReport, worst, writeReport, type TBenchReport, type TCaseResult } from './bench/report';

/**
 * `npm run bench` (`-- --write` also records the results in docs/requests.md): the design's scaling budget.
 * Every action's latency at 100 000 groups stays within 1.2× of its latency at 1 000, with every collection an
 * action reads grown in proportion (bench/fixture.ts). Both databases stay open and each case's calls alternate
 * between them one by one, over several rounds (bench/measure.ts), so a busy moment of this shared machine
 * cannot decide the verdict. Each case's requests are counted too, with the counting store the request-budget test uses.
 */
const SIZES = { small: 1_000, large: 100_000 } as const;
const ROUNDS = 9;
const BLOCK = { minPairs: 15, maxPairs: 300, maxMs: 300 };
const WARMUP = { minPairs: 20, maxPairs: 20, maxMs: 0 };
const BUDGET = 1.2;

interface TDatabase {
  fixture: TFixture;
  env: TCaseEnv;
  run(c: TBenchCase): Promise<unknown>;
  /** Runs the case once through the counting store: how many requests it would send to CloudBase. */
  requests(c: TBenchCase): Promise<number>;
}

async function openDatabase(groups: number): Promise<TDatabase> {
  const started = Date.now();
  const fixture = await buildFixture(groups);
  const ports = localPorts(fixture.store);
  const counting = createCountingStore(fixture.store);
  // Notices are WeChat calls in production, not database requests: the outbox stays uncounted.
  const countingPorts = localPorts(counting, { notifier: outboxNotifier(fixture.store) });

  let deepCursor: string | undefined;
  for (let page = 0; page < 10; page += 1) {
    const data = (await callOk(HANDLERS.groups, { action: 'directory', communityId: 'c-tatan', cursor: deepCursor }, ports, 'demo-resident')) as {
      nextCursor: string | null;
    };
    if (!data.nextCursor) throw new Error('the directory ran out before page 11');
    deepCursor = data.nextCursor;
  }
  const draft = (await callOk(HANDLERS.filings, { action: 'saveDraft', requestId: 'bench-autosave', fields: { name: '书法社' } }, ports, 'demo-leader')) as {
    filing: { id: string };
  };
  const createEvent = async (startsIn: number, requestId: string) => {
    const input = eventInput(Date.now() + startsIn, requestId);
    const created = (await callOk(HANDLERS.events, { action: 'create', ...input }, ports, 'demo-leader')) as { events: Array<{ id: string }> };
    return created.events[0]!.id;
  };
  const eventId = await createEvent(3 * 86_400_000, 'bench-event-class');
  await callOk(HANDLERS.events, { action: 'signUp', eventId }, ports, 'demo-resident');
  // Starts in 20 minutes, so its check-in (open from 30 minutes before) stays open through the whole bench.
  const soonEventId = await createEvent(20 * 60_000, 'bench-event-soon');
  const env: TCaseEnv = { deepCursor: deepCursor!, draftId: draft.filing.id, eventId, soonEventId };
  console.log(`  ${groups.toLocaleString()} groups built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return {
    fixture,
    env,
    run: (c) => callOk(HANDLERS[c.fn], c.event(env), ports, c.as),
    async requests(c) {
      counting.reset();
      await callOk(HANDLERS[c.fn], c.event(env), countingPorts, c.as);
      return counting.requests.length;
    },
  };
}

type TPair = { small: TDatabase; large: TDatabase };

/** Each case's block medians at both scales, round after round. */
async function timeCases(dbs: TPair) {
  for (const c of CASES) await timePairs(() => dbs.small.run(c), () => dbs.large.run(c), WARMUP);
  const blocks = new Map(CASES.map((c) => [c.name, { small: [] as number[], large: [] as number[] }]));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const c of CASES) {
      const [atSmall, atLarge] = await timePairs(() => dbs.small.run(c), () => dbs.large.run(c), BLOCK);
      blocks.get(c.name)!.small.push(atSmall);
      blocks.get(c.name)!.large.push(atLarge);
    }
    console.log(`  round ${round + 1}/${ROUNDS} done`);
  }
  return blocks;
}

async function summarize(dbs: TPair, blocks: Awaited<ReturnType<typeof timeCases>>): Promise<TCaseResult[]> {
  const results: TCaseResult[] = [];
  for (const c of CASES) {
    const b = blocks.get(c.name)!;
    const perRound = b.small.map((s, i) => b.large[i]! / s);
    const small = median(b.small);
    const large = median(b.large);
    results.push({
      name: c.name,
      small,
      large,
      ratio: large / small,
      roundRatios: [Math.min(...perRound), Math.max(...perRound)],
      requests: { small: await dbs.small.requests(c), large: await dbs.large.requests(c) },
    });
  }
  return results;
}

async function main() {
  const write = process.argv.includes('--write');
  const started = Date.now();
  const small = await openDatabase(SIZES.small);
  let large: TDatabase | undefined;
  try {
    large = await openDatabase(SIZES.large);
    const dbs = { small, large };
    const results = await summarize(dbs, await timeCases(dbs));
    const report: TBenchReport = {
      sizes: SIZES,
      rows: { small: small.fixture.rows, large: large.fixture.rows },
      rounds: ROUNDS,
      budget: BUDGET,
      results,
      seconds: (Date.now() - started) / 1000,
    };
    const markdown = renderReport(report);
    console.log(`\n${markdown}`);
    if (write) writeReport(markdown);
    process.exitCode = worst(report).ratio <= BUDGET ? 0 : 1;
  } finally {
    await small.fixture.close();
    await large?.fixture.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
