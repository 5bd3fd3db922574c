import type { TGroupCategory } from '../../types/domain';

/**
 * Starter 章程 per category, so a leader edits a sensible draft instead of facing an empty box.
 * Structure follows the usual 社区社会组织 charter: 总则/宗旨/成员/组织机构/活动/经费/附则.
 * "本组织" instead of the group's name: the text stays valid whatever name is typed later.
 */
interface TCharterParts {
  nature: string;
  purpose: string;
  activities: string;
  safety: string;
}

const PARTS: Record<TGroupCategory, TCharterParts> = {
  culture_sports: {
    nature: '本组织是由本社区居民自愿组成的文体活动团队，属非营利性社区社会组织。',
    purpose: '丰富居民精神文化生活，强身健体，增进邻里交流，营造健康向上的社区文化氛围。',
    activities: '定期开展排练、训练、演出和比赛；参加社区节庆和文艺汇演；带动更多居民参与文体活动。',
    safety: '活动前做好场地检查和热身，年长成员量力而行；噪音和场地使用遵守社区规定，不扰民。',
  },
  life_service: {
    nature: '本组织是由本社区居民自愿组成的生活服务团队，属非营利性社区社会组织。',
    purpose: '为社区居民特别是老年人、残疾人等提供便民生活服务，方便群众日常生活。',
    activities: '开展便民维修、理发、助餐、代购、健康咨询等服务；服务以公益为主，收取材料费的须事先公示标准。',
    safety: '服务人员持证上岗的项目须具备相应资格；上门服务两人同行，尊重服务对象隐私。',
  },
  charity: {
    nature: '本组织是由本社区居民自愿组成的公益慈善团队，属非营利性社区社会组织。',
    purpose: '弘扬扶贫济困、助人为乐的传统美德，帮助社区困难群众，传递社会正能量。',
    activities: '开展探访慰问、爱心捐助、结对帮扶、公益宣传等活动；接受的捐赠物资登记造册，全部用于受助对象。',
    safety: '募捐活动须按规定向社区报告，不得以本组织名义进行公开募捐；受助人信息严格保密。',
  },
  mutual_aid: {
    nature: '本组织是由本社区居民自愿组成的邻里互助团队，属非营利性社区社会组织。',
    purpose: '倡导"远亲不如近邻"，组织居民互帮互助，形成守望相助的和谐邻里关系。',
    activities: '开展结对关爱独居老人、邻里照看、技能互换、时间银行等互助活动；定期走访，及时向社区反映困难。',
    safety: '互助服务坚持自愿、无偿原则；涉及老人和儿童的照看事先征得家属同意。',
  },
  community_affairs: {
    nature: '本组织是由本社区居民自愿组成的社区事务参与团队，属非营利性社区社会组织。',
    purpose: '在社区党组织和居民委员会指导下，协助做好社区治理工作，发挥居民自我管理、自我服务作用。',
    activities: '协助开展环境整治、治安巡逻、矛盾调解、垃圾分类宣传、议事协商等社区事务。',
    safety: '巡逻和调解遵守法律法规，不采取强制手段；发现安全隐患和纠纷及时报告社区。',
  },
  other: {
    nature: '本组织是由本社区居民自愿组成的团队，属非营利性社区社会组织。',
    purpose: '围绕居民共同兴趣和需求开展活动，服务社区，促进邻里和睦。',
    activities: '按照本章程确定的宗旨，定期组织成员开展活动，积极参加社区组织的公益活动。',
    safety: '活动遵守社区各项管理规定，注意人身和财产安全。',
  },
};

function build(p: TCharterParts): string {
  return [
    '第一章 总则',
    `第一条 ${p.nature}`,
    '第二条 本组织遵守宪法、法律法规和国家政策，接受社区党组织的领导和居民委员会的指导、监督。',
    '',
    '第二章 宗旨',
    `第三条 本组织的宗旨是：${p.purpose}`,
    '',
    '第三章 成员',
    '第四条 凡本社区居民，认同本章程、自愿参加活动的，经申请即可成为成员。',
    '第五条 成员有参加活动、提出意见建议的权利，有遵守章程、维护团队声誉的义务；成员可以自愿退出。',
    '',
    '第四章 组织机构',
    '第六条 本组织设负责人一名，可设副负责人一至两名，由成员大会推选产生，任期三年，可以连任。',
    '第七条 负责人主持日常工作，召集成员大会，向社区报告年度活动情况。重大事项由成员大会讨论决定。',
    '',
    '第五章 活动',
    `第八条 ${p.activities}`,
    `第九条 ${p.safety}`,
    '',
    '第六章 经费',
    '第十条 经费来源为成员自愿缴纳、社区支持和合法捐赠。经费只用于本组织活动，账目每半年向成员公开一次。',
    '',
    '第七章 附则',
    '第十一条 本章程经成员大会通过，报社区备案后生效；修改时同样须经成员大会通过并报社区备案。',
    '第十二条 本组织解散时，须向社区报备，清理剩余财产并用于社区公益事业。',
  ].join('\n');
}

export const CHARTER_TEMPLATES: Record<TGroupCategory, string> = {
  culture_sports: build(PARTS.culture_sports),
  life_service: build(PARTS.life_service),
  charity: build(PARTS.charity),
  mutual_aid: build(PARTS.mutual_aid),
  community_affairs: build(PARTS.community_affairs),
  other: build(PARTS.other),
};

/** Empty, or exactly one of our templates: switching category may replace it without losing anyone's words. */
export function isUntouchedCharter(charter: string): boolean {
  const text = charter.trim();
  return text === '' || Object.values(CHARTER_TEMPLATES).some((t) => t === text);
}
