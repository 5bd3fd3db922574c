import type { FastifyInstance } from 'fastify';
import { failure } from './envelope';

/**
 * A slow network on demand, so the H5 demo and the browser tests can act while a request is in flight (press back
 * during a submit). Only the local gateway has it; the cloud functions have no such route.
 */
export interface TDevLatency {
  /** Waits before a call to `fn.action` runs, if a delay is set for it. */
  before(fn: string, action: unknown): Promise<void>;
}

/** Long enough for any test or demo, short enough that a forgotten setting cannot hang a request for good. */
const MAX_MS = 30_000;
const ACTION = /^[a-z][a-zA-Z0-9_-]{0,63}\.[a-zA-Z][a-zA-Z0-9_-]{0,63}$/;

interface TLatencyState {
  ms: number;
  /** `fn.action` names it applies to; empty = every call. */
  only: string[];
}

/**
 * `GET /dev/latency` and `POST /dev/latency { ms, only?: ['filings.submit'] }`: delay every function call (or only
 * the named actions) by `ms` before it runs; `{ ms: 0 }` turns it off.
 */
export function registerDevLatency(app: FastifyInstance): TDevLatency {
  let state: TLatencyState = { ms: 0, only: [] };
  const answer = () => ({ ok: true as const, data: state });
  app.get('/dev/latency', async () => answer());
  app.post<{ Body: { ms?: unknown; only?: unknown } }>('/dev/latency', async (request, reply) => {
    const body = (request.body ?? {}) as { ms?: unknown; only?: unknown };
    const ms = body.ms;
    if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0 || ms > MAX_MS) {
      return reply.code(400).send(failure('VALIDATION_FAILED', undefined, { ms: `请给出 0–${MAX_MS} 的整数毫秒数（0 为不延迟）` }));
    }
    const only = body.only ?? [];
    if (!Array.isArray(only) || !only.every((a) => typeof a === 'string' && ACTION.test(a))) {
      return reply.code(400).send(failure('VALIDATION_FAILED', undefined, { only: '请用「函数.动作」列出要延迟的调用，如 filings.submit' }));
    }
    state = { ms, only: only as string[] };
    return answer();
  });
  return {
    async before(fn, action) {
      const { ms, only } = state;
      if (ms === 0) return;
      if (only.length > 0 && !only.includes(`${fn}.${String(action)}`)) return;
      await new Promise((resolve) => setTimeout(resolve, ms));
    },
  };
}
