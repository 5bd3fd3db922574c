import type { TStaffGroupRow, TWorkbenchFunction } from '../../../types/workbench';
import { C, type TGroupDoc } from '../collections';
import type { TActionImpl } from '../dispatch';
import { authed } from '../guards';
import { stageOf } from '../growth/stages';
import { refuseOutsideScope } from '../scope';
import { inCommunities } from './queue-header';
import { requireStaffScope } from './staff-access';

type TImpl = TActionImpl<TWorkbenchFunction['actions']>;
const PAGE_SIZE = 20;

function toRow(doc: TGroupDoc): TStaffGroupRow {
  return {
    id: doc._id,
    name: doc.name,
    category: doc.category,
    status: doc.status,
    stage: stageOf(doc),
    communityName: doc.communityName,
    leaderName: doc.leaderName,
    memberCount: doc.memberCount,
    hasPartyBranch: doc.hasPartyBranch,
  };
}

/**
 * The 社团 tab of the workbench: groups of every community in scope (or one, when asked; outside the scope it is
 * refused and logged), most recently active first: groups_directory (communityId, status, lastActiveAt).
 */
export const listStaffGroups: TImpl['groups'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const { scope } = await requireStaffScope(ctx);
  if (input.communityId) {
    await refuseOutsideScope(ctx, scope, input.communityId, { action: 'workbench.groups', entity: 'community', entityId: input.communityId });
  }
  if (scope.communityIds.length === 0) return { items: [], nextCursor: null }; // every community of theirs retired
  const page = await ctx.store.collection<TGroupDoc>(C.groups).find({
    where: {
      communityId: inCommunities(input.communityId ? [input.communityId] : scope.communityIds),
      status: input.status ?? 'active',
    },
    orderBy: [['lastActiveAt', 'desc']],
    limit: PAGE_SIZE,
    cursor: input.cursor,
  });
  return { items: page.items.map(toRow), nextCursor: page.nextCursor };
};
