import Taro from '@tarojs/taro';
import type { TEnvelope } from '../../types';
import { classifyCloudFailure } from './call-errors';
import { ApiError } from './errors';

/** WeChat: the cloud function's return value is the envelope (`res.result`). */
export async function sendCloud<T>(name: string, data: Record<string, unknown>): Promise<TEnvelope<T>> {
  let res: Taro.cloud.CallFunctionResult;
  try {
    res = await Taro.cloud.callFunction({ name, data });
  } catch (err) {
    const failure = classifyCloudFailure(err);
    // The raw platform error, for the developer tools console and the real-time log.
    console.error(`[callFunction ${name}.${String(data.action)}] ${failure.kind}`, failure.errCode, failure.errMsg);
    throw ApiError.fromFailure(failure);
  }
  return res.result as TEnvelope<T>;
}
