import type { TBookingDoc } from '../../cloudfunctions/core/base/docs';
import { claimRoom } from '../../cloudfunctions/core/base/slots';
import { ownerKeyFor } from '../../cloudfunctions/core/base/views';
import { C } from '../../cloudfunctions/core/collections';
import { moveRoomUse } from '../../cloudfunctions/core/stats/room-use';
import type { TNeedDoc, TSupportDoc } from '../../cloudfunctions/core/incubation/docs';
import { supportIdFor } from '../../cloudfunctions/core/incubation/ids';
import type { TStoredMeta, TTransaction } from '../../cloudfunctions/core/storage/port';
import { DEMO_ROOM_IDS } from './demo-base';
import { groupPeople, SEED_GROUPS, seedGroupId } from './demo-groups';

/**
 * The incubation base over the past year (issue 10), so the dashboards' room use and needs have numbers: the
 * monthly bookings of 楼门长议事会 (会议室) and 红色文艺宣传队 (多功能厅, approved by the social worker), claimed
 * through the same slot core as the app at the time they were made; and needs that were answered months ago
 * (arranged or declined), with neighbours' 我也想 (北焦社区 stays without needs: tests post there on a blank page).
 */
type TNew<T> = Omit<T, keyof TStoredMeta> & { _id: string };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WORKER = { openid: 'demo-social-worker', name: '刘芳' };

interface TMonthly {
  slug: string;
  room: string;
  needsApproval: boolean;
  title: string;
  /** China time of day (9.5 = 9:30) and length. */
  hour: number;
  hours: number;
}

const MONTHLY: TMonthly[] = [
  { slug: 'loumenzhang', room: DEMO_ROOM_IDS.huiyi, needsApproval: false, title: '楼门长议事会', hour: 15, hours: 1.5 },
  { slug: 'hongse', room: DEMO_ROOM_IDS.duogong, needsApproval: true, title: '红色文艺节目排练', hour: 14.5, hours: 2 },
];

/** A Thursday (China) `weeksAgo` weeks before `now`, at `hour` China time, on a whole half hour. */
function pastThursday(now: number, weeksAgo: number, hour: number): number {
  const china = new Date(now + 8 * HOUR);
  const midnight = Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate()) - 8 * HOUR;
  const back = (china.getUTCDay() - 4 + 7) % 7 || 7;
  return midnight - back * DAY - weeksAgo * 7 * DAY + hour * HOUR;
}

export async function writeDemoYearBase(tx: TTransaction, now: number): Promise<void> {
  for (const m of MONTHLY) {
    const group = SEED_GROUPS.find((g) => g.slug === m.slug)!;
    const groupId = seedGroupId(m.slug);
    const leader = groupPeople(group)[0]!;
    for (let month = 1; month <= 11; month++) {
      const startAt = pastThursday(now, month * 4 + (m.needsApproval ? 0 : 1), m.hour);
      const ranges = [{ startAt, endAt: startAt + m.hours * HOUR }];
      const id = `bk_seed_${m.slug}_${month}`;
      const bookedAt = startAt - 10 * DAY;
      const room = await claimRoom(tx, { clock: { now: () => bookedAt } }, { roomId: m.room, ranges, holder: { kind: 'booking', id, name: group.name, title: m.title, groupId } });
      await tx.insert<TBookingDoc>(C.bookings, {
        _id: id,
        roomId: room._id,
        roomName: room.name,
        baseId: room.baseId,
        communityId: room.communityId,
        groupId,
        ownerKey: ownerKeyFor(groupId, room.communityId),
        holderName: group.name,
        title: m.title,
        ranges,
        firstStartAt: startAt,
        status: 'approved',
        eventId: null,
        bookedBy: leader.openid,
        bookedByName: leader.name,
        decidedBy: m.needsApproval ? WORKER.openid : null,
        decidedAt: m.needsApproval ? bookedAt + DAY : null,
        reason: null,
        cancelledAt: null,
        requestFingerprint: 'seed',
      });
      // As booking it in the app would have: the month's room use on the dashboard (docs/dashboards.md).
      await moveRoomUse(tx, room.communityId, ranges, 1);
    }
  }

  const needs: Array<{ id: string; communityId: string; poster: string; supporters: string[]; daysAgo: number; title: string; description: string; category: TNeedDoc['category']; status: TNeedDoc['status']; answer: string | null }> = [
    {
      id: 'nd_seed_y_fangzha',
      communityId: 'c-tatan',
      poster: 'seed-p-linli-3',
      supporters: ['seed-p-linli-4', 'seed-p-linli-5', 'seed-p-guangchangwu-2', 'seed-p-guangchangwu-7'],
      daysAgo: 240,
      title: '想听防诈骗讲座',
      description: '最近老有人接到冒充公检法的电话，想请民警来讲讲怎么识别。',
      category: 'learning',
      status: 'arranged',
      answer: '已请塔谈社区民警在党群服务中心开设防诈骗讲座，每季度一次。',
    },
    {
      id: 'nd_seed_y_xueya',
      communityId: 'c-tatan',
      poster: 'seed-p-zhucan-2',
      supporters: ['seed-p-zhucan-3', 'seed-p-linli-6'],
      daysAgo: 180,
      title: '想每月量一次血压',
      description: '希望社区卫生服务站的医生每月来一次，给老人量血压、测血糖。',
      category: 'health',
      status: 'arranged',
      answer: '社区卫生服务站每月第一个周二上午在党群服务中心义诊。',
    },
    {
      id: 'nd_seed_y_youyong',
      communityId: 'c-tatan',
      poster: 'seed-p-xiangqi-2',
      supporters: ['seed-p-xiangqi-3'],
      daysAgo: 120,
      title: '想组织冬泳',
      description: '想找几个人一起冬泳锻炼身体。',
      category: 'culture_sports',
      status: 'declined',
      answer: '冬泳安全风险较高，社区没有合适的场地和救护条件，暂不组织；可关注区体育中心的冬泳协会。',
    },
  ];
  for (const n of needs) {
    await tx.insert<TNeedDoc>(C.needs, {
      _id: n.id,
      communityId: n.communityId,
      openid: n.poster,
      title: n.title,
      description: n.description,
      category: n.category,
      status: n.status,
      listed: true,
      answer: n.answer,
      answeredBy: n.answer ? WORKER.openid : null,
      demand: 1 + n.supporters.length,
      mergedInto: null,
      courseId: null,
      circle: null,
      requestFingerprint: 'seed',
    } satisfies TNew<TNeedDoc>);
    for (const [i, openid] of [n.poster, ...n.supporters].entries()) {
      await tx.insert<TSupportDoc>(C.needsupports, { _id: supportIdFor(n.id, openid), needId: n.id, openid, fromNeedId: null, at: now - n.daysAgo * DAY + i * HOUR });
    }
  }
}
