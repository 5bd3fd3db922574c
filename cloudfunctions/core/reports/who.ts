import { ROLE_LABELS } from '../../../types/domain';
import { GROUP_ROLE_LABELS } from '../../../types/membership';
import type { TMembershipDoc, TUserDoc } from '../collections';

/** Who generated an export, as its 说明 sheet names them: `刘芳（社工）`, `张建国（负责人）`. */
export function generatedBy(user: TUserDoc | null, membership: TMembershipDoc | null, asStaff: boolean): string {
  if (asStaff && user) return `${user.displayName}（${ROLE_LABELS[user.roles[0] ?? 'resident']}）`;
  if (membership) return `${membership.name}（${GROUP_ROLE_LABELS[membership.role]}）`;
  return user?.displayName ?? '';
}
