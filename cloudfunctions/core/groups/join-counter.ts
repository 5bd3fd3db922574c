import type { TMembershipStatus } from '../../../types/membership';
import { C, type TGroupDoc } from '../collections';
import type { TTransaction } from '../storage/port';

/**
 * `pendingJoinCount` on the group: join requests waiting for its leader, so the badges on 我的, the group page and
 * 成员管理 never count memberships. It moves in the same transaction as the membership whose status leaves or
 * enters `pending` (join, decision, cancel, a circle filed with its filer still waiting), on the group as that
 * transaction read it. Absent on groups stored before the counter: read as 0.
 */
export function waitingRequestsOf(group: Pick<TGroupDoc, 'pendingJoinCount'>): number {
  return Math.max(0, group.pendingJoinCount ?? 0);
}

/** +1 when a membership becomes pending, -1 when a pending one is decided or cancelled, else 0. */
export function pendingDelta(from: TMembershipStatus | null | undefined, to: TMembershipStatus): 1 | -1 | 0 {
  if (from === to) return 0;
  if (to === 'pending') return 1;
  return from === 'pending' ? -1 : 0;
}

/** The group's patch for a pending move (empty when nothing moves), to merge into a write of the same document. */
export function pendingPatch(group: TGroupDoc, delta: 1 | -1 | 0): Partial<TGroupDoc> {
  return delta === 0 ? {} : { pendingJoinCount: Math.max(0, waitingRequestsOf(group) + delta) };
}

/** Writes the move on its own, for paths that do not otherwise update the group. */
export async function movePendingCount(tx: TTransaction, group: TGroupDoc, delta: 1 | -1 | 0): Promise<void> {
  if (delta !== 0) await tx.update(C.groups, group._id, pendingPatch(group, delta));
}
