import { forbidden } from './app-error';
import type { TUserDoc } from './collections';
import { logAudit } from './audit/log';
import type { TAuthedContext } from './guards';

/**
 * What a staff member may see and act on. SHARED INTERFACE (issue 10): the workbench, dashboards and reports
 * code against these two functions only; how the scope is derived (assignments → communities) lives here.
 *
 * TODO(issue 10, administration): derive from the person's assignments (community / street / district),
 * not from `reviewCommunityIds`.
 */
export interface TStaffScope {
  /** Every live community the person may see, in any order. */
  communityIds: string[];
  /** Streets and districts the person is assigned to as a whole (a street or district dashboard). */
  streetIds: string[];
  districtIds: string[];
}

/** The caller's scope, or null for someone who is not staff. */
export async function staffScopeOf(_ctx: TAuthedContext, user: TUserDoc | null): Promise<TStaffScope | null> {
  if (!user || user.roles.length === 0 || user.reviewCommunityIds.length === 0) return null;
  return { communityIds: [...user.reviewCommunityIds], streetIds: [], districtIds: [] };
}

/**
 * Refuses (FORBIDDEN) a staff member acting on a community outside their scope, and writes the attempt to the
 * audit log first (outside any transaction: the refusal must be on record even though nothing else is).
 */
export async function refuseOutsideScope(
  ctx: TAuthedContext,
  scope: TStaffScope | null,
  communityId: string | null,
  attempt: { action: string; entity: string; entityId: string },
): Promise<void> {
  if (scope && communityId !== null && scope.communityIds.includes(communityId)) return;
  await logAudit(ctx, { ...attempt, action: `denied:${attempt.action}`, communityId });
  throw forbidden();
}
