export { api, type TApi } from './client';
export { ApiError, errorMessage, isApiError, type TClientErrorCode } from './errors';
