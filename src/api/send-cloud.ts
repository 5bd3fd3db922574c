import Taro from '@tarojs/taro';
import type { TEnvelope } from '../../types';
import { ApiError, NETWORK_MESSAGE } from './errors';

/** WeChat: the cloud function's return value is the envelope (`res.result`). */
export async function sendCloud<T>(name: string, data: Record<string, unknown>): Promise<TEnvelope<T>> {
  let res: Taro.cloud.CallFunctionResult;
  try {
    res = await Taro.cloud.callFunction({ name, data });
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE);
  }
  return res.result as TEnvelope<T>;
}
