// Accessibility measured by a tool no one here wrote: Deque's axe-core, run inside the page under test.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { screenshot } from './harness';

/** axe's own bundle, injected as a script so it runs in the page with the page's DOM and styles. */
const AXE_SOURCE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

/** Impacts that fail a test. Moderate and minor findings (landmarks, regions) are advice for a mini program page. */
export const FAILING_IMPACTS = ['critical', 'serious'] as const;

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** One line per offending node: its CSS target and what to fix, as axe words it. */
  nodes: { target: string; summary: string }[];
}

/**
 * Runs axe-core on the document (every rule axe ships, WCAG 2.x A/AA and best practices) and returns the violations
 * with a failing impact. Plain source strings go to evaluate(): jest compiles test files with Babel, whose helpers
 * would not exist inside the page.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.addScriptTag({ content: AXE_SOURCE });
  const findings = (await page.evaluate(`(async () => {
    const failing = ${JSON.stringify(FAILING_IMPACTS)};
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => failing.includes(v.impact))
      .map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({
          target: n.target.map(String).join(' '),
          summary: (n.failureSummary || '').replace(/\\s*\\n\\s*/g, ' ').trim(),
        })),
      }));
  })()`)) as AxeFinding[];
  return findings;
}

/** A readable list for the assertion message: rule, impact, what it asks, then each node's target and summary. */
export function describeFindings(findings: AxeFinding[]): string {
  return findings
    .map((f) => [`[${f.rule}] (${f.impact}) ${f.help}`, ...f.nodes.map((n) => `    ${n.target} — ${n.summary}`)].join('\n'))
    .join('\n');
}

/** Expects no critical or serious axe violation on the page as it is now; `name` labels the page state. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const findings = await axeViolations(page);
  if (findings.length > 0) await screenshot(page, `axe-${name}`);
  expect(`${name}:\n${describeFindings(findings)}`).toBe(`${name}:\n`);
}
