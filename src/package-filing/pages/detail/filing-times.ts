import type { TFilingStatus } from '../../../../types/domain';

const DECIDED: ReadonlySet<TFilingStatus> = new Set(['approved', 'returned', 'rejected']);

/**
 * Which times the head of a filing may show. A review time belongs only to a decided filing and never before
 * its submission: a filing resubmitted after a return once showed the return's time as 「审核于」, a minute
 * before 「提交于」. Data written before that fix still holds such times, so the order is checked here too.
 */
export function filingTimes(f: { status: TFilingStatus; submittedAt: number | null; decidedAt: number | null }) {
  const decidedAt = f.decidedAt !== null && DECIDED.has(f.status) && (f.submittedAt === null || f.decidedAt >= f.submittedAt) ? f.decidedAt : null;
  return { submittedAt: f.submittedAt, decidedAt };
}
