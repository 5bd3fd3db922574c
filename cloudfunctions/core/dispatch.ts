import type { z } from 'zod';
import type { TActionTable, TFunctionSpec } from '../../types/define';
import type { TEnvelope } from '../../types/envelope';
import { ERROR_CODES } from '../../types/errors';
import { toFieldErrors } from '../../types/validation';
import { AppError } from './app-error';
import type { TContext } from './context';
import { InvalidCursorError } from './storage/cursor';
import { TransactionConflictError } from './storage/port';
import type { TAuthedContext } from './guards';
import { DeniedError, logDenied } from './scope';

/** A refused cross-scope attempt goes on record; failing to record it must not change the answer. */
async function logDeniedQuietly(ctx: TAuthedContext, error: DeniedError): Promise<void> {
  try {
    await logDenied(ctx, error.communityId, error.attempt);
  } catch (e) {
    console.error(`[${ctx.action}] could not log the refused attempt`, e);
  }
}

export type TActionImpl<A extends TActionTable> = {
  [K in keyof A]: (ctx: TContext, input: z.output<A[K]['input']>) => Promise<z.input<A[K]['output']>>;
};

export type THandler = (event: unknown, ctx: TContext) => Promise<TEnvelope<unknown>>;

function fail(code: keyof typeof ERROR_CODES, fields?: Record<string, string>, message?: string): TEnvelope<never> {
  return { ok: false, error: { code, message: message ?? ERROR_CODES[code], ...(fields ? { fields } : {}) } };
}

/**
 * A top-level key nobody declared is either a client bug or something the platform added that we do not strip
 * yet (see platform/event-keys.ts): log its name (never its value) so production shows which.
 */
function logUnexpectedTopLevelKeys(where: string, error: z.ZodError): void {
  const keys = error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' && issue.path.length === 0 ? issue.keys : []));
  if (keys.length > 0) console.warn(`[${where}] unexpected top-level keys refused:`, keys.slice(0, 20).join(', '));
}

/**
 * One function's entry logic, the same in the cloud and in the local gateway: parse `{ action, ...input }`
 * against the contract, run the use case, validate what it answers (so a projection can never leak a field
 * the contract does not name), and wrap everything in the envelope. No stack trace ever reaches the client.
 */
export function createHandler<A extends TActionTable>(spec: TFunctionSpec<A>, impl: TActionImpl<A>): THandler {
  return async (event, ctx) => {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) {
      return fail('VALIDATION_FAILED', { action: '请求格式不正确' });
    }
    const { action, ...rawInput } = event as Record<string, unknown>;
    if (typeof action !== 'string' || !Object.hasOwn(spec.actions, action)) {
      return fail('VALIDATION_FAILED', { action: '不支持的操作' });
    }
    if (!ctx.caller) return fail('UNAUTHENTICATED');
    const actionSpec = spec.actions[action]!;
    const parsed = actionSpec.input.safeParse(rawInput);
    if (!parsed.success) {
      logUnexpectedTopLevelKeys(`${spec.name}.${action}`, parsed.error);
      return fail('VALIDATION_FAILED', toFieldErrors(parsed.error));
    }

    const actionCtx = { ...ctx, action: `${spec.name}.${action}` };
    try {
      const data = await impl[action]!(actionCtx, parsed.data as never);
      const checked = actionSpec.output.safeParse(data);
      if (!checked.success) {
        console.error(`[${spec.name}.${action}] response failed its contract`, checked.error.issues);
        return fail('INTERNAL');
      }
      return { ok: true, data: checked.data };
    } catch (error) {
      if (error instanceof DeniedError) await logDeniedQuietly(actionCtx as TAuthedContext, error);
      if (error instanceof AppError) return fail(error.code, error.fields, error.userMessage);
      if (error instanceof InvalidCursorError) return fail('VALIDATION_FAILED', { cursor: '分页参数已失效，请刷新' });
      // Retries ran out on a busy document: the person can simply try again, so say that, not INTERNAL.
      if (error instanceof TransactionConflictError) {
        console.warn(`[${spec.name}.${action}] ${error.message}`);
        return fail('CONFLICT');
      }
      console.error(`[${spec.name}.${action}] failed`, error);
      return fail('INTERNAL');
    }
  };
}
