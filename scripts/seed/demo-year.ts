import { C, type TEventDoc, type TRegistrationDoc, type TStatDoc } from '../../cloudfunctions/core/collections';
import { newCheckInSecret } from '../../cloudfunctions/core/events/check-in-code';
import { registrationIdFor } from '../../cloudfunctions/core/events/registration-id';
import { chinaMonth, communityStatId, groupStatId, personStatId, PERSON_MONTH, volunteerMinutesPerAttendance } from '../../cloudfunctions/core/events/stats';
import { touchLastEvent } from '../../cloudfunctions/core/growth/quiet';
import type { TStoredMeta, TTransaction } from '../../cloudfunctions/core/storage/port';
import { COMMUNITIES, SEED_FILINGS } from './demo-data';
import { nextWeekday } from './demo-events';
import { groupPeople, SEED_GROUPS, seedGroupId } from './demo-groups';
import { peopleFor, prng, seedOf, type TSeedPerson } from './demo-people';

/**
 * A year of activity (issue 10): every filed group's regular activities over the last 12 months, each held one with
 * its record (summary, attendance, volunteer minutes for volunteer events) and the attended registrations behind
 * it, so the event counters (`stats`: per group and community per month, per person) are written equal to a full
 * recount, and each host's lastEventAt/quietSince is what recording those events would have left. Plus a handful
 * of upcoming activities of the new groups, two weeks out. All drawn from a PRNG seeded by the host, so the same
 * `now` always gives the same year. Written in the caller's transaction: one commit for a few thousand documents.
 */
type TNew<T> = Omit<T, keyof TStoredMeta> & { _id: string };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR_DAYS = 365;

interface THost {
  id: string;
  name: string;
  communityId: string;
  leader: string;
  /** Events are only generated after this (the group's filing). */
  since: number;
  /** Who shows up: the group's people, or for the older demo groups, residents of the community. */
  pool: TSeedPerson[];
}

interface TCadence {
  /** Seed-group slug (demo-groups.ts / demo-data.ts) or null for the community's own events. */
  hosts: string[];
  communityId?: string;
  titles: string[];
  place: string;
  /** China weekday, 0 = Sunday. */
  weekday: number;
  hour: number;
  minute?: number;
  minutes: number;
  everyWeeks: number;
  isVolunteer?: boolean;
  audience?: TEventDoc['audience'];
  attend: [min: number, max: number];
  /** Stop this many days before now (a group that went quiet). */
  stopDaysAgo?: number;
  detail: string;
}

const CADENCES: TCadence[] = [
  { hosts: ['laonian'], titles: ['老年大学书法课', '老年大学声乐课', '健康养生讲座', '协会理事会例会'], place: '塔谈社区党群服务中心二楼活动室', weekday: 2, hour: 9, minutes: 120, everyWeeks: 1, attend: [6, 13], detail: '学员按时到课，课后交流了练习心得。' },
  { hosts: ['hechang'], titles: ['合唱团排练', '合唱团声部练习'], place: '塔谈社区多功能厅', weekday: 5, hour: 9, minute: 30, minutes: 90, everyWeeks: 1, attend: [7, 16], audience: 'members', detail: '排练了《我和我的祖国》《茉莉花》，分声部纠正音准。' },
  { hosts: ['langsong'], titles: ['经典诗文诵读会', '读书心得交流'], place: '塔谈社区图书角', weekday: 3, hour: 15, minutes: 90, everyWeeks: 2, attend: [4, 9], detail: '大家轮流诵读，互相点评语音语调。' },
  { hosts: ['yangguang'], titles: ['小志愿者环保宣传', '小志愿者敬老探访'], place: '塔谈社区广场及党群服务中心', weekday: 6, hour: 9, minutes: 120, everyWeeks: 2, isVolunteer: true, attend: [6, 11], detail: '孩子们在家长陪同下完成了服务，社工做了安全提示。' },
  { hosts: ['guangchangwu'], titles: ['广场舞健身活动', '广场舞新曲目教学'], place: '塔谈社区文化广场', weekday: 1, hour: 19, minutes: 90, everyWeeks: 2, attend: [8, 18], detail: '音量控制在规定范围内，活动结束后清理了场地。' },
  { hosts: ['hongse'], titles: ['红色文艺进楼院', '快板情景剧排练'], place: '塔谈社区党群服务中心多功能厅', weekday: 4, hour: 14, minute: 30, minutes: 120, everyWeeks: 4, attend: [4, 9], detail: '演出了快板《夸夸咱社区》，居民反响热烈。' },
  { hosts: ['dangyuan'], titles: ['主题党日志愿服务', '文明劝导志愿服务', '困难家庭帮扶走访'], place: '塔谈社区党群服务中心', weekday: 0, hour: 9, minutes: 150, everyWeeks: 2, isVolunteer: true, attend: [6, 13], detail: '党员志愿者分组开展服务，记录了居民反映的问题。' },
  { hosts: ['linli'], titles: ['邻里结对探访', '高龄老人节日慰问'], place: '塔谈社区各楼院', weekday: 3, hour: 9, minutes: 120, everyWeeks: 4, isVolunteer: true, attend: [4, 10], detail: '探访了独居和高龄老人，登记了代买代办需求。' },
  { hosts: ['xunluo'], titles: ['夜间平安巡逻', '消防通道检查'], place: '塔谈社区警务室', weekday: 5, hour: 19, minute: 30, minutes: 90, everyWeeks: 2, isVolunteer: true, attend: [4, 8], detail: '巡查了各楼院和消防通道，清理堆放杂物三处。' },
  { hosts: ['weixiu'], titles: ['便民维修服务日'], place: '塔谈社区便民服务站', weekday: 6, hour: 8, minute: 30, minutes: 180, everyWeeks: 4, isVolunteer: true, attend: [4, 6], detail: '为居民修理小家电、更换水龙头，上门服务两户困难家庭。' },
  { hosts: ['loumenzhang'], titles: ['楼门长议事会'], place: '塔谈社区党群服务中心一楼会议室', weekday: 1, hour: 15, minutes: 90, everyWeeks: 4, attend: [7, 13], detail: '协商了楼道清理和电动车充电管理，形成三条意见报社区。' },
  { hosts: ['xiangqi'], titles: ['象棋擂台赛', '象棋交流活动'], place: '塔谈社区老年活动室', weekday: 6, hour: 14, minutes: 180, everyWeeks: 4, attend: [4, 8], detail: '进行了循环赛，前三名代表社区参加街道比赛。' },
  { hosts: ['zhucan'], titles: ['助餐送餐服务'], place: '塔谈社区老年助餐点', weekday: 3, hour: 11, minutes: 90, everyWeeks: 4, isVolunteer: true, attend: [4, 7], detail: '为行动不便的老人送餐上门，并了解了饮食需求。' },
  { hosts: ['huanbao', 'dangyuan'], titles: ['垃圾分类指导', '旧物改造集市', '楼道清理行动'], place: '塔谈社区垃圾分类宣传站', weekday: 6, hour: 9, minutes: 120, everyWeeks: 4, isVolunteer: true, attend: [6, 12], detail: '党员志愿服务队一起参加，指导居民正确投放。' },
  { hosts: ['bianzhi'], titles: ['毛线编织交流', '中国结制作'], place: '塔谈社区老年活动室', weekday: 4, hour: 14, minute: 30, minutes: 120, everyWeeks: 2, attend: [4, 6], stopDaysAgo: 150, detail: '完成了义卖作品十余件。' },
  { hosts: [], communityId: 'c-tatan', titles: ['塔谈社区居民议事会'], place: '塔谈社区党群服务中心一楼会议室', weekday: 4, hour: 15, minutes: 90, everyWeeks: 13, attend: [8, 16], detail: '听取居民对老旧小区改造的意见，社区书记参加。' },
  { hosts: ['beijiao_jingju'], titles: ['京剧票友排练'], place: '北焦社区文化活动室', weekday: 3, hour: 9, minutes: 120, everyWeeks: 2, attend: [4, 9], detail: '排练了《锁麟囊》选段。' },
  { hosts: ['beijiao_zhiyuan'], titles: ['北焦社区志愿服务日'], place: '北焦社区党群服务中心', weekday: 0, hour: 9, minutes: 120, everyWeeks: 4, isVolunteer: true, attend: [6, 14], detail: '开展了环境整治和助老服务。' },
  { hosts: ['youyi_taiji'], titles: ['太极柔力球训练'], place: '友谊社区健身广场', weekday: 2, hour: 7, minutes: 60, everyWeeks: 4, attend: [6, 11], detail: '练习了规定套路。' },
];

/** Upcoming activities of the new groups, two weeks or more out (the demo's own events come first in lists). */
const UPCOMING: Array<{ id: string; host: string; title: string; description: string; place: string; weekday: number; hour: number; minutes: number; isVolunteer: boolean }> = [
  { id: 'e_seed_gcw_show', host: 'guangchangwu', title: '广场舞展演', description: '迎新年广场舞展演，欢迎居民观看、参与。', place: '塔谈社区文化广场', weekday: 6, hour: 19, minutes: 90, isVolunteer: false },
  { id: 'e_seed_xiangqi_cup', host: 'xiangqi', title: '象棋迎新擂台赛', description: '年度象棋擂台赛，报名后现场抽签分组。', place: '塔谈社区老年活动室', weekday: 0, hour: 14, minutes: 180, isVolunteer: false },
  { id: 'e_seed_dangyuan_day', host: 'dangyuan', title: '主题党日：冬季防火宣传', description: '党员志愿者入户发放冬季防火、防一氧化碳中毒宣传材料。', place: '塔谈社区党群服务中心', weekday: 0, hour: 9, minutes: 150, isVolunteer: true },
  { id: 'e_seed_beijiao_show', host: 'beijiao_jingju', title: '京剧票友迎新演唱会', description: '票友们演唱经典选段，欢迎居民观看。', place: '北焦社区文化活动室', weekday: 3, hour: 9, minutes: 120, isVolunteer: false },
];

const LEGACY_SINCE_DAYS: Record<string, number> = Object.fromEntries(SEED_FILINGS.filter((f) => f.status === 'approved').map((f) => [f.filingId.replace(/^f_seed_/, ''), f.daysAgo - 1]));

function hostOf(slug: string, now: number): THost {
  const seeded = SEED_GROUPS.find((g) => g.slug === slug);
  if (seeded) {
    const people = groupPeople(seeded);
    return { id: seedGroupId(slug), name: seeded.name, communityId: seeded.communityId, leader: people[0]!.openid, since: now - seeded.filedDaysAgo * DAY, pool: people };
  }
  const filing = SEED_FILINGS.find((f) => f.filingId === `f_seed_${slug}`)!;
  return {
    id: seedGroupId(slug),
    name: filing.fields.name,
    communityId: filing.fields.communityId,
    leader: filing.owner,
    since: now - LEGACY_SINCE_DAYS[slug]! * DAY,
    pool: peopleFor(`${slug}-res`, 30, 400 + Object.keys(LEGACY_SINCE_DAYS).indexOf(slug)),
  };
}

/** Midnight (China time) of the day containing `ms`, as a UTC instant. */
const chinaMidnight = (ms: number) => Math.floor((ms + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
const chinaWeekday = (ms: number) => new Date(ms + 8 * HOUR).getUTCDay();

export interface TYearSummary {
  /** Held events (with a record) per community in the last 12 months. */
  held: Record<string, number>;
}

type TCount = { eventsHeld: number; attendances: number; volunteerMinutes: number };

export async function writeDemoYear(tx: TTransaction, now: number): Promise<TYearSummary> {
  const stats = new Map<string, { scope: TStatDoc['scope']; scopeId: string; month: string } & TCount>();
  const add = (id: string, scope: TStatDoc['scope'], scopeId: string, month: string, d: TCount) => {
    const s = stats.get(id) ?? { scope, scopeId, month, eventsHeld: 0, attendances: 0, volunteerMinutes: 0 };
    s.eventsHeld += d.eventsHeld;
    s.attendances += d.attendances;
    s.volunteerMinutes += d.volunteerMinutes;
    stats.set(id, s);
  };
  const lastHeld = new Map<string, number>();
  const held: Record<string, number> = {};
  const yearStart = chinaMidnight(now - YEAR_DAYS * DAY) + DAY;

  for (const [c, cadence] of CADENCES.entries()) {
    const hosts = cadence.hosts.map((slug) => hostOf(slug, now));
    const communityId = hosts[0]?.communityId ?? cadence.communityId!;
    const communityName = COMMUNITIES.find((x) => x._id === communityId)!.name;
    const random = prng(seedOf(`year-${c}-${cadence.titles[0]}`));
    const pool = hosts.length ? hosts.flatMap((h) => h.pool) : peopleFor(`${communityId}-res`, 40, 500);
    const from = Math.max(yearStart, ...hosts.map((h) => h.since));
    let day = chinaMidnight(from);
    while (chinaWeekday(day + 12 * HOUR) !== cadence.weekday) day += DAY;
    const until = now - (cadence.stopDaysAgo ?? 0) * DAY - 3 * HOUR;
    for (let n = 0; ; n++, day += cadence.everyWeeks * 7 * DAY) {
      const startAt = day + cadence.hour * HOUR + (cadence.minute ?? 0) * MINUTE;
      const endAt = startAt + cadence.minutes * MINUTE;
      if (endAt > until) break;
      if (startAt < from) continue;
      if (random() < 0.05) continue; // rained off or a holiday: not every week happens
      const title = cadence.titles[n % cadence.titles.length]!;
      const _id = `e_seed_y${c}_${n}`;
      const [lo, hi] = cadence.attend;
      const attendees = Math.min(pool.length, lo + Math.floor(random() * (hi - lo + 1)));
      const noShows = random() < 0.5 ? 1 : 0;
      const offset = Math.floor(random() * pool.length);
      const people = Array.from({ length: Math.min(pool.length, attendees + noShows) }, (_, i) => pool[(offset + i) % pool.length]!);
      const leader = hosts[0]?.leader ?? 'demo-social-worker';
      const event: TNew<TEventDoc> = {
        _id,
        status: 'scheduled',
        title,
        description: `${hosts.map((h) => h.name).join('、') || communityName}的日常活动：${title}。`,
        startAt,
        endAt,
        place: cadence.place,
        capacity: null,
        signupDeadline: startAt - HOUR,
        audience: cadence.audience ?? 'community',
        isVolunteer: cadence.isVolunteer ?? false,
        communityId,
        communityName,
        hostGroupIds: hosts.map((h) => h.id),
        hostGroupId: hosts[0]?.id ?? null,
        coHostGroupId: hosts[1]?.id ?? null,
        hostNames: hosts.length ? hosts.map((h) => h.name) : [`${communityName}居委会`],
        createdBy: leader,
        seriesId: null,
        requestFingerprint: 'seed',
        cancelReason: null,
        cancelledAt: null,
        registeredCount: people.length,
        checkedInCount: attendees,
        waitlist: [],
        checkInSecret: newCheckInSecret(),
        record: null,
        remindedAt: startAt - DAY,
      };
      const perAttendance = volunteerMinutesPerAttendance(event);
      event.record = {
        summary: `${title}顺利举行，${attendees}人参加。${cadence.detail}`,
        photos: [],
        attendance: attendees,
        volunteerMinutes: attendees * perAttendance,
        recordedAt: endAt + 2 * HOUR,
        recordedBy: leader,
      };
      await tx.insert<TEventDoc>(C.events, event);
      for (const [i, p] of people.entries()) {
        const attended = i < attendees;
        await tx.insert<TRegistrationDoc>(C.registrations, {
          _id: registrationIdFor(_id, p.openid),
          eventId: _id,
          openid: p.openid,
          name: p.name,
          mobile: p.mobile,
          status: 'registered',
          onBehalfBy: null,
          registeredAt: startAt - 2 * DAY - i * 7 * MINUTE,
          promotedAt: null,
          cancelledAt: null,
          lateCancel: false,
          checkedInAt: attended ? startAt + (i % 10) * MINUTE : null,
          checkInMethod: attended ? 'code' : null,
          startAt,
          attended,
        });
        if (attended) add(personStatId(p.openid), 'person', p.openid, PERSON_MONTH, { eventsHeld: 0, attendances: 1, volunteerMinutes: perAttendance });
      }
      const figures = { eventsHeld: 1, attendances: attendees, volunteerMinutes: attendees * perAttendance };
      const month = chinaMonth(startAt);
      for (const h of hosts) {
        add(groupStatId(h.id, month), 'group', h.id, month, figures);
        lastHeld.set(h.id, Math.max(lastHeld.get(h.id) ?? 0, startAt));
      }
      add(communityStatId(communityId, month), 'community', communityId, month, figures);
      held[communityId] = (held[communityId] ?? 0) + 1;
    }
  }

  for (const [id, s] of stats) await tx.insert<TStatDoc>(C.stats, { _id: id, ...s });
  // As recording them would have: each host's latest held event moves its lastEventAt / quietSince.
  for (const [groupId, startAt] of lastHeld) await touchLastEvent(tx, [groupId], startAt);

  for (const u of UPCOMING) {
    const host = hostOf(u.host, now);
    const startAt = nextWeekday(now, u.weekday, u.hour) + 7 * DAY;
    await tx.insert<TEventDoc>(C.events, {
      _id: u.id,
      status: 'scheduled',
      title: u.title,
      description: u.description,
      startAt,
      endAt: startAt + u.minutes * MINUTE,
      place: u.place,
      capacity: null,
      signupDeadline: startAt - 2 * HOUR,
      audience: 'anyone',
      isVolunteer: u.isVolunteer,
      communityId: host.communityId,
      communityName: COMMUNITIES.find((x) => x._id === host.communityId)!.name,
      hostGroupIds: [host.id],
      hostGroupId: host.id,
      coHostGroupId: null,
      hostNames: [host.name],
      createdBy: host.leader,
      seriesId: null,
      requestFingerprint: 'seed',
      cancelReason: null,
      cancelledAt: null,
      registeredCount: 0,
      checkedInCount: 0,
      waitlist: [],
      checkInSecret: newCheckInSecret(),
      record: null,
      remindedAt: null,
    });
  }
  return { held };
}
