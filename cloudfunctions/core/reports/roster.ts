import type { TReportsFunction } from '../../../types/reports';
import { notFound } from '../app-error';
import { logAudit } from '../audit/log';
import { C, type TGroupDoc, type TMembershipDoc, type TSubCommitteeDoc } from '../collections';
import type { TActionImpl } from '../dispatch';
import { authed, findUser } from '../guards';
import { isOpenGroup } from '../groups/access';
import { membershipIdFor } from '../groups/membership-id';
import { consumeRate, RATE_RULES } from '../rate-limit';
import { coversCommunity, DeniedError, isStaff } from '../scope';
import { findAll } from './find-all';
import { chinaDate } from './sheet-style';
import { rosterWorkbook } from './roster-workbook';
import { generatedBy } from './who';

type TImpl = TActionImpl<TReportsFunction['actions']>;

/**
 * 会员花名册 (.xlsx) of a group: its leader and deputies, and the staff whose scope holds its community — exactly
 * who may list the roster with phones (docs/access.md). To anyone else the roster is NOT_FOUND, as it is in the
 * app; a staff member outside the group's community is also written to the audit log as a refused attempt.
 */
export const rosterReport: TImpl['roster'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const now = ctx.clock.now();
  const [group, membership, user] = await Promise.all([
    ctx.store.collection<TGroupDoc>(C.groups).get(input.groupId),
    ctx.store.collection<TMembershipDoc>(C.memberships).get(membershipIdFor(input.groupId, ctx.caller.openid)),
    findUser(ctx),
  ]);
  if (!isOpenGroup(group)) throw notFound();
  const manages = membership?.status === 'active' && (membership.role === 'leader' || membership.role === 'deputy');
  const asStaff = !manages && (await coversCommunity(ctx, user, group.communityId));
  if (!manages && !asStaff) {
    // Staff elsewhere leave a `denied:reports.roster` line (written by the dispatcher); anyone else is simply refused.
    throw isStaff(user) ? new DeniedError('NOT_FOUND', group.communityId, { entity: 'group', entityId: group._id }) : notFound();
  }
  await consumeRate(ctx, RATE_RULES.reportExport);
  const [members, subcommittees] = await Promise.all([
    findAll<TMembershipDoc>(ctx.store, C.memberships, { groupId: group._id, status: 'active' }, [['requestedAt', 'asc']]),
    findAll<TSubCommitteeDoc>(ctx.store, C.subcommittees, { groupId: group._id }, [['createdAt', 'asc']]),
  ]);
  const bytes = await rosterWorkbook({ group, generatedAt: now, generatedBy: generatedBy(user, manages ? membership : null, !manages) }, members, subcommittees);
  const fileName = `${group.name}_会员花名册_${chinaDate(now).replaceAll('-', '')}.xlsx`;
  const stored = await ctx.files.putReport(bytes, fileName, now);
  await logAudit(ctx, { action: 'export:roster', entity: 'group', entityId: group._id, communityId: group.communityId, detail: group.name });
  return { file: { fileName, ...stored } };
};
