import { z } from 'zod';

/**
 * One deployable cloud function = a name and a table of actions, each with an input and an output schema.
 * The wire format is flat: `{ action: 'submit', filingId: '…' }`. Inputs are strict objects, so unknown and
 * server-owned keys (`status`, `openid`, `reviewedBy`) are rejected rather than silently dropped.
 */
export interface TActionSpec {
  input: z.ZodType<Record<string, unknown>>;
  output: z.ZodType;
}
export type TActionTable = Record<string, TActionSpec>;

export interface TFunctionSpec<A extends TActionTable = TActionTable> {
  name: string;
  actions: A;
}

export function defineFunction<const A extends TActionTable>(name: string, actions: A): TFunctionSpec<A> {
  return { name, actions };
}

export type TActionName<F extends TFunctionSpec> = keyof F['actions'] & string;
export type TActionInput<F extends TFunctionSpec, K extends TActionName<F>> = z.input<F['actions'][K]['input']>;
export type TActionOutput<F extends TFunctionSpec, K extends TActionName<F>> = z.output<F['actions'][K]['output']>;

/** Paginated lists answer `{ items, nextCursor }`; `nextCursor` is null on the last page. */
export function zPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
