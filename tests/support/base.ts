import type { z } from 'zod';
import type { ZBook, ZSaveRoom } from '../../types/base';
import { nextWeekday } from '../../scripts/seed/demo-events';
import { DEMO_BASE_ID } from '../../scripts/seed/demo-base';
import type { TTestApp } from './app';
import { requestId } from './filings';

export const HOUR = 3_600_000;
export const WEEK = 7 * 24 * HOUR;

/** A room the social worker adds to 塔谈社区's base, open Monday to Saturday 8:00–21:00, no approval unless asked. */
export function roomInput(overrides: Partial<z.input<typeof ZSaveRoom>> = {}): z.input<typeof ZSaveRoom> {
  const day = { open: 8 * 60, close: 21 * 60 };
  return { baseId: DEMO_BASE_ID, name: '书画室', capacity: 20, equipment: ['书画桌'], hours: [day, day, day, day, day, day, null], needsApproval: false, active: true, ...overrides };
}

export async function newRoom(app: TTestApp, overrides: Partial<z.input<typeof ZSaveRoom>> = {}): Promise<string> {
  return (await app.ok('demo-social-worker', 'base', 'saveRoom', roomInput(overrides))).room.id;
}

/** The next Thursday at least three days away, `hour` o'clock China time. */
export const thursdayAt = (app: TTestApp, hour = 9) => nextWeekday(app.clock.now(), 4, hour);

/** 老年协会 (demo-leader's group) books `roomId` at `startAt` for two hours; tests override what they are about. */
export function bookInput(roomId: string, startAt: number, overrides: Partial<z.input<typeof ZBook>> = {}): z.input<typeof ZBook> {
  return { requestId: requestId(), roomId, groupId: 'g_seed_laonian', title: '书法练习', startAt, endAt: startAt + 2 * HOUR, ...overrides };
}
