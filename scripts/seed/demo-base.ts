import type { TBookingDoc, TRoomDoc } from '../../cloudfunctions/core/base/docs';
import { claimRoom } from '../../cloudfunctions/core/base/slots';
import { ownerKeyFor } from '../../cloudfunctions/core/base/views';
import { C } from '../../cloudfunctions/core/collections';
import { groupIdFor } from '../../cloudfunctions/core/groups/from-filing';
import type { TStore } from '../../cloudfunctions/core/storage/port';
import type { TOpening } from '../../types/base-time';
import { SEED_FILINGS } from './demo-data';
import { nextWeekday } from './demo-events';
import { moveRoomUse } from '../../cloudfunctions/core/stats/room-use';

/**
 * 塔谈社区's incubation base (孵化培育基地) and its three rooms, with a few bookings of the demo groups made through
 * the same slot core as the app (so the calendar and conflicts show them): 合唱团's weekly rehearsal in the
 * 多功能厅, 老年协会's council meeting in the 会议室, 阳光小志愿者协会's exhibition set-up waiting for approval (the
 * 多功能厅 needs it), and the community's own 居民议事会. Thursday mornings in the 活动室 stay free for courses.
 */
type TNew<T> = Omit<T, 'createdAt' | 'updatedAt' | 'version'>;

const HOUR = 3_600_000;
export const DEMO_BASE_ID = 'base_tatan';
/** Set up at the same moment, rooms list in id order: 活动室, 会议室, 多功能厅. */
export const DEMO_ROOM_IDS = { huodong: 'rm_tatan_1_huodong', huiyi: 'rm_tatan_2_huiyi', duogong: 'rm_tatan_3_duogong' } as const;

const open = (from: number, to: number): TOpening => ({ open: from * 60, close: to * 60 });
const days = (weekdays: TOpening, saturday: TOpening | null, sunday: TOpening | null) => [...Array.from({ length: 5 }, () => weekdays), saturday, sunday];

const base = { _id: DEMO_BASE_ID, name: '塔谈社区孵化培育基地', communityId: 'c-tatan', communityName: '塔谈社区', address: '塔谈社区党群服务中心二楼' };

const ROOMS: Array<TNew<TRoomDoc>> = [
  { _id: DEMO_ROOM_IDS.huodong, name: '活动室', capacity: 40, equipment: ['钢琴', '音响', '桌椅40套'], hours: days(open(8, 21), open(8, 21), null), needsApproval: false },
  { _id: DEMO_ROOM_IDS.huiyi, name: '会议室', capacity: 16, equipment: ['投影仪', '会议桌', '白板'], hours: days(open(8.5, 17.5), null, null), needsApproval: false },
  { _id: DEMO_ROOM_IDS.duogong, name: '多功能厅', capacity: 100, equipment: ['投影仪', '音响', '舞台', '钢琴'], hours: days(open(8, 21.5), open(8, 21.5), open(8, 21.5)), needsApproval: true },
].map((r) => ({ ...r, baseId: base._id, baseName: base.name, communityId: base.communityId, communityName: base.communityName, active: true }));

interface TSeedBooking {
  id: string;
  room: string;
  /** A filing slug of demo-data.ts, or null for the community's own use. */
  group: string | null;
  title: string;
  /** China weekday (0 = Sunday) and hours. */
  weekday: number;
  from: number;
  hours: number;
  weeks: number;
  status: 'approved' | 'pending';
}

const BOOKINGS: TSeedBooking[] = [
  { id: 'bk_seed_hechang', room: DEMO_ROOM_IDS.duogong, group: 'hechang', title: '合唱团排练', weekday: 3, from: 19, hours: 2, weeks: 8, status: 'approved' },
  { id: 'bk_seed_laonian', room: DEMO_ROOM_IDS.huiyi, group: 'laonian', title: '老年协会理事会例会', weekday: 1, from: 14, hours: 2, weeks: 1, status: 'approved' },
  { id: 'bk_seed_yangguang', room: DEMO_ROOM_IDS.duogong, group: 'yangguang', title: '小志愿者绘画展布展', weekday: 6, from: 9, hours: 2.5, weeks: 1, status: 'pending' },
  { id: 'bk_seed_yishi', room: DEMO_ROOM_IDS.huiyi, group: null, title: '居民议事会', weekday: 5, from: 9, hours: 2, weeks: 1, status: 'approved' },
];

const WORKER = { openid: 'demo-social-worker', name: '刘芳' };

export async function seedDemoBase(store: TStore, now: number): Promise<void> {
  await store.collection(C.bases).insert(base);
  for (const room of ROOMS) await store.collection(C.rooms).insert(room);
  const clock = { now: () => now };
  for (const b of BOOKINGS) {
    const filing = b.group ? SEED_FILINGS.find((f) => f.filingId === `f_seed_${b.group}`)! : null;
    const groupId = filing ? groupIdFor(filing.filingId) : null;
    const holderName = filing ? filing.fields.name : base.communityName;
    const first = nextWeekday(now, b.weekday, Math.floor(b.from), (b.from % 1) * 60);
    const ranges = Array.from({ length: b.weeks }, (_, i) => ({ startAt: first + i * 7 * 24 * HOUR, endAt: first + i * 7 * 24 * HOUR + b.hours * HOUR }));
    await store.transaction(async (tx) => {
      const room = await claimRoom(tx, { clock }, { roomId: b.room, ranges, holder: { kind: 'booking', id: b.id, name: holderName, title: b.title, groupId } });
      await tx.insert<TBookingDoc>(C.bookings, {
        _id: b.id,
        roomId: room._id,
        roomName: room.name,
        baseId: room.baseId,
        communityId: room.communityId,
        groupId,
        ownerKey: ownerKeyFor(groupId, room.communityId),
        holderName,
        title: b.title,
        ranges,
        firstStartAt: first,
        status: b.status,
        eventId: null,
        bookedBy: filing?.owner ?? WORKER.openid,
        bookedByName: filing?.ownerName ?? WORKER.name,
        decidedBy: b.status === 'approved' && room.needsApproval ? WORKER.openid : null,
        decidedAt: b.status === 'approved' && room.needsApproval ? now : null,
        reason: null,
        cancelledAt: null,
        requestFingerprint: 'seed',
      });
      if (b.status === 'pending' || b.status === 'approved') await moveRoomUse(tx, room.communityId, ranges, 1);
    });
  }
}
