import { C, type TGroupDoc } from '../../cloudfunctions/core/collections';
import { circleIdFor, createHobbyCircle } from '../../cloudfunctions/core/growth/circles';
import { writeRecount } from '../../cloudfunctions/core/growth/counters';
import type { TStore } from '../../cloudfunctions/core/storage/port';
import { COMMUNITIES, LAONIAN_GROUP_ID } from './demo-data';

const DAY = 86_400_000;
const WORKER = { openid: 'demo-social-worker', name: '刘芳' };

/** The hobby circles of the demo: the story's youth drawing circle (兴趣小组) and a calligraphy circle being incubated. */
export const DRAWING_CIRCLE_ID = circleIdFor(WORKER.openid, 'seed-circle-drawing');
export const CALLIGRAPHY_CIRCLE_ID = circleIdFor(WORKER.openid, 'seed-circle-calligraphy');

/**
 * The incubation path in the demo (docs/growth.md): groups at every stage — 青少年绘画兴趣小组 (兴趣小组), 书法兴趣小组
 * (培育中), the filed groups (已备案) and 老年协会 (示范) — a few social workers' notes, 老年协会's 双孵化 facts, each
 * group's latest recorded event, and every community's counters written from a recount.
 */
export async function seedDemoGrowth(store: TStore, now: number): Promise<void> {
  await store.transaction(async (tx) => {
    await createHobbyCircle(tx, {
      id: DRAWING_CIRCLE_ID,
      communityId: 'c-tatan',
      name: '青少年绘画兴趣小组',
      category: 'culture_sports',
      intro: '社区里喜欢画画的孩子们周末一起写生、临摹，由美术专业的大学生志愿者指导。',
      activityTime: '每周六下午',
      contactName: '陈晓燕',
      contactMobile: '13931120001',
      contactOpenid: null,
      createdBy: WORKER.openid,
      now: now - 40 * DAY,
    });
    await createHobbyCircle(tx, {
      id: CALLIGRAPHY_CIRCLE_ID,
      communityId: 'c-tatan',
      name: '塔谈社区书法兴趣小组',
      category: 'culture_sports',
      intro: '老年大学书法班结业的学员自发组成，每周练字交流，准备申请备案。',
      activityTime: '每周二上午',
      contactName: '何立群',
      contactMobile: '13931120002',
      contactOpenid: null,
      createdBy: WORKER.openid,
      now: now - 75 * DAY,
    });
  });
  const groups = store.collection<TGroupDoc>(C.groups);
  const calligraphy = await groups.get(CALLIGRAPHY_CIRCLE_ID);
  await groups.updateIfVersion(CALLIGRAPHY_CIRCLE_ID, calligraphy!.version, {
    stage: 'incubating',
    stageSince: now - 20 * DAY,
    stageReason: '已有固定成员20余人，章程在起草，社工协助准备备案材料',
  });
  const laonian = await groups.get(LAONIAN_GROUP_ID);
  await groups.updateIfVersion(LAONIAN_GROUP_ID, laonian!.version, {
    stage: 'model',
    stageSince: now - 30 * DAY,
    stageReason: '老年大学、互助委员会运行规范，获评街道示范社会组织',
    partyLeaderCount: 2,
    nominatedPartyLeader: true,
  });

  const notes = [
    { group: LAONIAN_GROUP_ID, kind: 'visit', days: 14, text: '走访老年协会活动室，老年大学本学期开设声乐、书法两个班，学员反映教室偏小。' },
    { group: LAONIAN_GROUP_ID, kind: 'advice', days: 7, text: '建议互助委员会建立高龄独居老人结对名单，每月更新一次。' },
    { group: DRAWING_CIRCLE_ID, kind: 'problem', days: 5, text: '缺少固定活动场地，周六借用的会议室常被占用，需协调孵化基地活动室。' },
    { group: CALLIGRAPHY_CIRCLE_ID, kind: 'visit', days: 3, text: '与何立群沟通备案事宜：章程初稿已完成，负责人和指导单位已确定。' },
  ] as const;
  for (const [i, n] of notes.entries()) {
    await store.collection(C.groupnotes).insert({
      _id: `n_seed_${i + 1}`,
      groupId: n.group,
      communityId: 'c-tatan',
      kind: n.kind,
      at: now - n.days * DAY,
      text: n.text,
      authorOpenid: WORKER.openid,
      authorName: WORKER.name,
    });
  }

  // The year of recorded events (demo-year.ts) already moved its hosts' lastEventAt; the counters come from a recount.
  for (const community of COMMUNITIES) await writeRecount(store, community._id);
}
