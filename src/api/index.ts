export { api, type TApi } from './client';
export { ApiError, errorMessage, isApiError, isTransient, type TClientErrorCode } from './errors';
