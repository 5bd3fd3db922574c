import type { TEnvelope } from '../../types';
import { readDevUser } from './dev-user';
import { ApiError, NETWORK_MESSAGE } from './errors';

/** Local H5: the gateway on the same origin answers `POST /fn/<name>` with the envelope (HTTP 200 even for domain errors). */
export async function sendHttp<T>(name: string, data: Record<string, unknown>): Promise<TEnvelope<T>> {
  let res: Response;
  try {
    res = await fetch(`/fn/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Dev-User': readDevUser() },
      body: JSON.stringify(data),
    });
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE);
  }
  try {
    return (await res.json()) as TEnvelope<T>;
  } catch {
    throw new ApiError('NETWORK', res.ok ? NETWORK_MESSAGE : `服务暂时不可用（${res.status}），请稍后再试`);
  }
}
