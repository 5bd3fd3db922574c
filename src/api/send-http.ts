import type { TEnvelope } from '../../types';
import { classifyFetchFailure, classifyHttpStatus } from './call-errors';
import { readDevUser } from './dev-user';
import { ApiError } from './errors';

function isEnvelope(value: unknown): value is TEnvelope<unknown> {
  return !!value && typeof value === 'object' && 'ok' in value;
}

/**
 * Local H5: the gateway on the same origin answers `POST /fn/<name>` with the envelope (HTTP 200 for domain
 * errors; 4xx with an envelope for refused requests). No answer at all means the gateway is down; an answer that
 * is not an envelope comes from something else (a proxy, a crash page).
 */
export async function sendHttp<T>(name: string, data: Record<string, unknown>): Promise<TEnvelope<T>> {
  let res: Response;
  try {
    res = await fetch(`/fn/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Dev-User': readDevUser() },
      body: JSON.stringify(data),
    });
  } catch (err) {
    const failure = classifyFetchFailure(err);
    console.error(`[gateway ${name}] no answer`, failure.errMsg);
    throw ApiError.fromFailure(failure);
  }
  const text = await res.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (isEnvelope(body)) return body as TEnvelope<T>;
  const failure = classifyHttpStatus(res.status, text);
  console.error(`[gateway ${name}] HTTP ${res.status}, not an envelope`, failure.errMsg);
  throw ApiError.fromFailure(failure);
}
