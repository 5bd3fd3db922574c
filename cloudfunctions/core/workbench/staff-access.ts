import { forbidden, notFound } from '../app-error';
import { C, type TGroupDoc, type TUserDoc } from '../collections';
import { findUser, type TAuthedContext } from '../guards';
import { DeniedError, staffScopeOf, type TStaffScope } from '../scope';

export interface TStaffCaller {
  user: TUserDoc;
  scope: TStaffScope;
}

/** Staff (a role and an assignment); anyone else is FORBIDDEN (the workbench is staff-only as a whole). */
export async function requireStaffScope(ctx: TAuthedContext, user?: TUserDoc | null): Promise<TStaffCaller> {
  const who = user === undefined ? await findUser(ctx) : user;
  const scope = await staffScopeOf(ctx, who);
  if (!who || !scope) throw forbidden();
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
    // The dispatcher writes the denied:<action> line when it answers (core/scope.ts DeniedError).
    throw new DeniedError('NOT_FOUND', group.communityId, { action, entity: 'group', entityId: groupId });
  }
  return { ...staff, group };
}
