/** H5 only: which demo user the local gateway should treat the browser as (the gateway reads `X-Dev-User`). */
export const DEV_USER_KEY = 'cf-dev-user';
export const DEFAULT_DEV_USER = 'demo-resident';

export function readDevUser(): string {
  try {
    return window.localStorage.getItem(DEV_USER_KEY) || DEFAULT_DEV_USER;
  } catch {
    return DEFAULT_DEV_USER;
  }
}
