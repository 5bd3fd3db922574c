import type { TGroupCard, TGroupDetail, TMyGroup, TSubCommittee } from '../../../types/groups';
import type { TMemberRow } from '../../../types/manage';
import type { TGroupDoc, TMembershipDoc, TSubCommitteeDoc } from '../collections';
import { annualOf } from '../behalf/year';
import { stageOf } from '../growth/stages';
import { maskMobile } from '../mask';
import type { TGroupAccess } from './access';
import { waitingRequestsOf } from './join-counter';

const INTRO_PREVIEW = 60;

export function toCard(doc: TGroupDoc): TGroupCard {
  return {
    id: doc._id,
    name: doc.name,
    category: doc.category,
    intro: doc.intro.length > INTRO_PREVIEW ? `${doc.intro.slice(0, INTRO_PREVIEW)}…` : doc.intro,
    memberCount: doc.memberCount,
    activityTime: doc.activityTime,
    hasPartyBranch: doc.hasPartyBranch,
    stage: stageOf(doc),
  };
}

export function toSubCommittee(doc: TSubCommitteeDoc): TSubCommittee {
  return { id: doc._id, name: doc.name, intro: doc.intro, leadName: doc.leadName, memberCount: doc.memberCount };
}

export function toMyMembership(doc: TMembershipDoc) {
  return { id: doc._id, status: doc.status, role: doc.role };
}

export function toDetail(access: TGroupAccess, subCommittees: TSubCommitteeDoc[], now: number): TGroupDetail {
  const doc = access.group;
  return {
    id: doc._id,
    name: doc.name,
    category: doc.category,
    communityId: doc.communityId,
    communityName: doc.communityName,
    intro: doc.intro,
    coverText: doc.coverText,
    activityTime: doc.activityTime,
    venue: doc.venue,
    memberCount: doc.memberCount,
    charter: doc.charter,
    supervisor: doc.supervisor,
    leaderName: doc.leaderName,
    leaderMobileMasked: maskMobile(doc.leaderMobile),
    hasPartyBranch: doc.hasPartyBranch,
    partyMemberCount: doc.partyMemberCount,
    joinPolicy: doc.joinPolicy,
    stage: stageOf(doc),
    filedAt: doc.filedAt,
    subCommittees: subCommittees.map(toSubCommittee),
    myMembership: access.membership ? toMyMembership(access.membership) : null,
    canManage: access.isManager,
    hasPendingFiling: doc.pendingFilingId !== null,
    // The badge on 成员管理: its managers' business, nobody else's.
    waitingRequests: access.isManager ? waitingRequestsOf(doc) : 0,
    annual: annualOf(doc, now),
  };
}

/** `group` as read now: its current name, and for its leader and deputies the waiting join requests. */
export function toMyGroup(doc: TMembershipDoc, group?: TGroupDoc): TMyGroup {
  const manages = doc.status === 'active' && (doc.role === 'leader' || doc.role === 'deputy');
  return {
    membershipId: doc._id,
    groupId: doc.groupId,
    groupName: group?.name ?? doc.groupName,
    status: doc.status,
    role: doc.role,
    note: doc.note,
    updatedAt: doc.updatedAt,
    waitingRequests: manages && group ? waitingRequestsOf(group) : 0,
  };
}

/**
 * A roster row. Only the group's managers and the community's reviewers can list members at all, and they are
 * exactly the people allowed to see members' numbers; the check is repeated here so the projection stays safe
 * if the list is ever opened to others.
 */
export function toMemberRow(doc: TMembershipDoc, access: Pick<TGroupAccess, 'isManager' | 'isReviewer'>): TMemberRow {
  const seesContacts = access.isManager || access.isReviewer;
  return {
    id: doc._id,
    name: doc.name,
    role: doc.role,
    status: doc.status,
    mobile: seesContacts ? doc.mobile : null,
    message: doc.message,
    note: doc.note,
    subCommitteeId: doc.subCommitteeId,
    requestedAt: doc.requestedAt,
    joinedAt: doc.joinedAt,
  };
}
