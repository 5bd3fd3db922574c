import { C, type TEventDoc, type TRegistrationDoc } from '../../cloudfunctions/core/collections';
import { newCheckInSecret } from '../../cloudfunctions/core/events/check-in-code';
import { registrationIdFor } from '../../cloudfunctions/core/events/registration-id';
import type { TCourseDoc, TEnrollmentDoc, TNeedDoc, TPartnerDoc, TSupportDoc } from '../../cloudfunctions/core/incubation/docs';
import { enrollmentIdFor, sessionIdFor, supportIdFor } from '../../cloudfunctions/core/incubation/ids';
import type { TStore } from '../../cloudfunctions/core/storage/port';
import { LAONIAN_MEMBERS } from './demo-data';
import { nextWeekday } from './demo-events';

/**
 * The incubation base's residents' side in the demo (docs/incubation.md): three open needs with neighbours who
 * said 我也想, the partners list, and the 老年大学's 声乐 course that grew from a fourth need — running, three of
 * its eight Wednesday sessions already held, four members enrolled (registered on every session).
 */
type TNew<T> = Omit<T, 'createdAt' | 'updatedAt' | 'version'>;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const WEEK = 7 * DAY;
const COMMUNITY = { id: 'c-tatan', name: '塔谈社区' };
const WORKER = 'demo-social-worker';

interface TSeedNeed {
  id: string;
  poster: string;
  title: string;
  description: string;
  category: TNeedDoc['category'];
  supporters: string[];
  daysAgo: number;
}

const NEEDS: TSeedNeed[] = [
  {
    id: 'nd_seed_phone',
    poster: 'seed-member-2',
    title: '想学智能手机',
    description: '想学会用微信和孙子视频、扫码付款，还想学在手机上挂号。',
    category: 'learning',
    supporters: ['seed-member-3', 'seed-member-4', 'seed-deputy-laonian'],
    daysAgo: 12,
  },
  {
    id: 'nd_seed_shufa',
    poster: 'seed-member-1',
    title: '想学书法',
    description: '退休后想练练毛笔字，希望有老师从握笔教起。',
    category: 'culture_sports',
    supporters: ['seed-deputy-laonian'],
    daysAgo: 9,
  },
  {
    id: 'nd_seed_chat',
    poster: 'seed-member-3',
    title: '想有人陪老人聊天',
    description: '楼里有几位独居老人，子女不在身边，希望有志愿者定期上门陪他们聊聊天。',
    category: 'care',
    supporters: ['seed-member-4'],
    daysAgo: 5,
  },
];

const PARTNERS: Array<TNew<TPartnerDoc>> = [
  {
    _id: 'pt_seed_hebtu',
    communityId: COMMUNITY.id,
    name: '河北师范大学青年志愿者服务队',
    contactName: '陈晓',
    contactMobile: '13831100201',
    offers: '智能手机教学、防诈骗宣讲、青少年课业辅导，周末可上门',
    createdBy: WORKER,
  },
  {
    _id: 'pt_seed_openu',
    communityId: COMMUNITY.id,
    name: '石家庄开放大学',
    contactName: '郑老师',
    contactMobile: '13831100202',
    offers: '老年大学课程：声乐、书法、中医推拿，每学期一期',
    createdBy: WORKER,
  },
];

const COURSE_ID = 'co_seed_shengyue';
const SINGING_NEED = 'nd_seed_singing';
const ENROLLED = ['seed-deputy-laonian', 'seed-member-1', 'seed-member-2', 'seed-member-3'];

async function seedNeed(store: TStore, n: TSeedNeed, now: number, extra: Partial<TNew<TNeedDoc>> = {}) {
  await store.collection<TNeedDoc>(C.needs).insert({
    _id: n.id,
    communityId: COMMUNITY.id,
    openid: n.poster,
    title: n.title,
    description: n.description,
    category: n.category,
    status: 'collecting',
    listed: true,
    answer: null,
    answeredBy: null,
    demand: 1 + n.supporters.length,
    mergedInto: null,
    courseId: null,
    circle: null,
    requestFingerprint: 'seed',
    ...extra,
  });
  for (const [i, openid] of [n.poster, ...n.supporters].entries()) {
    await store.collection<TSupportDoc>(C.needsupports).insert({
      _id: supportIdFor(n.id, openid),
      needId: n.id,
      openid,
      fromNeedId: null,
      at: now - n.daysAgo * DAY + i * 3_600_000,
    });
  }
}

export async function seedDemoIncubation(store: TStore, now: number): Promise<void> {
  for (const need of NEEDS) await seedNeed(store, need, now);
  for (const partner of PARTNERS) await store.collection<TPartnerDoc>(C.partners).insert(partner);

  // 老年大学声乐课: Wednesdays 9:00–10:30, eight sessions, the fourth the next one at least three days ahead.
  const first = nextWeekday(now, 3, 9) - 3 * WEEK;
  const sessions = Array.from({ length: 8 }, (_, i) => ({ eventId: sessionIdFor(COURSE_ID, i), startAt: first + i * WEEK, endAt: first + i * WEEK + 90 * MINUTE }));
  const title = '老年大学声乐课';
  const place = '塔谈社区孵化培育基地多功能厅';
  await seedNeed(
    store,
    { id: SINGING_NEED, poster: 'seed-member-1', title: '想学唱歌', description: '想系统学学发声，唱好老歌。', category: 'culture_sports', supporters: ['seed-member-2', 'seed-member-3'], daysAgo: 40 },
    now,
    { status: 'arranged', answer: `已开设课程「${title}」，石家庄开放大学的老师授课`, answeredBy: WORKER, courseId: COURSE_ID },
  );
  const course = await store.collection<TCourseDoc>(C.courses).insert({
    _id: COURSE_ID,
    communityId: COMMUNITY.id,
    communityName: COMMUNITY.name,
    title,
    description: '石家庄开放大学音乐老师授课：科学发声、气息练习，学唱《我和我的祖国》《茉莉花》。',
    teacher: '石家庄开放大学 郑老师',
    partnerId: 'pt_seed_openu',
    partnerName: '石家庄开放大学',
    place,
    roomId: null,
    audience: 'community',
    status: 'open',
    needId: SINGING_NEED,
    sessions,
    firstStartAt: first,
    capacity: 20,
    registeredCount: ENROLLED.length,
    waitlist: [],
    signupDeadline: first + 4 * WEEK - DAY,
    createdBy: WORKER,
    requestFingerprint: 'seed',
  });
  for (const [i, s] of sessions.entries()) {
    const event: TNew<TEventDoc> = {
      _id: s.eventId,
      status: 'scheduled',
      title: `${title}（第${i + 1}课）`,
      description: course.description,
      startAt: s.startAt,
      endAt: s.endAt,
      place,
      capacity: null,
      signupDeadline: Math.min(course.signupDeadline, s.startAt),
      audience: 'community',
      isVolunteer: false,
      communityId: COMMUNITY.id,
      communityName: COMMUNITY.name,
      hostGroupIds: [],
      hostGroupId: null,
      coHostGroupId: null,
      hostNames: [`${COMMUNITY.name}居委会`],
      createdBy: WORKER,
      seriesId: `s_${COURSE_ID}`,
      requestFingerprint: 'seed',
      cancelReason: null,
      cancelledAt: null,
      registeredCount: ENROLLED.length,
      checkedInCount: 0,
      waitlist: [],
      checkInSecret: newCheckInSecret(),
      record: null,
      remindedAt: null,
      courseId: COURSE_ID,
    };
    await store.collection<TEventDoc>(C.events).insert(event);
  }
  for (const openid of ENROLLED) {
    const member = LAONIAN_MEMBERS.find((m) => m.openid === openid)!;
    const enrolledAt = first - 10 * DAY;
    await store.collection<TEnrollmentDoc>(C.enrollments).insert({
      _id: enrollmentIdFor(COURSE_ID, openid),
      courseId: COURSE_ID,
      openid,
      name: member.name,
      status: 'enrolled',
      enrolledAt,
      promotedAt: null,
      cancelledAt: null,
    });
    for (const s of sessions) {
      await store.collection<TRegistrationDoc>(C.registrations).insert({
        _id: registrationIdFor(s.eventId, openid),
        eventId: s.eventId,
        openid,
        name: member.name,
        mobile: null,
        status: 'registered',
        onBehalfBy: null,
        registeredAt: enrolledAt,
        promotedAt: null,
        cancelledAt: null,
        lateCancel: false,
        checkedInAt: null,
        checkInMethod: null,
        startAt: s.startAt,
        attended: false,
      });
    }
  }
}
