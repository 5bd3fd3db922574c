import type { TFilingStatus } from '../../types/domain';
import type { TFieldChange, TFilingFields } from '../../types/filings';
import { FILED_CHANGE_LABELS } from '../../types/membership';
import { C, type TAuditDoc, type TFilingDoc, type TGroupDoc, type TMembershipDoc } from '../../cloudfunctions/core/collections';
import { groupFromFiling, leaderMembership } from '../../cloudfunctions/core/groups/from-filing';
import type { TStoredMeta, TTransaction } from '../../cloudfunctions/core/storage/port';
import { COMMUNITIES } from './demo-data';
import { groupPeople, initialAudits, leaderOpenidOf, SEED_GROUPS, SEED_REVIEWER, seedFields, seedGroupId, type TSeedGroup } from './demo-groups';

/**
 * Filings at every status and of every kind (issue 10), so the workbench queue, the filing history of a group and
 * the dashboards have something true to show. Each is written as the app's own flows leave it (doc shape, audit
 * lines with actor, from → to and reason):
 * - waiting in 塔谈社区: two overdue (submitted 12 and 9 days before the seed clock: an initial filing and a
 *   change), two fresh (太极拳健身队 of demo-data.ts, and 巧手编织社's dissolution from yesterday);
 * - a draft, a returned, a rejected and a withdrawn initial filing; an approved change; an approved dissolution
 *   (塔谈社区毽球队, now dissolved: it does not count among the 15);
 * - one waiting filing each in 北焦社区 and 友谊社区.
 */
type TNew<T> = Omit<T, keyof TStoredMeta> & { _id: string };
const DAY = 86_400_000;

/** Groups only filings mention: filed for a filing, never in the directory. */
const applicant = (slug: string, communityId: TSeedGroup['communityId'], name: string, rest: Partial<TSeedGroup> & Pick<TSeedGroup, 'purpose' | 'leaderName' | 'leaderMobile'>): TSeedGroup => ({
  slug,
  communityId,
  name,
  category: 'culture_sports',
  venue: `${COMMUNITIES.find((c) => c._id === communityId)!.name}党群服务中心活动室`,
  activityTime: '每周六上午 9:00—11:00',
  memberCount: 12,
  partyMemberCount: 0,
  hasPartyBranch: false,
  filedDaysAgo: 0,
  ...rest,
});

const XIQU = applicant('xiqu', 'c-tatan', '塔谈社区戏曲票友会', { purpose: '戏曲爱好者一起学唱豫剧、评剧、河北梆子，传承传统戏曲文化。', leaderName: '吕秀云', leaderMobile: '13931134001', memberCount: 16, activityTime: '每周五上午 9:00—11:00' });
const HULUSI = applicant('hulusi', 'c-tatan', '塔谈社区葫芦丝乐队', { purpose: '学习葫芦丝、巴乌演奏，丰富老年人文化生活。', leaderName: '田美玲', leaderMobile: '13931134002' });
const SHEYING = applicant('sheying', 'c-tatan', '塔谈社区摄影爱好者协会', { purpose: '组织摄影爱好者外出采风、交流技巧，记录社区变化。', leaderName: '丁浩然', leaderMobile: '13931134003', memberCount: 14 });
const LICAI = applicant('licai', 'c-tatan', '塔谈社区投资理财交流会', { purpose: '交流理财产品信息，组织会员共同投资，分享收益经验。', leaderName: '蔡永利', leaderMobile: '13931134004', category: 'other' });
const CHONGWU = applicant('chongwu', 'c-tatan', '塔谈社区文明养宠协会', { purpose: '倡导文明养犬，组织宠物主人学习养宠规范，清理宠物粪便。', leaderName: '魏思远', leaderMobile: '13931134005', category: 'life_service' });
const JIANQIU = applicant('jianqiu', 'c-tatan', '塔谈社区毽球队', { purpose: '组织居民踢毽球健身，参加街道毽球比赛。', leaderName: '苏德胜', leaderMobile: '13931134006', memberCount: 10, filedDaysAgo: 520 });
const SHUHUA = applicant('beijiao_shuhua', 'c-beijiao', '北焦社区书画社', { purpose: '书画爱好者交流切磋，举办社区书画展。', leaderName: '肖振华', leaderMobile: '13931134007' });
const YOUYI_ZHIYUAN = applicant('youyi_zhiyuan', 'c-youyi', '友谊社区志愿者协会', { purpose: '组织居民参加助老、环保、文明创建等志愿服务。', leaderName: '金晓明', leaderMobile: '13931134008', category: 'charity', memberCount: 30 });

/** One filing with its audit trail: `steps` are [from, to, actor, days before now, reason]. */
interface TSeedFilingSpec {
  id: string;
  owner: { openid: string; name: string };
  kind: TFilingDoc['kind'];
  fields: TFilingFields;
  groupId: string | null;
  steps: Array<[from: TFilingStatus | null, to: TFilingStatus, actor: { openid: string; name: string }, daysAgo: number, reason: string | null]>;
  extra?: Partial<TNew<TFilingDoc>>;
}

function filingDoc(spec: TSeedFilingSpec, now: number): { filing: TNew<TFilingDoc>; audits: TNew<TAuditDoc>[] } {
  const community = COMMUNITIES.find((c) => c._id === spec.fields.communityId)!;
  const at = (days: number) => now - days * DAY;
  const last = spec.steps[spec.steps.length - 1];
  const status = last ? last[1] : 'draft';
  const submitted = [...spec.steps].reverse().find((s) => s[1] === 'submitted');
  const decided = last && ['approved', 'returned', 'rejected'].includes(last[1]) ? last : null;
  const filing: TNew<TFilingDoc> = {
    _id: spec.id,
    openid: spec.owner.openid,
    kind: spec.kind,
    status,
    fields: spec.fields,
    communityId: community._id,
    communityName: community.name,
    groupId: spec.groupId,
    submittedAt: submitted ? at(submitted[3]) : null,
    decidedAt: decided ? at(decided[3]) : null,
    lastComment: decided ? decided[4] : null,
    reviewedBy: decided ? decided[2].openid : null,
    ...spec.extra,
  };
  const audits = spec.steps.map(([from, to, actor, days, reason], i) => ({
    _id: `a_seed_${spec.id}_${i + 1}`,
    action: `filing:${to}`,
    communityId: community._id,
    detail: null,
    entity: 'filing' as const,
    entityId: spec.id,
    seq: i + 1,
    actor: actor.openid,
    actorName: actor.name,
    from,
    to,
    reason,
    at: at(days),
  }));
  return { filing, audits };
}

const ownerOf = (g: TSeedGroup) => ({ openid: leaderOpenidOf(g.slug), name: g.leaderName });
const fieldsOf = (g: TSeedGroup) => seedFields(g, groupPeople(g).slice(0, 1));
const seeded = (slug: string) => SEED_GROUPS.find((g) => g.slug === slug)!;

function change(field: 'venue' | 'name', before: string, after: string): TFieldChange {
  return { field, label: FILED_CHANGE_LABELS[field], before, after };
}

function specs(): TSeedFilingSpec[] {
  const W = SEED_REVIEWER;
  const xunluo = seeded('xunluo');
  const weixiu = seeded('weixiu');
  const bianzhi = seeded('bianzhi');
  const weixiuBefore = '塔谈社区物业楼一层车棚旁';
  const xunluoAfter = '塔谈社区党群服务中心一楼值班室';
  const initial = (g: TSeedGroup, steps: TSeedFilingSpec['steps'], extra?: TSeedFilingSpec['extra']): TSeedFilingSpec => ({
    id: `f_seed_${g.slug}`,
    owner: ownerOf(g),
    kind: 'initial',
    fields: fieldsOf(g),
    groupId: null,
    steps,
    ...(extra ? { extra } : {}),
  });
  const returnComment = '章程第四条没有写明负责人如何产生，花名册里有两位成员缺少手机号，请补充后重新提交。';
  return [
    initial(XIQU, [['draft', 'submitted', ownerOf(XIQU), 12, null]]),
    initial(HULUSI, []),
    initial(SHEYING, [['draft', 'submitted', ownerOf(SHEYING), 9, null], ['submitted', 'returned', W, 6, returnComment]], {
      returned: { fields: fieldsOf(SHEYING), communityName: '塔谈社区' },
    }),
    initial(LICAI, [['draft', 'submitted', ownerOf(LICAI), 20, null], ['submitted', 'rejected', W, 18, '以集资理财、共同投资为主要内容，不属于社区社会组织备案范围，且存在资金风险。']]),
    initial(CHONGWU, [['draft', 'submitted', ownerOf(CHONGWU), 15, null], ['submitted', 'withdrawn', ownerOf(CHONGWU), 13, null]]),
    initial(SHUHUA, [['draft', 'submitted', ownerOf(SHUHUA), 2, null]]),
    initial(YOUYI_ZHIYUAN, [['draft', 'submitted', ownerOf(YOUYI_ZHIYUAN), 4, null]]),
    {
      id: 'f_seed_xunluo_venue',
      owner: ownerOf(xunluo),
      kind: 'change',
      fields: { ...seedFields(xunluo, groupPeople(xunluo)), venue: xunluoAfter },
      groupId: seedGroupId('xunluo'),
      steps: [[null, 'submitted', ownerOf(xunluo), 9, '警务室改作社区调解室，巡逻队集合点改到党群服务中心值班室。']],
      extra: { proposed: { venue: xunluoAfter }, changes: [change('venue', xunluo.venue, xunluoAfter)], reason: '警务室改作社区调解室，巡逻队集合点改到党群服务中心值班室。', requestFingerprint: 'seed' },
    },
    {
      id: 'f_seed_bianzhi_dissolve',
      owner: ownerOf(bianzhi),
      kind: 'dissolution',
      fields: seedFields(bianzhi, groupPeople(bianzhi)),
      groupId: seedGroupId('bianzhi'),
      steps: [[null, 'submitted', ownerOf(bianzhi), 1, '骨干成员年纪大了，眼神不好，半年来已无法组织活动，申请注销。']],
      extra: { proposed: {}, changes: [], reason: '骨干成员年纪大了，眼神不好，半年来已无法组织活动，申请注销。', requestFingerprint: 'seed' },
    },
    {
      id: 'f_seed_weixiu_venue',
      owner: ownerOf(weixiu),
      kind: 'change',
      fields: seedFields(weixiu, groupPeople(weixiu)),
      groupId: seedGroupId('weixiu'),
      steps: [[null, 'submitted', ownerOf(weixiu), 202, '便民服务站建成，服务点搬进站里。'], ['submitted', 'approved', W, 200, null]],
      extra: { proposed: { venue: weixiu.venue }, changes: [change('venue', weixiuBefore, weixiu.venue)], reason: '便民服务站建成，服务点搬进站里。', requestFingerprint: 'seed' },
    },
    {
      id: 'f_seed_jianqiu_dissolve',
      owner: ownerOf(JIANQIU),
      kind: 'dissolution',
      fields: fieldsOf(JIANQIU),
      groupId: seedGroupId('jianqiu'),
      steps: [[null, 'submitted', ownerOf(JIANQIU), 102, '场地改建后没有合适的踢毽场地，成员并入广场舞队。'], ['submitted', 'approved', W, 100, null]],
      extra: { proposed: {}, changes: [], reason: '场地改建后没有合适的踢毽场地，成员并入广场舞队。', requestFingerprint: 'seed' },
    },
  ];
}

/** The waiting filings of the seed, for tests: id → community. */
export const WAITING_FILING_IDS = ['f_seed_xiqu', 'f_seed_xunluo_venue', 'f_seed_bianzhi_dissolve', 'f_seed_beijiao_shuhua', 'f_seed_youyi_zhiyuan'] as const;

export async function writeDemoFilings(tx: TTransaction, now: number): Promise<void> {
  for (const spec of specs()) {
    const { filing, audits } = filingDoc(spec, now);
    await tx.insert<TFilingDoc>(C.filings, filing);
    for (const a of audits) await tx.insert<TAuditDoc>(C.audit, a);
    if (filing.kind !== 'initial' && filing.status === 'submitted') await tx.update(C.groups, filing.groupId!, { pendingFilingId: filing._id });
  }
  // 毽球队: filed long ago, dissolved 100 days ago (its dissolution above). History stays; the directory drops it.
  const filedAt = now - JIANQIU.filedDaysAgo * DAY;
  const initial = filingDoc(
    {
      id: 'f_seed_jianqiu',
      owner: ownerOf(JIANQIU),
      kind: 'initial',
      fields: fieldsOf(JIANQIU),
      groupId: seedGroupId('jianqiu'),
      steps: [],
    },
    now,
  ).filing;
  await tx.insert<TFilingDoc>(C.filings, { ...initial, status: 'approved', submittedAt: filedAt - 2 * DAY, decidedAt: filedAt, reviewedBy: SEED_REVIEWER.openid });
  for (const a of initialAudits('f_seed_jianqiu', 'c-tatan', ownerOf(JIANQIU), SEED_REVIEWER, filedAt - 2 * DAY, filedAt)) await tx.insert<TAuditDoc>(C.audit, a);
  const group = groupFromFiling({ ...initial, version: 1, createdAt: filedAt, updatedAt: filedAt } as TFilingDoc, filedAt);
  await tx.insert<TGroupDoc>(C.groups, { ...group, status: 'dissolved', dissolvedAt: now - 100 * DAY, quietSince: null });
  await tx.insert<TMembershipDoc>(C.memberships, leaderMembership(group, filedAt));
}
