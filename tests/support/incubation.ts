import type { z } from 'zod';
import type { ZCreateCourse } from '../../types/incubation';
import { C, type TUserDoc } from '../../cloudfunctions/core/collections';
import type { TRoomDoc } from '../../cloudfunctions/core/base/docs';
import type { TStore } from '../../cloudfunctions/core/storage/port';
import { DAY, HOUR } from './event-input';
import { requestId } from './filings';

/** A valid course for 塔谈社区 relative to `now` (4 weekly sessions, 2 hours each, 20 places); tests override what they are about. */
export function courseInput(now: number, overrides: Partial<z.input<typeof ZCreateCourse>> = {}): z.input<typeof ZCreateCourse> {
  const startAt = now + 3 * DAY;
  return {
    requestId: requestId(),
    communityId: 'c-tatan',
    title: '智能手机入门课',
    description: '教老人用微信视频、扫码付款和挂号',
    teacher: '河北师范大学青年志愿者服务队',
    place: '塔谈社区党群服务中心二楼活动室',
    startAt,
    endAt: startAt + 2 * HOUR,
    sessions: 4,
    capacity: 20,
    signupDeadline: startAt - 12 * HOUR,
    audience: 'anyone',
    ...overrides,
  };
}

export const needInput = (title = '想学智能手机') => ({
  requestId: requestId(),
  title,
  description: '想学会用微信和孙子视频，还想学手机挂号',
  category: 'learning' as const,
});

/** Residents of a community (塔谈社区 unless named): a chosen community is what posting a need asks for. */
export async function addResidents(store: TStore, openids: string[], communityId = 'c-tatan'): Promise<void> {
  for (const [i, openid] of openids.entries()) {
    if (await store.collection<TUserDoc>(C.users).get(openid)) continue;
    await store.collection<TUserDoc>(C.users).insert({ _id: openid, displayName: `居民${i + 1}`, roles: [], communityId });
  }
}

/** A room of 塔谈社区's base, open 8:00–21:00 every day (written straight into the store: rooms are the base work's). */
export async function insertRoom(store: TStore, id = 'rm_test_huodong', name = '活动室'): Promise<TRoomDoc> {
  return store.collection<TRoomDoc>(C.rooms).insert({
    _id: id,
    baseId: 'b_test_tatan',
    baseName: '塔谈社区孵化培育基地',
    communityId: 'c-tatan',
    communityName: '塔谈社区',
    name,
    capacity: 30,
    equipment: ['钢琴', '投影仪'],
    hours: Array.from({ length: 7 }, () => ({ open: 8 * 60, close: 21 * 60 })),
    needsApproval: false,
    active: true,
  });
}
