import type { z } from 'zod';
import type { groupsFunction, TGroupCard, TGroupDetail } from '../../../types/groups';
import { notFound } from '../app-error';
import { C, type TGroupDoc } from '../collections';
import type { TContext } from '../context';
import { maskMobile } from '../mask';
import type { TFilter } from '../storage/port';

type TActions = (typeof groupsFunction)['actions'];
type TIn<K extends keyof TActions> = z.output<TActions[K]['input']>;

const PAGE_SIZE = 20;
const INTRO_PREVIEW = 60;

function toCard(doc: TGroupDoc): TGroupCard {
  return {
    id: doc._id,
    name: doc.name,
    category: doc.category,
    intro: doc.intro.length > INTRO_PREVIEW ? `${doc.intro.slice(0, INTRO_PREVIEW)}…` : doc.intro,
    memberCount: doc.memberCount,
    activityTime: doc.activityTime,
    hasPartyBranch: doc.hasPartyBranch,
  };
}

function toDetail(doc: TGroupDoc): TGroupDetail {
  return {
    id: doc._id,
    name: doc.name,
    category: doc.category,
    communityId: doc.communityId,
    communityName: doc.communityName,
    intro: doc.intro,
    activityTime: doc.activityTime,
    venue: doc.venue,
    memberCount: doc.memberCount,
    charter: doc.charter,
    supervisor: doc.supervisor,
    leaderName: doc.leaderName,
    leaderMobileMasked: maskMobile(doc.leaderMobile),
    hasPartyBranch: doc.hasPartyBranch,
    partyMemberCount: doc.partyMemberCount,
    filedAt: doc.filedAt,
  };
}

/** Filed, active groups of one community, most recently active first (index groups_directory[_category]). */
export async function listDirectory(ctx: TContext, input: TIn<'directory'>) {
  const where: TFilter = { communityId: input.communityId, status: 'active' };
  if (input.category) where.category = input.category;
  const page = await ctx.store.collection<TGroupDoc>(C.groups).find({
    where,
    orderBy: [['lastActiveAt', 'desc']],
    limit: PAGE_SIZE,
    cursor: input.cursor,
  });
  return { items: page.items.map(toCard), nextCursor: page.nextCursor };
}

/** A filed group's public page. A dissolved group is gone from here (its filings keep its history). */
export async function getGroupDetail(ctx: TContext, input: TIn<'detail'>) {
  const doc = await ctx.store.collection<TGroupDoc>(C.groups).get(input.groupId);
  if (!doc || doc.status !== 'active') throw notFound();
  return { group: toDetail(doc) };
}
