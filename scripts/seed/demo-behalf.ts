import { C, type TAuditDoc, type TFilingDoc, type TGroupDoc } from '../../cloudfunctions/core/collections';
import { chinaYear } from '../../cloudfunctions/core/behalf/year';
import { groupFromFiling } from '../../cloudfunctions/core/groups/from-filing';
import { moveGrowthCounters } from '../../cloudfunctions/core/growth/counters';
import type { TStore } from '../../cloudfunctions/core/storage/port';
import type { TFilingFields } from '../../types/filings';

/**
 * 代办 and 年度确认 in the demo (docs/on-behalf.md): 孙桂兰 (demo-elder, 13803110021) of 北焦社区 does not use a phone,
 * so 赵明, the street's officer, filed her 剪纸艺术队 for her; 王丽 (district) approved it (nobody reviews what they
 * entered) and it waits for her to take it over. It is in 北焦社区 so 塔谈社区 keeps the story's 15 / 8 / 32.
 * 老年协会 has not confirmed its record this year (demo-leader can try 年度确认).
 */
const DAY = 24 * 60 * 60 * 1000;
export const ELDER = { openid: 'demo-elder', name: '孙桂兰', mobile: '13803110021' };
export const BEHALF_FILING_ID = 'f_seed_behalf_jianzhi';
const ENTERED_BY = { openid: 'demo-admin', name: '赵明', role: '工作人员' };
const APPROVER = { openid: 'demo-district', name: '王丽' };
/** Not yet confirmed this year (its record was last confirmed in 2025 in the story). */
export const UNCONFIRMED_GROUP_IDS = ['g_seed_laonian'];

const FIELDS: TFilingFields = {
  name: '北焦社区剪纸艺术队',
  category: 'culture_sports',
  communityId: 'c-beijiao',
  purpose: '传承民间剪纸技艺，老人教孩子，节日为社区布置窗花。',
  leaderName: ELDER.name,
  leaderMobile: ELDER.mobile,
  memberCount: 14,
  roster: [],
  venue: '北焦社区活动中心二楼手工室',
  activityTime: '每周四下午2点到4点',
  charter: '第一条 本队名称为北焦社区剪纸艺术队，是社区居民自愿组成的文化团体。第二条 本队活动公益、自愿、安全。',
  supervisor: '北焦社区居民委员会',
  partyMemberCount: 2,
  hasPartyBranch: false,
};

function audit(n: number, actor: { openid: string; name: string }, from: TAuditDoc['from'], to: TAuditDoc['to'], reason: string | null, at: number) {
  return {
    _id: `a_seed_${BEHALF_FILING_ID}_${n}`,
    action: `filing:${to}`,
    communityId: 'c-beijiao',
    entity: 'filing' as const,
    entityId: BEHALF_FILING_ID,
    seq: n,
    actor: actor.openid,
    actorName: actor.name,
    from,
    to,
    reason,
    at,
  };
}

export async function seedDemoBehalf(store: TStore, now: number): Promise<void> {
  const submittedAt = now - 12 * DAY;
  const decidedAt = now - 10 * DAY;
  const filing = await store.collection<TFilingDoc>(C.filings).insert({
    _id: BEHALF_FILING_ID,
    openid: ENTERED_BY.openid,
    kind: 'initial',
    status: 'approved',
    fields: FIELDS,
    communityId: 'c-beijiao',
    communityName: '北焦社区',
    groupId: null,
    submittedAt,
    decidedAt,
    lastComment: null,
    reviewedBy: APPROVER.openid,
    enteredBy: ENTERED_BY,
    onBehalfOf: { name: ELDER.name, mobile: ELDER.mobile, claimedAt: null },
    behalfMobile: ELDER.mobile,
  });
  const audits = store.collection<TAuditDoc>(C.audit);
  await audits.insert(audit(1, ENTERED_BY, 'draft', 'submitted', `由${ENTERED_BY.role} ${ENTERED_BY.name}代为填写`, submittedAt));
  await audits.insert(audit(2, APPROVER, 'submitted', 'approved', null, decidedAt));
  const group = groupFromFiling(filing, decidedAt); // no leader in the app yet: leaderOpenid ''
  await store.collection<TGroupDoc>(C.groups).insert(group);
  await store.collection<TFilingDoc>(C.filings).updateIfVersion(filing._id, filing.version, { groupId: group._id });
  await store.transaction((tx) => moveGrowthCounters(tx, group.communityId, null, group));

  const groups = store.collection<TGroupDoc>(C.groups);
  for (const id of UNCONFIRMED_GROUP_IDS) {
    const g = await groups.get(id);
    if (g) await groups.updateIfVersion(id, g.version, { confirmedYear: chinaYear(now) - 1 });
  }
}
