import type { TFilingFields } from '../../types/filings';

/** A complete, valid filing a leader could submit; tests override what they are about. */
export function completeFields(overrides: Partial<TFilingFields> = {}): TFilingFields {
  return {
    name: '塔谈社区书法绘画社',
    category: 'culture_sports',
    communityId: 'c-tatan',
    purpose: '组织书法和国画爱好者交流切磋，开展公益写春联等活动，传承传统文化。',
    leaderName: '张建国',
    leaderMobile: '13831112345',
    memberCount: 15,
    roster: [{ name: '李梅', mobile: '13912345678' }, { name: '赵刚' }],
    venue: '塔谈社区党群服务中心书画室',
    activityTime: '每周六上午 9:00—11:00',
    charter: '第一条 本组织名称为塔谈社区书法绘画社。第二条 本组织在社区居委会指导下开展活动。',
    supervisor: '塔谈社区居民委员会',
    partyMemberCount: 3,
    hasPartyBranch: false,
    ...overrides,
  };
}

let seq = 0;
/** A fresh, well-formed idempotency key per call. */
export function requestId(): string {
  seq += 1;
  return `test-request-${seq}-${Math.random().toString(36).slice(2, 10)}`;
}
