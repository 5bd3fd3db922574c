import type { TErrorBody, TErrorCode } from '../../types';

/** `NETWORK` is the client's own code: the request never got an answer. */
export type TClientErrorCode = TErrorCode | 'NETWORK';

export const NETWORK_MESSAGE = '网络连接不畅，请检查网络后再试';

/** A failed call, carrying the server's stable code, its Chinese message and per-field hints. */
export class ApiError extends Error {
  readonly code: TClientErrorCode;
  readonly fields: Record<string, string>;

  constructor(code: TClientErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields ?? {};
    // Babel's class transform can lose the prototype of Error subclasses; restore it so `instanceof` holds.
    Object.setPrototypeOf(this, ApiError.prototype);
  }

  static fromBody(body: TErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.fields);
  }
}

/** The sentence to show a person for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return '系统繁忙，请稍后再试';
}

export function isApiError(err: unknown, code?: TClientErrorCode): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}
