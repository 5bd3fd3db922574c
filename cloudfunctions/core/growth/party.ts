import type { TGrowthFunction, TGrowthOverview, TPartyFacts } from '../../../types/growth';
import { invalidFields, notFound } from '../app-error';
import { C, type TGroupDoc, type TGrowthStatDoc, type TMembershipDoc, type TUserDoc } from '../collections';
import type { TActionImpl } from '../dispatch';
import { authed } from '../guards';
import { requireCovers } from '../scope';
import { membershipIdFor } from '../groups/membership-id';
import { countsOf, growthStatId, moveGrowthCounters, type TGrowthCounts } from './counters';
import { isLiveGroup, requireCommunityStaff, staffGroup } from './staff';

type TImpl = TActionImpl<TGrowthFunction['actions']>;

export function toPartyFacts(g: TGroupDoc): TPartyFacts {
  return {
    groupId: g._id,
    hasPartyBranch: g.hasPartyBranch,
    partyMemberCount: g.partyMemberCount,
    partyLeaderCount: g.partyLeaderCount ?? 0,
    nominatedPartyLeader: g.nominatedPartyLeader ?? false,
  };
}

const toOverview = (communityId: string, c: TGrowthCounts): TGrowthOverview => ({ communityId, ...c });

/**
 * 双孵化: a social worker of the community records the Party facts they verified (the leader declares them in
 * the filing and reports later changes to the social worker). The group and the community's counters move in
 * one transaction, so the counts always equal a recount. Party members cannot outnumber the group's members.
 */
export const setPartyFacts: TImpl['setPartyFacts'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const { groupId, ...facts } = input;
  const { group, counts } = await ctx.store.transaction(async (tx) => {
    const { group } = await staffGroup(ctx, groupId, 'public', tx);
    if (facts.partyMemberCount > Math.max(group.memberCount, 0)) {
      throw invalidFields({ partyMemberCount: `党员人数不能多于成员人数（${group.memberCount}人），请核对` });
    }
    const after: TGroupDoc = { ...group, ...facts };
    const same = (Object.keys(facts) as Array<keyof typeof facts>).every((k) => group[k] === facts[k]);
    if (!same) await tx.update(C.groups, group._id, facts);
    const moved = await moveGrowthCounters(tx, group.communityId, group, after);
    const counts = moved ?? countsOf(await tx.get<TGrowthStatDoc>(C.growthstats, growthStatId(group.communityId)));
    return { group: after, counts };
  });
  return { facts: toPartyFacts(group), overview: toOverview(group.communityId, counts) };
};

/** A group's Party facts: the community's social workers and the group's own leader and deputies; others NOT_FOUND. */
export const getPartyFacts: TImpl['partyFacts'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const [group, user, membership] = await Promise.all([
    ctx.store.collection<TGroupDoc>(C.groups).get(input.groupId),
    ctx.store.collection<TUserDoc>(C.users).get(ctx.caller.openid),
    ctx.store.collection<TMembershipDoc>(C.memberships).get(membershipIdFor(input.groupId, ctx.caller.openid)),
  ]);
  if (!isLiveGroup(group)) throw notFound();
  const manages = membership?.status === 'active' && (membership.role === 'leader' || membership.role === 'deputy');
  if (!manages) await requireCovers(ctx, user, group.communityId, { entity: 'group', entityId: group._id }, 'notFound');
  return { facts: toPartyFacts(group) };
};

/** The community's counts, one read of its counter document: its social workers (and admins above them) only. */
export const growthOverview: TImpl['overview'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  await requireCommunityStaff(ctx, input.communityId);
  const doc = await ctx.store.collection<TGrowthStatDoc>(C.growthstats).get(growthStatId(input.communityId));
  return { overview: toOverview(input.communityId, countsOf(doc)) };
};
