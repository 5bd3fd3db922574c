import { ERROR_CODES, type TErrorCode } from '../../types/errors';

/**
 * The only error a use case throws on purpose. The dispatcher turns it into the envelope's `error`;
 * anything else becomes INTERNAL with details kept in the log.
 */
export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    readonly fields?: Record<string, string>,
    readonly userMessage: string = ERROR_CODES[code],
  ) {
    super(`${code}: ${userMessage}`);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
export const invalidState = (message?: string) => new AppError('INVALID_STATE', undefined, message);
export const invalidFields = (fields: Record<string, string>) => new AppError('VALIDATION_FAILED', fields);
