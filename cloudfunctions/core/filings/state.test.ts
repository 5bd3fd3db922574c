import { FILING_STATUSES, type TFilingStatus } from '../../../types/domain';
import { canTransition, isDecided, isEditable } from './state';

/** The full transition table, spelled out: any change to the state machine must change this test. */
const ALLOWED = new Set([
  'draft→submitted',
  'submitted→approved',
  'submitted→returned',
  'submitted→rejected',
  'submitted→withdrawn',
  'returned→submitted',
  'withdrawn→submitted',
]);

test.each(FILING_STATUSES.flatMap((from) => FILING_STATUSES.map((to) => [from, to] as [TFilingStatus, TFilingStatus])))(
  '%s → %s',
  (from, to) => {
    expect(canTransition(from, to)).toBe(ALLOWED.has(`${from}→${to}`));
  },
);

test('only filings nobody is reviewing are editable', () => {
  expect(FILING_STATUSES.filter(isEditable)).toEqual(['draft', 'returned', 'withdrawn']);
});

test('approved, returned and rejected count as decided; withdrawn does not', () => {
  expect(FILING_STATUSES.filter(isDecided)).toEqual(['approved', 'returned', 'rejected']);
});
