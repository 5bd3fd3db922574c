import type { TEnvelope } from '../../types';
import { ApiError } from './errors';

export type TSend = <T>(name: string, data: Record<string, unknown>) => Promise<TEnvelope<T>>;

/**
 * One transport per build, chosen by a top-level conditional on the literal `process.env.TARO_ENV`: webpack folds
 * it, so weapp ships only `Taro.cloud.callFunction` and H5 only HTTP (and the dev identity). The check must stay
 * outside async functions, whose bodies Babel rewrites into a state machine that webpack can no longer fold.
 */
const send: TSend =
  process.env.TARO_ENV === 'weapp'
    ? (require('./send-cloud') as { sendCloud: TSend }).sendCloud
    : (require('./send-http') as { sendHttp: TSend }).sendHttp;

type TResultListener = (name: string, action: string, data: unknown) => void;
const resultListeners: TResultListener[] = [];

/** Lets app-wide state follow what any page fetched (长辈模式 reads `me` wherever it is loaded): no extra call. */
export function onActionResult(listener: TResultListener): void {
  resultListeners.push(listener);
}

/** Sends `{ action, ...input }` to one cloud function and unwraps the envelope. */
export async function callAction<T>(name: string, action: string, input: object): Promise<T> {
  const envelope = await send<T>(name, { ...input, action });
  if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
    throw new ApiError('INTERNAL', '系统繁忙，请稍后再试');
  }
  if (envelope.ok) {
    for (const listener of resultListeners) listener(name, action, envelope.data);
    return envelope.data;
  }
  throw ApiError.fromBody(envelope.error);
}
