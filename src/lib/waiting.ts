import Taro from '@tarojs/taro';
import type { TWaiting } from '../../types/account';

/** 我的 is the third tab (app.config.ts tabBar.list). */
const MINE_TAB = 2;

export function waitingTotal(waiting: TWaiting | null): number {
  return waiting ? waiting.joinRequests + waiting.reviews : 0;
}

/**
 * The red number on the 我的 tab: join requests waiting for a leader, filings waiting for a social worker.
 * Set from whichever tab last learned the counts; outside a tab page the call fails harmlessly.
 */
export function showWaitingOnTab(waiting: TWaiting | null): void {
  const total = waitingTotal(waiting);
  const done = () => undefined;
  if (total > 0) Taro.setTabBarBadge({ index: MINE_TAB, text: total > 99 ? '99+' : String(total) }).catch(done);
  else Taro.removeTabBarBadge({ index: MINE_TAB }).catch(done);
}
