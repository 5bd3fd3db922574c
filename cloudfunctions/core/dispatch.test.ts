import { z } from 'zod';
import { defineFunction } from '../../types/define';
import { createHandler } from './dispatch';
import type { TContext } from './context';
import { TransactionConflictError } from './storage/port';

/** The dispatcher's error mapping: what the client sees when the storage layer gives up. */
const spec = defineFunction('demo', {
  touch: { input: z.strictObject({ mode: z.enum(['conflict', 'other']) }), output: z.object({ ok: z.boolean() }) },
});
const ctx = { caller: { openid: 'o1' } } as unknown as TContext;

const handler = createHandler(spec, {
  touch: async (_ctx, input) => {
    if (input.mode === 'conflict') throw new TransactionConflictError('transaction conflict after 8 attempts');
    throw new Error('disk on fire');
  },
});

beforeEach(() => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

test('a transaction that lost every retry answers CONFLICT (try again), not INTERNAL', async () => {
  const answer = await handler({ action: 'touch', mode: 'conflict' }, ctx);
  expect(answer).toEqual({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('请刷新后再试') } });
  expect(JSON.stringify(answer)).not.toContain('attempts');
});

test('any other error still answers INTERNAL without details', async () => {
  const answer = await handler({ action: 'touch', mode: 'other' }, ctx);
  expect(answer).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } });
  expect(JSON.stringify(answer)).not.toContain('disk on fire');
});
