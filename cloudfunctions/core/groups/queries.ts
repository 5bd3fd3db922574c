import type { z } from 'zod';
import type { groupsFunction } from '../../../types/groups';
import { C, type TGroupDoc, type TMembershipDoc, type TSubCommitteeDoc } from '../collections';
import type { TContext } from '../context';
import { authed } from '../guards';
import type { TFilter } from '../storage/port';
import { loadGroupAccess } from './access';
import { matchesQuery, queryToken } from './search';
import { toCard, toDetail, toMyGroup } from './views';

type TActions = (typeof groupsFunction)['actions'];
type TIn<K extends keyof TActions> = z.output<TActions[K]['input']>;

export const PAGE_SIZE = 20;
/** A search reads at most this many index pages per request, so it stays within the round-trip budget. */
const SEARCH_SCANS = 3;
/** Sub-committees per group are few (the story's largest has two). */
const SUBCOMMITTEE_LIMIT = 50;

/**
 * Filed, active groups of one community, most recently active first (index groups_directory[_category]).
 * A search narrows by one token in the database (indexed in CloudBase), then checks the whole query here;
 * pages may come back shorter than 20, but the cursor always continues exactly where the scan stopped.
 */
export async function listDirectory(ctx: TContext, input: TIn<'directory'>) {
  const where: TFilter = { communityId: input.communityId, status: 'active' };
  if (input.category) where.category = input.category;
  const q = input.q?.trim() ?? '';
  const token = queryToken(q);
  if (token) where.tokens = { has: token };

  const groups = ctx.store.collection<TGroupDoc>(C.groups);
  const items: TGroupDoc[] = [];
  let cursor = input.cursor;
  let nextCursor: string | null = null;
  for (let scan = 0; scan < (token ? SEARCH_SCANS : 1) && items.length < PAGE_SIZE; scan += 1) {
    const limit = PAGE_SIZE - items.length; // never more than 20 rows, and the cursor stays exact
    const page = await groups.find({ where, orderBy: [['lastActiveAt', 'desc']], limit, cursor });
    items.push(...page.items.filter((g) => !token || matchesQuery(q, g.name, g.intro)));
    nextCursor = page.nextCursor;
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  return { items: items.map(toCard), nextCursor };
}

/** A group's sub-committees in the order they were set up. */
export function listSubCommittees(ctx: TContext, groupId: string) {
  return ctx.store.collection<TSubCommitteeDoc>(C.subcommittees).find({
    where: { groupId },
    orderBy: [['createdAt', 'asc']],
    limit: SUBCOMMITTEE_LIMIT,
  });
}

/** A filed group's page, with the caller's own membership. A dissolved group is NOT_FOUND here; its filings keep its history. */
export async function getGroupDetail(context: TContext, input: TIn<'detail'>) {
  const ctx = authed(context);
  const [access, subCommittees] = await Promise.all([loadGroupAccess(ctx, input.groupId), listSubCommittees(ctx, input.groupId)]);
  return { group: toDetail(access, subCommittees.items, ctx.clock.now()) };
}

/** 「我的」: every group the caller asked to join or belongs to, newest change first. */
export async function listMyGroups(context: TContext, input: TIn<'mine'>) {
  const ctx = authed(context);
  const page = await ctx.store.collection<TMembershipDoc>(C.memberships).find({
    where: { openid: ctx.caller.openid },
    orderBy: [['updatedAt', 'desc']],
    limit: PAGE_SIZE,
    cursor: input.cursor,
  });
  // Names come from the groups themselves: a name changed by an approved change filing shows at once.
  const groupIds = [...new Set(page.items.map((m) => m.groupId))];
  const groups = groupIds.length
    ? await ctx.store.collection<TGroupDoc>(C.groups).find({ where: { _id: { in: groupIds } }, limit: PAGE_SIZE })
    : { items: [] };
  const byId = new Map(groups.items.map((g) => [g._id, g]));
  return {
    items: page.items.map((m) => toMyGroup(m, byId.get(m.groupId))),
    nextCursor: page.nextCursor,
  };
}
