import { randomBytes } from 'node:crypto';
import type { TClock, TIds } from '../context';

export const systemClock: TClock = { now: () => Date.now() };

/** Time-ordered prefix + randomness: ids sort roughly by creation, and never collide across instances. */
export const randomIds: TIds = {
  next: (prefix) => `${prefix}_${Date.now().toString(36)}${randomBytes(8).toString('hex')}`,
};
