import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What the bench found for one case. */
export interface TCaseResult {
  name: string;
  /** Median of the per-round medians, µs. */
  small: number;
  large: number;
  ratio: number;
  /** Lowest and highest of the per-round ratios: how much the rounds disagreed. */
  roundRatios: [number, number];
  requests: { small: number; large: number };
}

export interface TBenchReport {
  sizes: { small: number; large: number };
  rows: { small: Record<string, number>; large: Record<string, number> };
  rounds: number;
  budget: number;
  results: TCaseResult[];
  seconds: number;
}

const n = (x: number) => x.toLocaleString('en-US').replace(/,/g, ' ');
const us = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} ms` : `${x.toFixed(0)} µs`);

export function worst(report: TBenchReport): TCaseResult {
  return report.results.reduce((a, b) => (b.ratio > a.ratio ? b : a));
}

export function renderReport(report: TBenchReport): string {
  const { small, large } = report.sizes;
  const collections = Object.keys(report.rows.large);
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ` +
      `${report.rounds} interleaved rounds, ${Math.round(report.seconds)} s in all. Rows besides the demo seed:`,
    '',
    `| collection | at ${n(small)} groups | at ${n(large)} groups |`,
    '|---|---:|---:|',
    ...collections.map((c) => `| ${c} | ${n(report.rows.small[c] ?? 0)} | ${n(report.rows.large[c] ?? 0)} |`),
    '',
    `| action | p50 @ ${n(small)} | p50 @ ${n(large)} | ratio | per-round ratios | requests |`,
    '|---|---:|---:|---:|---|---:|',
    ...report.results.map((r) => {
      const flag = r.ratio > report.budget ? ' **over**' : '';
      const requests = r.requests.small === r.requests.large ? `${r.requests.large}` : `${r.requests.small} / ${r.requests.large}`;
      return `| ${r.name} | ${us(r.small)} | ${us(r.large)} | ${r.ratio.toFixed(2)}×${flag} | ${r.roundRatios[0].toFixed(2)}–${r.roundRatios[1].toFixed(2)}× | ${requests} |`;
    }),
    '',
  ];
  const w = worst(report);
  const over = report.results.filter((r) => r.ratio > report.budget);
  lines.push(
    over.length
      ? `Over the ${report.budget}× budget: ${over.map((r) => `${r.name} (${r.ratio.toFixed(2)}×)`).join(', ')}.`
      : `Worst ratio ${w.ratio.toFixed(2)}× (${w.name}): within the ${report.budget}× budget.`,
  );
  return lines.join('\n');
}

const DOC = path.join(__dirname, '../../docs/requests.md');
const BEGIN = '<!-- bench:begin (written by `npm run bench -- --write`) -->';
const END = '<!-- bench:end -->';

/** Replaces the bench section of docs/requests.md; the rest of the doc is the request-budget test's. */
export function writeReport(markdown: string): void {
  const doc = readFileSync(DOC, 'utf8');
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/requests.md has no ${BEGIN} … ${END} section`);
  writeFileSync(DOC, `${doc.slice(0, start + BEGIN.length)}\n${markdown}\n${doc.slice(end)}`);
}
