import type { TFilingFields } from '../../types/filings';
import type { TAssignment, TCommunityDoc, TPlaceDoc, TUserDoc } from '../../cloudfunctions/core/collections';
import type { TStoredMeta } from '../../cloudfunctions/core/storage/port';

/**
 * The story's community: 石家庄市桥西区汇通街道塔谈社区, with its four filed groups and one filing waiting for
 * review, plus a neighbouring community and another street so scopes have edges to test.
 */
type TNew<T> = Omit<T, keyof TStoredMeta> & { _id: string };

const city = { cityName: '石家庄市', districtId: 'd-qiaoxi', districtName: '桥西区' };
export const COMMUNITIES: TNew<TCommunityDoc>[] = [
  { _id: 'c-tatan', name: '塔谈社区', streetId: 's-huitong', streetName: '汇通街道', ...city },
  { _id: 'c-beijiao', name: '北焦社区', streetId: 's-huitong', streetName: '汇通街道', ...city },
  { _id: 'c-youyi', name: '友谊社区', streetId: 's-zhentou', streetName: '振头街道', ...city },
];

/** The district and its streets (communities keep their own collection). */
export const PLACES: TNew<TPlaceDoc>[] = [
  { _id: 'd-qiaoxi', level: 'district', name: '桥西区', districtId: 'd-qiaoxi', districtName: '桥西区', cityName: '石家庄市' },
  { _id: 's-huitong', level: 'street', name: '汇通街道', districtId: 'd-qiaoxi', districtName: '桥西区', cityName: '石家庄市' },
  { _id: 's-zhentou', level: 'street', name: '振头街道', districtId: 'd-qiaoxi', districtName: '桥西区', cityName: '石家庄市' },
];

/**
 * A staff member's stored assignment fields as admin.assign writes them (core/admin/assignments.ts): the scope is
 * derived from these, `assignedWithin` lists the place and the places above it.
 */
export function seededStaff(level: TAssignment['level'], placeId: string, within: string[]) {
  const assignments: TAssignment[] = [{ level, placeId, since: Date.UTC(2026, 0, 5), by: 'setup' }];
  return { roles: [level === 'community' ? ('social_worker' as const) : ('admin' as const)], assignments, assignedWithin: within };
}

export const DEMO_USERS: TNew<TUserDoc>[] = [
  { _id: 'demo-resident', displayName: '李秀英', roles: [], communityId: null },
  { _id: 'demo-leader', displayName: '张建国', roles: [], communityId: 'c-tatan' },
  { _id: 'demo-social-worker', displayName: '刘芳', ...seededStaff('community', 'c-tatan', ['c-tatan', 's-huitong', 'd-qiaoxi']), communityId: 'c-tatan' },
  // A street officer: every live community of 汇通街道 (derived when read, so a new one is in scope at once).
  { _id: 'demo-admin', displayName: '赵明', ...seededStaff('street', 's-huitong', ['s-huitong', 'd-qiaoxi']), communityId: null },
  // The district officer: every street and community of 桥西区.
  { _id: 'demo-district', displayName: '王丽', ...seededStaff('district', 'd-qiaoxi', ['d-qiaoxi']), communityId: null },
  // An elderly leader of 北焦社区 who does not use a phone: 赵明 filed her group for her (代办, scripts/seed/demo-behalf.ts).
  { _id: 'demo-elder', displayName: '孙桂兰', roles: [], communityId: 'c-beijiao' },
];

export function charter(name: string, purpose: string, communityName = '塔谈社区'): string {
  return [
    `第一章 总则`,
    `第一条 本组织名称为${name}，是在${communityName}居民委员会指导下，由社区居民自愿组成的社区社会组织。`,
    `第二条 本组织宗旨：${purpose}`,
    `第二章 成员`,
    `第三条 凡本社区居民，认同本章程、自愿参加活动者，经申请均可成为成员；成员可自愿退出。`,
    `第三章 组织机构`,
    `第四条 本组织设负责人一名，由成员推选产生，每届任期三年。`,
    `第四章 活动与经费`,
    `第五条 本组织活动坚持公益、自愿、安全的原则，活动经费来源于社区支持和成员自愿捐助，收支定期公开。`,
    `第五章 附则`,
    `第六条 本章程经成员大会通过，报社区居民委员会备案后生效。`,
  ].join('\n');
}

export interface TSeedFiling {
  filingId: string;
  owner: string;
  ownerName: string;
  status: 'approved' | 'submitted';
  /** Days before now that it was submitted (and, when approved, decided a day later). */
  daysAgo: number;
  fields: TFilingFields;
}

function filed(
  slug: string,
  owner: string,
  status: TSeedFiling['status'],
  daysAgo: number,
  f: Omit<TFilingFields, 'communityId' | 'charter' | 'supervisor' | 'roster'>,
  roster: TFilingFields['roster'] = [],
): TSeedFiling {
  return {
    filingId: `f_seed_${slug}`,
    owner,
    ownerName: f.leaderName,
    status,
    daysAgo,
    fields: { ...f, communityId: 'c-tatan', supervisor: '塔谈社区居民委员会', charter: charter(f.name, f.purpose), roster },
  };
}

/** People of 塔谈社区老年协会 beyond its leader (on its filed roster too); its two 分会 follow the filings. */
export const LAONIAN_GROUP_ID = 'g_seed_laonian';
export interface TSeedMember {
  openid: string;
  name: string;
  mobile: string;
  role: 'deputy' | 'member';
  subCommittee: 'university' | 'mutual' | null;
}
export const LAONIAN_MEMBERS: TSeedMember[] = [
  { openid: 'seed-deputy-laonian', name: '王桂芝', mobile: '13931110001', role: 'deputy', subCommittee: 'university' },
  { openid: 'seed-member-1', name: '赵淑珍', mobile: '13931110002', role: 'member', subCommittee: 'university' },
  { openid: 'seed-member-2', name: '钱文华', mobile: '13931110003', role: 'member', subCommittee: 'mutual' },
  { openid: 'seed-member-3', name: '孙秀兰', mobile: '13931110004', role: 'member', subCommittee: 'mutual' },
  { openid: 'seed-member-4', name: '周德明', mobile: '13931110005', role: 'member', subCommittee: null },
];
export const SEED_FILINGS: TSeedFiling[] = [
  filed('laonian', 'demo-leader', 'approved', 120, {
    name: '塔谈社区老年协会',
    category: 'community_affairs',
    purpose: '团结社区老年人，开展互助养老、文体活动和志愿服务，下设老年大学管委会和老年人互助委员会。',
    leaderName: '张建国',
    leaderMobile: '13831112345',
    memberCount: 86,
    venue: '塔谈社区党群服务中心二楼活动室',
    activityTime: '每周二、周四上午 9:00—11:00',
    partyMemberCount: 8,
    hasPartyBranch: true,
  },
  // The people the app lists as members are on the filed roster too, so the record never says 「未附花名册」 beside them.
  [{ name: '张建国', mobile: '13831112345' }, ...LAONIAN_MEMBERS.map((m) => ({ name: m.name, mobile: m.mobile }))]),
  filed('langsong', 'seed-leader-langsong', 'approved', 90, {
    name: '朗颂者老年人学习小组',
    category: 'culture_sports',
    purpose: '组织老年人诵读经典诗文、交流学习心得，丰富精神文化生活，展示社区老年人风采。',
    leaderName: '王淑芬',
    leaderMobile: '13903117788',
    memberCount: 24,
    venue: '塔谈社区图书角',
    activityTime: '每周三下午 3:00—4:30',
    partyMemberCount: 1,
    hasPartyBranch: false,
  }),
  filed('hechang', 'seed-leader-hechang', 'approved', 60, {
    name: '塔谈社区合唱团',
    category: 'culture_sports',
    purpose: '以歌会友，组织社区居民排练合唱曲目，参加街道和区里的文艺汇演，传播正能量。',
    leaderName: '陈玉兰',
    leaderMobile: '13633115566',
    memberCount: 40,
    venue: '塔谈社区多功能厅',
    activityTime: '每周一、周五上午 9:30—11:00',
    partyMemberCount: 3,
    hasPartyBranch: true,
  }),
  filed('yangguang', 'seed-leader-yangguang', 'approved', 30, {
    name: '阳光小志愿者协会',
    category: 'charity',
    purpose: '组织社区青少年在家长陪同下参加环保宣传、敬老助老等志愿服务，培养公益意识。',
    leaderName: '刘晓东',
    leaderMobile: '15831119900',
    memberCount: 35,
    venue: '塔谈社区广场及党群服务中心',
    activityTime: '每月第二、第四个周六上午',
    partyMemberCount: 0,
    hasPartyBranch: false,
  }),
  filed('taiji', 'seed-leader-taiji', 'submitted', 3, {
    name: '塔谈社区太极拳健身队',
    category: 'culture_sports',
    purpose: '组织居民晨练太极拳、八段锦，普及科学健身知识，增强老年人体质。',
    leaderName: '孙立平',
    leaderMobile: '13731114433',
    memberCount: 18,
    venue: '塔谈社区小广场',
    activityTime: '每天早上 6:30—7:30',
    partyMemberCount: 3,
    hasPartyBranch: false,
  }),
];

export const LAONIAN_SUBCOMMITTEES = [
  { key: 'university', _id: 'sc_seed_1_university', name: '老年大学管委会', intro: '负责老年大学课程安排、报名和教室协调。', lead: 'seed-deputy-laonian' },
  { key: 'mutual', _id: 'sc_seed_2_mutual', name: '老年人互助委员会', intro: '组织低龄老人结对帮扶高龄、独居老人。', lead: 'seed-member-2' },
] as const;
