import { invalidState, notFound } from '../app-error';
import { C, type TFilingDoc, type TGroupDoc, type TMembershipDoc } from '../collections';
import { groupFromFiling, leaderMembership } from '../groups/from-filing';
import { membershipIdFor } from '../groups/membership-id';
import { searchTokens } from '../groups/search';
import { moveGrowthCounters } from '../growth/counters';
import { fileCircle } from '../growth/upgrade';
import type { TPatch, TTransaction } from '../storage/port';
import { chinaYear } from '../behalf/year';
import { isAwaitingTakeover } from '../behalf/claim';
import type { TFilingStatus } from '../../../types/domain';

/**
 * What a filing's outcome does to the group record, inside the same transaction as the decision:
 * an approved initial filing creates the group (and its leader's membership); an approved change applies
 * the proposed fields (and moves leadership); an approved dissolution retires the group. Any end of a change
 * or dissolution filing frees the group to file the next one. Returns a patch for the filing itself.
 */
export async function applyOutcome(tx: TTransaction, filing: TFilingDoc, to: TFilingStatus, now: number): Promise<TPatch | void> {
  if (filing.kind === 'initial') {
    if (to !== 'approved') return;
    // Filing a hobby circle files that same group, keeping its members and history (docs/growth.md).
    const fromGroupId = filing.fields.fromGroupId;
    if (fromGroupId) return { groupId: (await fileCircle(tx, filing, fromGroupId, now))._id };
    const group = groupFromFiling(filing, now);
    await tx.insert<TGroupDoc>(C.groups, group);
    await moveGrowthCounters(tx, group.communityId, null, group);
    // A 代办's leader has no account yet: no leader membership until they take it over (docs/on-behalf.md).
    if (isAwaitingTakeover(filing)) return { groupId: group._id, behalfMobile: filing.onBehalfOf.mobile };
    await tx.insert<TMembershipDoc>(C.memberships, leaderMembership(group, now));
    return { groupId: group._id };
  }

  const group = filing.groupId ? await tx.get<TGroupDoc>(C.groups, filing.groupId) : null;
  if (!group) throw notFound();
  const patch: Partial<TGroupDoc> = { pendingFilingId: null };
  if (to === 'approved' && filing.kind === 'dissolution') {
    Object.assign(patch, { status: 'dissolved', dissolvedAt: now, quietSince: null });
    // Counted as dissolved from now on (the dashboard's tallies); it leaves every other counter.
    await moveGrowthCounters(tx, group.communityId, group, { ...group, status: 'dissolved' });
  }
  if (to === 'approved' && filing.kind === 'change') {
    // A change filed and approved counts as this year's 年度确认 (docs/on-behalf.md).
    Object.assign(patch, await applyChange(tx, group, filing.proposed ?? {}), { lastActiveAt: now, confirmedYear: chinaYear(now), confirmedAt: now });
    // A change may move the group's category or member count: the community's tallies follow (docs/dashboards.md).
    await moveGrowthCounters(tx, group.communityId, group, { ...group, ...patch });
  }
  await tx.update(C.groups, group._id, patch);
}

async function applyChange(tx: TTransaction, group: TGroupDoc, proposed: Record<string, unknown>): Promise<Partial<TGroupDoc>> {
  const { leaderMembershipId, ...fields } = proposed as Partial<TGroupDoc> & { leaderMembershipId?: string };
  const patch: Partial<TGroupDoc> = { ...fields };
  if (fields.name) patch.tokens = searchTokens(fields.name, group.intro);
  if (!leaderMembershipId) return patch;

  const next = await tx.get<TMembershipDoc>(C.memberships, leaderMembershipId);
  if (!next || next.status !== 'active' || next.groupId !== group._id || !next.mobile) {
    throw invalidState('新负责人已不是本组织成员，请退回这份变更报备');
  }
  const previous = await tx.get<TMembershipDoc>(C.memberships, membershipIdFor(group._id, group.leaderOpenid));
  if (previous) await tx.update(C.memberships, previous._id, { role: 'member' });
  await tx.update(C.memberships, next._id, { role: 'leader' });
  return { ...patch, leaderOpenid: next.openid, leaderName: next.name, leaderMobile: next.mobile };
}
