import type { z } from 'zod';
import type { ZCreateEvent } from '../../types/events';
import { requestId } from './filings';

/** A valid create request for 老年协会 relative to `now`; tests override what they are about. */
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function eventInput(now: number, overrides: Partial<z.input<typeof ZCreateEvent>> = {}): z.input<typeof ZCreateEvent> {
  const startAt = now + 3 * DAY;
  return {
    requestId: requestId(),
    groupId: 'g_seed_laonian',
    title: '老年大学书法课',
    description: '楷书基础，自带毛笔',
    startAt,
    endAt: startAt + 2 * HOUR,
    place: '党群服务中心二楼活动室',
    capacity: 20,
    signupDeadline: startAt - 12 * HOUR,
    audience: 'anyone',
    isVolunteer: false,
    ...overrides,
  };
}
