import type { TFilingFields } from '../../../types/filings';
import { invalidState } from '../app-error';
import { C, type TFilingDoc, type TGroupDoc, type TMembershipDoc } from '../collections';
import { groupFromFiling, leaderMembership } from '../groups/from-filing';
import { pendingDelta, pendingPatch } from '../groups/join-counter';
import { membershipIdFor } from '../groups/membership-id';
import type { TStore, TTransaction } from '../storage/port';
import { moveGrowthCounters } from './counters';

/**
 * An approved initial filing that names a hobby circle (`fields.fromGroupId`) files that same group instead of
 * creating a new one: the document keeps its id, so its memberships, notes and events stay attached. It takes the
 * filed fields, status `active` and stage 已备案; the filer becomes its leader (the previous contact stays a
 * member); the member count is the larger of the filed count and the circle's own. Runs inside the decision's
 * transaction, so the circle is checked as it is now: still a circle of the filing's community, and the filer one
 * of its members (unless the circle has no contact in the app yet). Otherwise the decision is refused and the
 * reviewer returns the filing.
 */
export async function fileCircle(tx: TTransaction, filing: TFilingDoc, circleId: string, now: number): Promise<TGroupDoc> {
  const circle = await tx.get<TGroupDoc>(C.groups, circleId);
  if (!circle || circle.status !== 'circle' || circle.communityId !== filing.communityId) {
    throw invalidState('报备所选的兴趣小组已备案、已不存在或不在本社区，请退回这份报备，请负责人重新选择');
  }
  const mine = await tx.get<TMembershipDoc>(C.memberships, membershipIdFor(circle._id, filing.openid));
  const isMember = mine?.status === 'active';
  if (!isMember && circle.leaderOpenid !== '') {
    throw invalidState('报备人还不是这个兴趣小组的成员，请退回这份报备，请其先加入兴趣小组');
  }
  const f = filing.fields as TFilingFields;
  const { _id: _ignored, ...filed } = groupFromFiling(filing, now);
  const after: TGroupDoc = {
    ...circle,
    ...filed,
    coverText: circle.coverText,
    joinPolicy: circle.joinPolicy,
    createdBy: circle.createdBy ?? null,
    lastEventAt: circle.lastEventAt ?? null,
    partyLeaderCount: circle.partyLeaderCount ?? 0,
    nominatedPartyLeader: circle.nominatedPartyLeader ?? false,
    memberCount: Math.max(f.memberCount, circle.memberCount + (isMember ? 0 : 1)),
    // The filer's own waiting request (if any) is settled: they become the leader.
    ...pendingPatch(circle, pendingDelta(mine?.status, 'active')),
  };
  const { _id, createdAt: _c, updatedAt: _u, version: _v, ...patch } = after;
  await tx.update(C.groups, _id, patch);

  if (circle.leaderOpenid && circle.leaderOpenid !== filing.openid) {
    const previous = await tx.get<TMembershipDoc>(C.memberships, membershipIdFor(circle._id, circle.leaderOpenid));
    if (previous?.role === 'leader') await tx.update(C.memberships, previous._id, { role: 'member' });
  }
  const lead = leaderMembership({ ...after, _id }, now);
  if (mine) {
    await tx.update(C.memberships, mine._id, {
      role: 'leader',
      status: 'active',
      name: lead.name,
      mobile: lead.mobile,
      groupName: after.name,
      joinedAt: mine.joinedAt ?? now,
    });
  } else {
    await tx.insert<TMembershipDoc>(C.memberships, lead);
  }
  await moveGrowthCounters(tx, circle.communityId, circle, after);
  return after;
}

/**
 * Checked on submit, so the filer hears at once (by field) what the reviewer's approval would refuse: the filing
 * names a circle of its community that is still a circle, and the filer belongs to it (unless it has no app contact).
 */
export async function circleFilingProblem(store: TStore, openid: string, fields: Pick<TFilingFields, 'fromGroupId' | 'communityId'>): Promise<Record<string, string> | null> {
  if (!fields.fromGroupId) return null;
  const [circle, mine] = await Promise.all([
    store.collection<TGroupDoc>(C.groups).get(fields.fromGroupId),
    store.collection<TMembershipDoc>(C.memberships).get(membershipIdFor(fields.fromGroupId, openid)),
  ]);
  if (!circle || circle.status !== 'circle' || circle.communityId !== fields.communityId) {
    return { fromGroupId: '请选择本社区还未备案的兴趣小组，或不选兴趣小组直接报备' };
  }
  if (mine?.status !== 'active' && circle.leaderOpenid !== '') return { fromGroupId: '您还不是这个兴趣小组的成员，请先加入兴趣小组再报备' };
  return null;
}
