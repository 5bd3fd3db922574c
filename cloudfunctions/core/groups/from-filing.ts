import type { TFilingFields } from '../../../types/filings';
import type { TFilingDoc, TGroupDoc } from '../collections';
import type { TStoredMeta } from '../storage/port';

/** An approved initial filing names its group deterministically, so approving twice can never make two groups. */
export function groupIdFor(filingId: string): string {
  return 'g_' + filingId.replace(/^f_/, '');
}

/** The directory record a filing becomes once approved. */
export function groupFromFiling(filing: TFilingDoc, now: number): Omit<TGroupDoc, keyof TStoredMeta> & { _id: string } {
  const f = filing.fields as TFilingFields; // complete: submit validated it against ZFilingFields
  return {
    _id: groupIdFor(filing._id),
    status: 'active',
    name: f.name,
    category: f.category,
    communityId: f.communityId,
    communityName: filing.communityName ?? '',
    intro: f.purpose,
    activityTime: f.activityTime,
    venue: f.venue,
    charter: f.charter,
    supervisor: f.supervisor,
    leaderOpenid: filing.openid,
    leaderName: f.leaderName,
    leaderMobile: f.leaderMobile,
    memberCount: f.memberCount,
    partyMemberCount: f.partyMemberCount,
    hasPartyBranch: f.hasPartyBranch,
    filingId: filing._id,
    filedAt: now,
    lastActiveAt: now,
  };
}
