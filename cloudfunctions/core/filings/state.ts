import type { TDecision, TFilingStatus } from '../../../types/domain';

/**
 * The filing state machine: draft → submitted → approved | returned | rejected; returned or withdrawn → submitted
 * after edits; submitted → withdrawn before a decision. approved and rejected are final.
 */
const TRANSITIONS: Record<TFilingStatus, readonly TFilingStatus[]> = {
  draft: ['submitted'],
  submitted: ['approved', 'returned', 'rejected', 'withdrawn'],
  returned: ['submitted'],
  withdrawn: ['submitted'],
  approved: [],
  rejected: [],
};

export function canTransition(from: TFilingStatus, to: TFilingStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The leader may change the content while nobody is reviewing it. */
export function isEditable(status: TFilingStatus): boolean {
  return canTransition(status, 'submitted');
}

export const DECISION_TO_STATUS: Record<TDecision, TFilingStatus> = {
  approve: 'approved',
  return: 'returned',
  reject: 'rejected',
};

/** A decided filing (or one the leader withdrew) is no longer waiting for a reviewer. */
export function isDecided(status: TFilingStatus): boolean {
  return status === 'approved' || status === 'returned' || status === 'rejected';
}
