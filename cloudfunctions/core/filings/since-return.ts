import { GROUP_CATEGORY_LABELS } from '../../../types/domain';
import type { TFieldChange, TFilingDraftFields } from '../../../types/filings';

/** The filing as it stood when a reviewer returned it: what the resubmission is compared with. */
export interface TReturnedSnapshot {
  fields: TFilingDraftFields;
  communityName: string | null;
}

type TRoster = NonNullable<TFilingDraftFields['roster']>;

const count = (n: number | undefined) => (n === undefined ? '' : `${n} 人`);
const yesNo = (b: boolean | undefined) => (b === undefined ? '' : b ? '已建立' : '未建立');
const roster = (r: TRoster | undefined) =>
  (r ?? []).map((p, i) => `${i + 1}. ${p.name || '（未填姓名）'}${p.mobile ? ` ${p.mobile}` : ''}`).join('\n');

/** Each filed field as the reviewer reads it, in the order of the form (labels as in FilingFieldsView). */
const SHOWN: { field: string; label: string; text: (f: TFilingDraftFields, communityName: string | null) => string }[] = [
  { field: 'name', label: '组织名称', text: (f) => f.name ?? '' },
  { field: 'category', label: '类别', text: (f) => (f.category ? GROUP_CATEGORY_LABELS[f.category] : '') },
  { field: 'communityId', label: '所属社区', text: (_f, name) => name ?? '' },
  { field: 'purpose', label: '宗旨与主要活动', text: (f) => f.purpose ?? '' },
  { field: 'leaderName', label: '负责人姓名', text: (f) => f.leaderName ?? '' },
  { field: 'leaderMobile', label: '负责人手机号', text: (f) => f.leaderMobile ?? '' },
  { field: 'memberCount', label: '成员人数', text: (f) => count(f.memberCount) },
  { field: 'roster', label: '会员花名册', text: (f) => roster(f.roster) },
  { field: 'venue', label: '活动场所', text: (f) => f.venue ?? '' },
  { field: 'activityTime', label: '活动时间', text: (f) => f.activityTime ?? '' },
  { field: 'charter', label: '章程', text: (f) => f.charter ?? '' },
  { field: 'supervisor', label: '指导单位', text: (f) => f.supervisor ?? '' },
  { field: 'partyMemberCount', label: '党员人数', text: (f) => count(f.partyMemberCount) },
  { field: 'hasPartyBranch', label: '是否已建立党支部', text: (f) => yesNo(f.hasPartyBranch) },
];

/**
 * What the leader changed between the returned version and the one now submitted, field by field, as a change filing
 * shows it (before → after). Computed from the snapshot kept on the filing document when it was returned, so the
 * reviewer's read costs no extra request.
 */
export function changesSinceReturn(returned: TReturnedSnapshot, now: TFilingDraftFields, communityName: string | null): TFieldChange[] {
  const changes: TFieldChange[] = [];
  for (const s of SHOWN) {
    const before = s.text(returned.fields, returned.communityName);
    const after = s.text(now, communityName);
    if (before !== after) changes.push({ field: s.field, label: s.label, before, after });
  }
  return changes;
}
