import type { TFilingDraftFields } from '../../types/filings';
import type { TFilingKind, TFilingStatus, TGroupCategory, TGroupStatus, TStaffRole } from '../../types/domain';
import type { TStoredMeta } from './storage/port';

/** Collection names and the stored shape of each document. Views (types/) are projections of these. */
export const C = {
  communities: 'communities',
  users: 'users',
  groups: 'groups',
  filings: 'filings',
  audit: 'audit',
  outbox: 'outbox',
  meta: 'meta',
} as const;

export interface TCommunityDoc extends TStoredMeta {
  name: string;
  streetId: string;
  streetName: string;
  districtId: string;
  districtName: string;
  cityName: string;
}

/** `_id` is the openid. A resident who never chose a community has no document at all. */
export interface TUserDoc extends TStoredMeta {
  displayName: string;
  roles: TStaffRole[];
  /** Communities this staff member reviews; an admin's street or district is expanded when assigned. */
  reviewCommunityIds: string[];
  communityId: string | null;
}

export interface TFilingDoc extends TStoredMeta {
  /** Owner: the leader who filed it. Never leaves the server. */
  openid: string;
  kind: TFilingKind;
  status: TFilingStatus;
  fields: TFilingDraftFields;
  communityId: string | null;
  communityName: string | null;
  groupId: string | null;
  submittedAt: number | null;
  decidedAt: number | null;
  lastComment: string | null;
  reviewedBy: string | null;
}

export interface TGroupDoc extends TStoredMeta {
  status: TGroupStatus;
  name: string;
  category: TGroupCategory;
  communityId: string;
  communityName: string;
  intro: string;
  activityTime: string;
  venue: string;
  charter: string;
  supervisor: string;
  leaderOpenid: string;
  leaderName: string;
  leaderMobile: string;
  memberCount: number;
  partyMemberCount: number;
  hasPartyBranch: boolean;
  /** The approved filing this record came from. */
  filingId: string;
  filedAt: number;
  /** Directory order: bumped by filings now, by events later. */
  lastActiveAt: number;
}

/** Append-only: one entry per filing transition. */
export interface TAuditDoc extends TStoredMeta {
  entity: 'filing';
  entityId: string;
  actor: string;
  actorName: string;
  from: TFilingStatus | null;
  to: TFilingStatus;
  reason: string | null;
  at: number;
}

export interface TOutboxDoc extends TStoredMeta {
  to: string;
  kind: string;
  title: string;
  body: string;
  page: string;
}
