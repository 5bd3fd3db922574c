import { C, type TEventDoc, type TRegistrationDoc } from '../../cloudfunctions/core/collections';
import { newCheckInSecret } from '../../cloudfunctions/core/events/check-in-code';
import { registrationIdFor } from '../../cloudfunctions/core/events/registration-id';
import type { TStore } from '../../cloudfunctions/core/storage/port';
import { LAONIAN_MEMBERS } from './demo-data';

/**
 * The demo's upcoming activities, placed relative to the seed's `now` on the weekdays the story gives them:
 * 老年协会's weekly 老年大学书法课 (a series), the 合唱团's rehearsal, the monthly 社区志愿服务日 that 老年协会 runs
 * with 阳光小志愿者协会, and a 座谈会 the social worker holds for the community. A few members are signed up.
 */
type TNew<T> = Omit<T, 'createdAt' | 'updatedAt' | 'version'>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CHINA_OFFSET = 8 * HOUR;

/**
 * The first `weekday` (0 = Sunday, China time) at least three days after `now`, at hh:mm China time: far enough
 * that no reminder is due yet and sign-up is open when the demo (or a test) starts.
 */
export function nextWeekday(now: number, weekday: number, hour: number, minute = 0): number {
  const china = new Date(now + CHINA_OFFSET);
  const midnight = Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate()) - CHINA_OFFSET;
  let days = (weekday - china.getUTCDay() + 7) % 7;
  if (days < 3) days += 7;
  return midnight + days * DAY + hour * HOUR + minute * MINUTE;
}

interface TSeedEvent {
  id: string;
  title: string;
  description: string;
  place: string;
  start(now: number): number;
  minutes: number;
  /** Sign-up closes this long before the start. */
  closesBefore: number;
  capacity: number | null;
  audience: TEventDoc['audience'];
  isVolunteer: boolean;
  hosts: Array<{ id: string; name: string }>;
  createdBy: string;
  weeks?: number;
  /** Seed members (openids) registered for the first date. */
  registered?: string[];
}

const LAONIAN = { id: 'g_seed_laonian', name: '塔谈社区老年协会' };
const HECHANG = { id: 'g_seed_hechang', name: '塔谈社区合唱团' };
const YANGGUANG = { id: 'g_seed_yangguang', name: '阳光小志愿者协会' };

export const SEED_EVENTS: TSeedEvent[] = [
  {
    id: 'e_seed_shufa',
    title: '老年大学书法课',
    description: '老年大学管委会组织的楷书入门课，由退休语文教师授课。请自带毛笔，宣纸和墨汁由协会提供。',
    place: '塔谈社区党群服务中心二楼活动室',
    start: (now) => nextWeekday(now, 2, 9),
    minutes: 120,
    closesBefore: 12 * HOUR,
    capacity: 20,
    audience: 'community',
    isVolunteer: false,
    hosts: [LAONIAN],
    createdBy: 'demo-leader',
    weeks: 8,
    registered: ['seed-deputy-laonian', 'seed-member-1'],
  },
  {
    id: 'e_seed_hechang',
    title: '合唱团周一排练',
    description: '排练《我和我的祖国》《茉莉花》，为元旦慰问独居老人演出做准备。',
    place: '塔谈社区多功能厅',
    start: (now) => nextWeekday(now, 1, 9, 30),
    minutes: 90,
    closesBefore: HOUR,
    capacity: null,
    audience: 'members',
    isVolunteer: false,
    hosts: [HECHANG],
    createdBy: 'seed-leader-hechang',
  },
  {
    id: 'e_seed_volunteer_day',
    title: '社区志愿服务日',
    description: '老年协会党支部与阳光小志愿者协会共同开展：清理楼道小广告、为高龄老人理发、测量血压。青少年请由家长陪同。',
    place: '塔谈社区广场',
    start: (now) => nextWeekday(now, 6, 9),
    minutes: 150,
    closesBefore: 15 * HOUR,
    capacity: 30,
    audience: 'anyone',
    isVolunteer: true,
    hosts: [LAONIAN, YANGGUANG],
    createdBy: 'demo-leader',
    registered: ['seed-member-2', 'seed-member-3'],
  },
  {
    id: 'e_seed_zuotan',
    title: '社区议事座谈会',
    description: '听取居民对老旧小区改造和社区活动安排的意见建议，社区书记参加。',
    place: '塔谈社区党群服务中心一楼会议室',
    start: (now) => nextWeekday(now, 4, 15),
    minutes: 90,
    closesBefore: 2 * HOUR,
    capacity: 15,
    audience: 'community',
    isVolunteer: false,
    hosts: [],
    createdBy: 'demo-social-worker',
  },
];

const nameOf = (openid: string) => LAONIAN_MEMBERS.find((m) => m.openid === openid)!;

export async function seedDemoEvents(store: TStore, now: number): Promise<void> {
  for (const seed of SEED_EVENTS) {
    const first = seed.start(now);
    const weeks = seed.weeks ?? 1;
    for (let i = 0; i < weeks; i++) {
      const _id = weeks > 1 ? `${seed.id}_${i + 1}` : seed.id;
      const startAt = first + i * 7 * DAY;
      const registered = i === 0 ? (seed.registered ?? []) : [];
      const event: TNew<TEventDoc> = {
        _id,
        status: 'scheduled',
        title: seed.title,
        description: seed.description,
        startAt,
        endAt: startAt + seed.minutes * MINUTE,
        place: seed.place,
        capacity: seed.capacity,
        signupDeadline: startAt - seed.closesBefore,
        audience: seed.audience,
        isVolunteer: seed.isVolunteer,
        communityId: 'c-tatan',
        communityName: '塔谈社区',
        hostGroupIds: seed.hosts.map((h) => h.id),
        hostGroupId: seed.hosts[0]?.id ?? null,
        coHostGroupId: seed.hosts[1]?.id ?? null,
        hostNames: seed.hosts.length ? seed.hosts.map((h) => h.name) : ['塔谈社区居委会'],
        createdBy: seed.createdBy,
        seriesId: weeks > 1 ? `s_seed_${seed.id}` : null,
        requestFingerprint: 'seed',
        cancelReason: null,
        cancelledAt: null,
        registeredCount: registered.length,
        checkedInCount: 0,
        waitlist: [],
        checkInSecret: newCheckInSecret(),
        record: null,
        remindedAt: null,
      };
      await store.collection<TEventDoc>(C.events).insert(event);
      for (const openid of registered) {
        const m = nameOf(openid);
        await store.collection<TRegistrationDoc>(C.registrations).insert({
          _id: registrationIdFor(_id, openid),
          eventId: _id,
          openid,
          name: m.name,
          mobile: m.mobile,
          status: 'registered',
          onBehalfBy: null,
          registeredAt: now - DAY,
          promotedAt: null,
          cancelledAt: null,
          lateCancel: false,
          checkedInAt: null,
          checkInMethod: null,
          startAt,
          attended: false,
        });
      }
    }
  }
}
