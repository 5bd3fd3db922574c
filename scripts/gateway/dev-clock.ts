import type { FastifyInstance } from 'fastify';
import type { TClock } from '../../cloudfunctions/core/context';
import { failure } from './envelope';

/**
 * A clock the local gateway can shift, so the H5 demo and the browser test can reach an event's check-in window or
 * its end without waiting. Only the gateway has it: the cloud functions use the system clock and have no such route.
 */
export interface TDevClock extends TClock {
  offsetMs(): number;
  setOffset(ms: number): void;
}

/** At most a year either way: enough to reach any event that can be planned (EVENT_LIMITS.aheadDays). */
const MAX_OFFSET_MS = 366 * 24 * 3_600_000;

export function offsetClock(base: TClock): TDevClock {
  let offset = 0;
  return {
    now: () => base.now() + offset,
    offsetMs: () => offset,
    setOffset: (ms) => void (offset = ms),
  };
}

/** `GET /dev/clock` and `POST /dev/clock { offsetMs }`: what the functions' clock reads now, and shifting it. */
export function registerDevClock(app: FastifyInstance, clock: TDevClock): void {
  const state = () => ({ ok: true as const, data: { offsetMs: clock.offsetMs(), now: clock.now() } });
  app.get('/dev/clock', async () => state());
  app.post<{ Body: { offsetMs?: unknown } }>('/dev/clock', async (request, reply) => {
    const offsetMs = (request.body as { offsetMs?: unknown } | null)?.offsetMs;
    if (typeof offsetMs !== 'number' || !Number.isInteger(offsetMs) || Math.abs(offsetMs) > MAX_OFFSET_MS) {
      return reply.code(400).send(failure('VALIDATION_FAILED', undefined, { offsetMs: '请给出整数毫秒数，前后最多一年（0 为恢复真实时间）' }));
    }
    clock.setOffset(offsetMs);
    return state();
  });
}
