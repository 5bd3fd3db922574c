import type { TErrorCode } from '../../types/errors';
import { ERROR_CODES } from '../../types/errors';

/** The refusal every gateway answer uses: the same envelope the functions answer with. */
export function failure(code: TErrorCode, message: string = ERROR_CODES[code], fields?: Record<string, string>) {
  return { ok: false as const, error: { code, message, ...(fields ? { fields } : {}) } };
}

export const GATEWAY_MESSAGES = {
  bodyTooLarge: (limitKb: number) => `提交的内容太大（上限 ${limitKb} KB），请删减后再试`,
  badJson: '请求内容不是有效的 JSON，请检查后再试',
  emptyJson: '请求声明了 JSON 却没有内容',
  mediaType: '请以 Content-Type: application/json 提交',
  method: '云函数只接受 POST 请求',
  noFunction: '没有这个云函数',
  noRoute: '没有这个地址',
  badRequest: '请求格式不正确',
  headerTooLarge: '请求的地址或请求头太长',
  urlTooLong: '请求的地址太长',
  badUrl: '请求的地址格式不正确',
} as const;

/**
 * An HTTP status and the envelope for an error fastify raised before our handler ran (body parsing, limits).
 * 4xx stay 4xx with VALIDATION_FAILED (or NOT_FOUND); anything else is INTERNAL, details to the log only.
 */
export function envelopeForError(error: { statusCode?: number; code?: string }, limitKb: number) {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: failure('VALIDATION_FAILED', GATEWAY_MESSAGES.bodyTooLarge(limitKb)) };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, body: failure('VALIDATION_FAILED', GATEWAY_MESSAGES.badJson) };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: failure('VALIDATION_FAILED', GATEWAY_MESSAGES.emptyJson) };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, body: failure('VALIDATION_FAILED', GATEWAY_MESSAGES.mediaType) };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { status: 414, body: failure('VALIDATION_FAILED', GATEWAY_MESSAGES.urlTooLong) };
    case 'FST_ERR_BAD_URL':
      return { status: 400, body: failure('VALIDATION_FAILED', GATEWAY_MESSAGES.badUrl) };
    default:
      break;
  }
  if (status === 404) return { status, body: failure('NOT_FOUND', GATEWAY_MESSAGES.noRoute) };
  if (status === 405) return { status, body: failure('VALIDATION_FAILED', GATEWAY_MESSAGES.method) };
  if (status === 413) return { status, body: failure('VALIDATION_FAILED', GATEWAY_MESSAGES.bodyTooLarge(limitKb)) };
  if (status < 500) return { status, body: failure('VALIDATION_FAILED', GATEWAY_MESSAGES.badRequest) };
  return { status: 500, body: failure('INTERNAL') };
}

/** A raw HTTP response for errors the HTTP parser raises before fastify sees a request (a 20 KB URL, bad framing). */
export function rawEnvelopeResponse(status: 400 | 431, message: string): string {
  const body = JSON.stringify(failure('VALIDATION_FAILED', message));
  const reason = status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
  return (
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}
