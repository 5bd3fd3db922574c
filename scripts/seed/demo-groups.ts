import type { TFilingStatus, TGroupCategory } from '../../types/domain';
import type { TFilingFields } from '../../types/filings';
import { C, type TAuditDoc, type TFilingDoc, type TGroupDoc, type TMembershipDoc } from '../../cloudfunctions/core/collections';
import { groupFromFiling } from '../../cloudfunctions/core/groups/from-filing';
import { membershipIdFor } from '../../cloudfunctions/core/groups/membership-id';
import type { TStoredMeta, TTransaction } from '../../cloudfunctions/core/storage/port';
import { charter, COMMUNITIES } from './demo-data';
import { peopleFor, type TSeedPerson } from './demo-people';

/**
 * The rest of the story's filed groups (issue 10): with the four of demo-data.ts, 塔谈社区 has 15 filed groups,
 * 8 of them with a Party branch and 32 Party members in all (growthstats gs_c-tatan reads 15 / 8 / 32), and
 * 北焦社区 (same street) and 友谊社区 (振头街道) have a few each, so street and district scopes have edges.
 * Every group here is written as its approved initial filing would have made it (filing, two audit lines, group,
 * memberships); its people are members in the app, so memberCount equals its active memberships.
 */
type TNew<T> = Omit<T, keyof TStoredMeta> & { _id: string };
const DAY = 86_400_000;
export const SEED_REVIEWER = { openid: 'demo-social-worker', name: '刘芳' };
const NEIGHBOUR_REVIEWER = { openid: 'demo-admin', name: '赵明' };

export interface TSeedGroup {
  slug: string;
  communityId: 'c-tatan' | 'c-beijiao' | 'c-youyi';
  name: string;
  category: TGroupCategory;
  purpose: string;
  venue: string;
  activityTime: string;
  leaderName: string;
  leaderMobile: string;
  /** Filed members; all of them are members in the app (leader, one deputy, the rest members). */
  memberCount: number;
  partyMemberCount: number;
  hasPartyBranch: boolean;
  partyLeaderCount?: number;
  filedDaysAgo: number;
}

const g = (slug: string, communityId: TSeedGroup['communityId'], rest: Omit<TSeedGroup, 'slug' | 'communityId'>): TSeedGroup => ({ slug, communityId, ...rest });

export const TATAN_GROUPS: TSeedGroup[] = [
  g('guangchangwu', 'c-tatan', {
    name: '塔谈社区广场舞队',
    category: 'culture_sports',
    purpose: '组织居民跳健身广场舞，控制音量、错峰活动，参加街道广场舞展演，带动更多居民科学健身。',
    venue: '塔谈社区文化广场',
    activityTime: '每天晚上 7:00—8:30',
    leaderName: '马翠兰',
    leaderMobile: '13931131001',
    memberCount: 36,
    partyMemberCount: 1,
    hasPartyBranch: false,
    filedDaysAgo: 540,
  }),
  g('hongse', 'c-tatan', {
    name: '塔谈社区红色文艺宣传队',
    category: 'culture_sports',
    purpose: '以快板、情景剧、红歌演唱等形式宣传党的政策和身边好人好事，逢重要节日走进楼院演出。',
    venue: '塔谈社区党群服务中心多功能厅',
    activityTime: '每月第一个周四下午 2:30—4:30',
    leaderName: '高振华',
    leaderMobile: '13931131002',
    memberCount: 18,
    partyMemberCount: 3,
    hasPartyBranch: true,
    partyLeaderCount: 1,
    filedDaysAgo: 500,
  }),
  g('dangyuan', 'c-tatan', {
    name: '塔谈社区党员志愿服务队',
    category: 'charity',
    purpose: '在职党员和退休党员到社区报到服务：政策宣传、文明劝导、帮扶困难家庭，每月开展主题党日志愿服务。',
    venue: '塔谈社区党群服务中心',
    activityTime: '每月第二、第四个周日上午',
    leaderName: '宋立新',
    leaderMobile: '13931131003',
    memberCount: 28,
    partyMemberCount: 4,
    hasPartyBranch: true,
    partyLeaderCount: 1,
    filedDaysAgo: 480,
  }),
  g('linli', 'c-tatan', {
    name: '塔谈社区邻里互助会',
    category: 'mutual_aid',
    purpose: '低龄老人结对帮扶高龄、独居老人，代买代办、陪同就医、节日探访，让邻里守望相助。',
    venue: '塔谈社区党群服务中心一楼接待室',
    activityTime: '每月第三个周三上午',
    leaderName: '韩桂英',
    leaderMobile: '13931131004',
    memberCount: 22,
    partyMemberCount: 3,
    hasPartyBranch: true,
    filedDaysAgo: 450,
  }),
  g('xunluo', 'c-tatan', {
    name: '塔谈社区平安巡逻队',
    category: 'community_affairs',
    purpose: '组织居民志愿者开展夜间治安巡逻、消防通道检查和防诈骗宣传，配合社区网格员排查安全隐患。',
    venue: '塔谈社区警务室',
    activityTime: '每周二、周五晚上 7:30—9:00',
    leaderName: '郭德胜',
    leaderMobile: '13931131005',
    memberCount: 20,
    partyMemberCount: 3,
    hasPartyBranch: true,
    partyLeaderCount: 1,
    filedDaysAgo: 430,
  }),
  g('weixiu', 'c-tatan', {
    name: '塔谈社区便民维修服务队',
    category: 'life_service',
    purpose: '退休技术工人为居民免费修理小家电、更换水龙头、磨剪刀，为困难家庭上门维修。',
    venue: '塔谈社区便民服务站',
    activityTime: '每月第一个周六上午 8:30—11:30',
    leaderName: '曹长林',
    leaderMobile: '13931131006',
    memberCount: 12,
    partyMemberCount: 3,
    hasPartyBranch: true,
    filedDaysAgo: 420,
  }),
  g('loumenzhang', 'c-tatan', {
    name: '塔谈社区楼门长议事会',
    category: 'community_affairs',
    purpose: '各楼门长收集居民意见，协商楼道清理、停车管理、加装电梯等公共事务，协助社区传达通知。',
    venue: '塔谈社区党群服务中心一楼会议室',
    activityTime: '每月最后一个周一下午 3:00—4:30',
    leaderName: '彭福生',
    leaderMobile: '13931131007',
    memberCount: 26,
    partyMemberCount: 3,
    hasPartyBranch: true,
    filedDaysAgo: 400,
  }),
  g('xiangqi', 'c-tatan', {
    name: '塔谈社区象棋协会',
    category: 'culture_sports',
    purpose: '为象棋爱好者提供交流平台，每月举办社区象棋擂台赛，推荐优秀棋手参加街道比赛。',
    venue: '塔谈社区老年活动室',
    activityTime: '每周六下午 2:00—5:00',
    leaderName: '蒋卫东',
    leaderMobile: '13931131008',
    memberCount: 15,
    partyMemberCount: 0,
    hasPartyBranch: false,
    filedDaysAgo: 390,
  }),
  g('zhucan', 'c-tatan', {
    name: '塔谈社区爱心助餐服务队',
    category: 'life_service',
    purpose: '为社区老年助餐点提供配餐、送餐上门服务，优先照顾失能、独居和高龄老人。',
    venue: '塔谈社区老年助餐点',
    activityTime: '每天中午 11:00—12:30',
    leaderName: '袁素琴',
    leaderMobile: '13931131009',
    memberCount: 14,
    partyMemberCount: 0,
    hasPartyBranch: false,
    filedDaysAgo: 380,
  }),
  g('huanbao', 'c-tatan', {
    name: '塔谈社区绿色环保志愿队',
    category: 'charity',
    purpose: '开展垃圾分类指导、旧物改造和楼道清理，组织居民认领社区绿地，共建美丽家园。',
    venue: '塔谈社区垃圾分类宣传站',
    activityTime: '每月第三个周六上午',
    leaderName: '潘晓燕',
    leaderMobile: '13931131010',
    memberCount: 24,
    partyMemberCount: 0,
    hasPartyBranch: false,
    filedDaysAgo: 370,
  }),
  g('bianzhi', 'c-tatan', {
    name: '塔谈社区巧手编织社',
    category: 'culture_sports',
    purpose: '老姐妹们一起学习毛线编织、中国结和布艺，作品义卖所得捐给社区困难家庭。',
    venue: '塔谈社区老年活动室',
    activityTime: '每周四下午 2:30—4:30',
    leaderName: '叶春梅',
    leaderMobile: '13931131011',
    memberCount: 9,
    partyMemberCount: 0,
    hasPartyBranch: false,
    filedDaysAgo: 365,
  }),
];

export const NEIGHBOUR_GROUPS: TSeedGroup[] = [
  g('beijiao_jingju', 'c-beijiao', {
    name: '北焦社区京剧票友会',
    category: 'culture_sports',
    purpose: '京剧爱好者切磋唱腔、排练折子戏，传承国粹，逢年过节为社区居民义演。',
    venue: '北焦社区文化活动室',
    activityTime: '每周三上午 9:00—11:00',
    leaderName: '程玉珍',
    leaderMobile: '13931132001',
    memberCount: 16,
    partyMemberCount: 2,
    hasPartyBranch: false,
    filedDaysAgo: 300,
  }),
  g('beijiao_zhiyuan', 'c-beijiao', {
    name: '北焦社区志愿者服务队',
    category: 'charity',
    purpose: '组织居民开展助老、环境整治和文明创建志愿服务。',
    venue: '北焦社区党群服务中心',
    activityTime: '每月第一个周日上午',
    leaderName: '杜建军',
    leaderMobile: '13931132002',
    memberCount: 25,
    partyMemberCount: 5,
    hasPartyBranch: true,
    filedDaysAgo: 280,
  }),
  g('beijiao_huzhu', 'c-beijiao', {
    name: '北焦社区老年餐桌互助队',
    category: 'mutual_aid',
    purpose: '低龄老人轮流为高龄老人送餐、陪餐，互帮互助。',
    venue: '北焦社区老年餐桌',
    activityTime: '每天中午',
    leaderName: '姚淑芳',
    leaderMobile: '13931132003',
    memberCount: 10,
    partyMemberCount: 1,
    hasPartyBranch: false,
    filedDaysAgo: 200,
  }),
  g('youyi_taiji', 'c-youyi', {
    name: '友谊社区太极柔力球队',
    category: 'culture_sports',
    purpose: '组织居民练习太极柔力球，参加区里的全民健身比赛。',
    venue: '友谊社区健身广场',
    activityTime: '每天早上 6:30—8:00',
    leaderName: '卢保国',
    leaderMobile: '13931133001',
    memberCount: 20,
    partyMemberCount: 2,
    hasPartyBranch: false,
    filedDaysAgo: 330,
  }),
  g('youyi_tiaojie', 'c-youyi', {
    name: '友谊社区邻里调解队',
    category: 'community_affairs',
    purpose: '退休法官、教师和老党员调解邻里纠纷，普及法律常识。',
    venue: '友谊社区调解室',
    activityTime: '每周一、周四上午',
    leaderName: '任学军',
    leaderMobile: '13931133002',
    memberCount: 8,
    partyMemberCount: 4,
    hasPartyBranch: true,
    filedDaysAgo: 260,
  }),
  g('youyi_dushu', 'c-youyi', {
    name: '友谊社区亲子读书会',
    category: 'culture_sports',
    purpose: '组织家长和孩子共读绘本、分享读书心得，培养孩子阅读习惯。',
    venue: '友谊社区图书室',
    activityTime: '每周日上午 10:00—11:30',
    leaderName: '沈佳怡',
    leaderMobile: '13931133003',
    memberCount: 30,
    partyMemberCount: 0,
    hasPartyBranch: false,
    filedDaysAgo: 150,
  }),
];

export const SEED_GROUPS = [...TATAN_GROUPS, ...NEIGHBOUR_GROUPS];

export const leaderOpenidOf = (slug: string) => `seed-leader-${slug}`;
export const seedGroupId = (slug: string) => `g_seed_${slug}`;

/** A group's people in the app: its leader first, then a deputy, then members. */
export function groupPeople(group: TSeedGroup): TSeedPerson[] {
  const index = SEED_GROUPS.indexOf(group);
  const leader = { openid: leaderOpenidOf(group.slug), name: group.leaderName, mobile: group.leaderMobile };
  return [leader, ...peopleFor(group.slug, group.memberCount - 1, 200 + index)];
}

/** The filed form of a seeded group (also the snapshot later change filings start from). */
export function seedFields(group: TSeedGroup, people: TSeedPerson[]): TFilingFields {
  const community = COMMUNITIES.find((c) => c._id === group.communityId)!;
  return {
    name: group.name,
    category: group.category,
    communityId: group.communityId,
    purpose: group.purpose,
    leaderName: group.leaderName,
    leaderMobile: group.leaderMobile,
    memberCount: group.memberCount,
    venue: group.venue,
    activityTime: group.activityTime,
    charter: charter(group.name, group.purpose, community.name),
    supervisor: `${community.name}居民委员会`,
    partyMemberCount: group.partyMemberCount,
    hasPartyBranch: group.hasPartyBranch,
    roster: people.map((p) => ({ name: p.name, mobile: p.mobile })),
  };
}

/** Two audit lines of an initial filing: submitted by its leader, approved by the reviewer a day later. */
export function initialAudits(
  filingId: string,
  communityId: string,
  owner: { openid: string; name: string },
  reviewer: { openid: string; name: string },
  submittedAt: number,
  decidedAt: number,
): TNew<TAuditDoc>[] {
  const line = (seq: number, actor: typeof owner, from: TFilingStatus, to: TFilingStatus, at: number) => ({
    _id: `a_seed_${filingId}_${seq}`,
    action: `filing:${to}`,
    communityId,
    detail: null,
    entity: 'filing' as const,
    entityId: filingId,
    seq,
    actor: actor.openid,
    actorName: actor.name,
    from,
    to,
    reason: null,
    at,
  });
  return [line(1, owner, 'draft', 'submitted', submittedAt), line(2, reviewer, 'submitted', 'approved', decidedAt)];
}

/** Writes the groups (filing, audit, group, memberships) in the caller's transaction. */
export async function writeSeedGroups(tx: TTransaction, now: number): Promise<void> {
  for (const group of SEED_GROUPS) {
    const people = groupPeople(group);
    const filingId = `f_seed_${group.slug}`;
    const decidedAt = now - group.filedDaysAgo * DAY;
    const submittedAt = decidedAt - 2 * DAY;
    const community = COMMUNITIES.find((c) => c._id === group.communityId)!;
    const reviewer = group.communityId === 'c-tatan' ? SEED_REVIEWER : NEIGHBOUR_REVIEWER;
    const filing: TNew<TFilingDoc> = {
      _id: filingId,
      openid: people[0]!.openid,
      kind: 'initial',
      status: 'approved',
      fields: seedFields(group, people),
      communityId: group.communityId,
      communityName: community.name,
      groupId: seedGroupId(group.slug),
      submittedAt,
      decidedAt,
      lastComment: null,
      reviewedBy: reviewer.openid,
    };
    await tx.insert<TFilingDoc>(C.filings, filing);
    for (const a of initialAudits(filingId, group.communityId, people[0]!, reviewer, submittedAt, decidedAt)) await tx.insert<TAuditDoc>(C.audit, a);
    const doc = groupFromFiling(filing as TFilingDoc, decidedAt);
    await tx.insert<TGroupDoc>(C.groups, { ...doc, partyLeaderCount: group.partyLeaderCount ?? 0 });
    for (const [i, p] of people.entries()) {
      const joinedAt = decidedAt + Math.floor((i * (now - decidedAt)) / (people.length * 2));
      await tx.insert<TMembershipDoc>(C.memberships, {
        _id: membershipIdFor(doc._id, p.openid),
        groupId: doc._id,
        groupName: doc.name,
        communityId: doc.communityId,
        openid: p.openid,
        name: p.name,
        mobile: p.mobile,
        role: i === 0 ? 'leader' : i === 1 ? 'deputy' : 'member',
        status: 'active',
        message: null,
        note: null,
        subCommitteeId: null,
        requestedAt: joinedAt,
        joinedAt,
      });
    }
  }
}
