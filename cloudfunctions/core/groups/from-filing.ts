import type { TFilingFields } from '../../../types/filings';
import type { TFilingDoc, TGroupDoc, TMembershipDoc } from '../collections';
import type { TStoredMeta } from '../storage/port';
import { membershipIdFor } from './membership-id';
import { searchTokens } from './search';
import { chinaYear } from '../behalf/year';
import { isAwaitingTakeover } from '../behalf/claim';

type TNew<T> = Omit<T, keyof TStoredMeta> & { _id: string };

/** An approved initial filing names its group deterministically, so approving twice can never make two groups. */
export function groupIdFor(filingId: string): string {
  return 'g_' + filingId.replace(/^f_/, '');
}

/** The directory record a filing becomes once approved. */
export function groupFromFiling(filing: TFilingDoc, now: number): TNew<TGroupDoc> {
  const f = filing.fields as TFilingFields; // complete: submit validated it against ZFilingFields
  return {
    _id: groupIdFor(filing._id),
    status: 'active',
    name: f.name,
    category: f.category,
    communityId: f.communityId,
    communityName: filing.communityName ?? '',
    intro: f.purpose,
    coverText: '',
    activityTime: f.activityTime,
    venue: f.venue,
    charter: f.charter,
    supervisor: f.supervisor,
    // A 代办's filer is staff, not the leader: the group has no app leader until the named one takes it over.
    leaderOpenid: isAwaitingTakeover(filing) ? '' : filing.openid,
    leaderName: f.leaderName,
    leaderMobile: f.leaderMobile,
    memberCount: f.memberCount,
    partyMemberCount: f.partyMemberCount,
    hasPartyBranch: f.hasPartyBranch,
    joinPolicy: 'approval',
    pendingFilingId: null,
    tokens: searchTokens(f.name, f.purpose),
    dissolvedAt: null,
    filingId: filing._id,
    filedAt: now,
    lastActiveAt: now,
    // The incubation path (docs/growth.md): filed, with the Party facts the filing declared.
    stage: 'filed',
    stageSince: now,
    stageReason: null,
    createdBy: null,
    partyLeaderCount: 0,
    nominatedPartyLeader: false,
    lastEventAt: null,
    quietSince: now,
    // Filing is this year's confirmation of the record (年度确认, docs/on-behalf.md).
    confirmedYear: chinaYear(now),
    confirmedAt: now,
  };
}

/** The filer becomes the group's first member, as its leader. */
export function leaderMembership(group: TNew<TGroupDoc>, now: number): TNew<TMembershipDoc> {
  return {
    _id: membershipIdFor(group._id, group.leaderOpenid),
    groupId: group._id,
    groupName: group.name,
    communityId: group.communityId,
    openid: group.leaderOpenid,
    name: group.leaderName,
    mobile: group.leaderMobile,
    role: 'leader',
    status: 'active',
    message: null,
    note: null,
    subCommitteeId: null,
    requestedAt: now,
    joinedAt: now,
  };
}
