/**
 * Timing without letting noise decide. The two databases are timed in pairs: within a block the calls
 * alternate between them one by one (which goes first alternates too), so a busy moment of the machine lands
 * on both sides alike. A block gives each side its median; the bench runs several rounds of blocks and takes
 * the median of each side's block medians, so one spoiled block cannot decide the verdict either.
 */
export interface TBlockLimits {
  /** Pairs of calls. */
  minPairs: number;
  maxPairs: number;
  /** A block stops after this long once it has its minimum. */
  maxMs: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1000;
}

/** The median time of one call on each side, in µs, over one block of alternating calls. */
export async function timePairs(a: () => Promise<unknown>, b: () => Promise<unknown>, limits: TBlockLimits): Promise<[number, number]> {
  const as: number[] = [];
  const bs: number[] = [];
  const started = process.hrtime.bigint();
  const elapsedMs = () => Number(process.hrtime.bigint() - started) / 1e6;
  while (as.length < limits.maxPairs && (as.length < limits.minPairs || elapsedMs() < limits.maxMs)) {
    if (as.length % 2) {
      bs.push(await timed(b));
      as.push(await timed(a));
    } else {
      as.push(await timed(a));
      bs.push(await timed(b));
    }
  }
  return [median(as), median(bs)];
}
