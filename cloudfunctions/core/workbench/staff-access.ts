import { forbidden, notFound } from '../app-error';
import { logAudit } from '../audit/log';
import { C, type TGroupDoc, type TUserDoc } from '../collections';
import { findUser, type TAuthedContext } from '../guards';
import { staffScopeOf, type TStaffScope } from '../scope';

export interface TStaffCaller {
  user: TUserDoc;
  scope: TStaffScope;
}

/** Staff with at least one community in scope; anyone else is FORBIDDEN (the workbench is staff-only as a whole). */
export async function requireStaffScope(ctx: TAuthedContext, user?: TUserDoc | null): Promise<TStaffCaller> {
  const who = user === undefined ? await findUser(ctx) : user;
  const scope = await staffScopeOf(ctx, who);
  if (!who || !scope || scope.communityIds.length === 0) throw forbidden();
  return { user: who, scope };
}

/**
 * A group in the caller's scope, any status (a dissolved group keeps its record and history for staff). Group and
 * user are read in parallel. Not staff: FORBIDDEN. A group outside the scope is NOT_FOUND, so its existence does
 * not leak, and the attempt is written to the audit log first.
 */
export async function staffGroupInScope(ctx: TAuthedContext, groupId: string, action: string): Promise<TStaffCaller & { group: TGroupDoc }> {
  const [group, user] = await Promise.all([ctx.store.collection<TGroupDoc>(C.groups).get(groupId), findUser(ctx)]);
  const staff = await requireStaffScope(ctx, user);
  if (!group) throw notFound();
  if (!staff.scope.communityIds.includes(group.communityId)) {
    await logAudit(ctx, { action: `denied:${action}`, entity: 'group', entityId: groupId, communityId: group.communityId });
    throw notFound();
  }
  return { ...staff, group };
}
