/**
 * Storage keys scoped to the signed-in person. In WeChat storage is already per user; in local H5 every demo
 * user shares one browser, so the dev identity becomes part of the key.
 */
export function userScopedKey(key: string): string {
  if (process.env.TARO_ENV === 'h5') {
    const { readDevUser } = require('../api/dev-user') as typeof import('../api/dev-user');
    return `${key}:${readDevUser()}`;
  }
  return key;
}
