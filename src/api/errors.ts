import type { TErrorBody, TErrorCode } from '../../types';
import type { TCallFailure, TCallFailureCode } from './call-errors';

/**
 * The server's codes plus the client's own for a call that never produced an envelope (call-errors.ts):
 * NETWORK, TIMEOUT, FUNCTION_FAILED, NOT_CONFIGURED, NO_PERMISSION, CALL_FAILED.
 */
export type TClientErrorCode = TErrorCode | TCallFailureCode;

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

  static fromFailure(failure: TCallFailure): ApiError {
    return new ApiError(failure.code, failure.message);
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

/** A failure that may heal by itself (the connection, a slow answer): worth retrying without the person. */
export function isTransient(err: unknown): boolean {
  return isApiError(err, 'NETWORK') || isApiError(err, 'TIMEOUT');
}
