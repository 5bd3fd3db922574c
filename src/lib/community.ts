import Taro from '@tarojs/taro';
import type { TCommunity } from '../../types';
import { userScopedKey } from './userScope';

/** The community a resident chose, as the tabs remember it locally (the server's `account.me` is the truth). */
export type TChosenCommunity = Pick<TCommunity, 'id' | 'name'>;

const COMMUNITY_CACHE = 'directory-community';

export function readCachedCommunity(): TChosenCommunity | null {
  const cached = Taro.getStorageSync(userScopedKey(COMMUNITY_CACHE)) as TChosenCommunity | '';
  return cached && cached.id ? cached : null;
}

export function writeCachedCommunity(c: TChosenCommunity | null): void {
  if (c) Taro.setStorageSync(userScopedKey(COMMUNITY_CACHE), { id: c.id, name: c.name });
  else Taro.removeStorageSync(userScopedKey(COMMUNITY_CACHE));
}
