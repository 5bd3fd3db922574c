import type { z } from 'zod';
import type { manageFunction } from '../../../types/manage';
import { C, type TMembershipDoc } from '../collections';
import type { TContext } from '../context';
import { authed } from '../guards';
import { loadGroupAccess } from '../groups/access';
import { listSubCommittees } from '../groups/queries';
import { toDetail, toMemberRow } from '../groups/views';
import { PAGE_SIZE } from './members';

type TIn = z.output<(typeof manageFunction)['actions']['membersOverview']['input']>;

/**
 * 成员管理 in one call: the group as its public page shows it and the first page of its requests or roster.
 * The access read (group, own membership, user) comes first; the list is read only for the group's managers and
 * its community's reviewers (the roster is internal data), so anyone else gets the public group and `members: null`
 * — what `groups.detail` already tells them. Later pages come from `manage.members`.
 */
export async function getMembersOverview(context: TContext, input: TIn) {
  const ctx = authed(context);
  const access = await loadGroupAccess(ctx, input.groupId);
  const mayList = access.isManager || access.isReviewer;
  const [subCommittees, page] = await Promise.all([
    listSubCommittees(ctx, input.groupId),
    mayList
      ? ctx.store.collection<TMembershipDoc>(C.memberships).find({
          where: { groupId: input.groupId, status: input.status },
          orderBy: [['requestedAt', 'asc']],
          limit: PAGE_SIZE,
        })
      : null,
  ]);
  return {
    group: toDetail(access, subCommittees.items, ctx.clock.now()),
    members: page ? { items: page.items.map((m) => toMemberRow(m, access)), nextCursor: page.nextCursor } : null,
  };
}
