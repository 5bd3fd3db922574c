import Taro from '@tarojs/taro';
import { useRef } from 'react';

/**
 * Opens a page once per tap burst: a second tap while the first navigation is still on its way is ignored, so a
 * quick double tap on a row never stacks the same page twice. The guard lifts when the navigation settles.
 */
export function useOpenOnce(): (url: string) => void {
  const busy = useRef(false);
  return (url: string) => {
    if (busy.current) return;
    busy.current = true;
    void Taro.navigateTo({ url })
      .catch(() => undefined)
      .finally(() => {
        busy.current = false;
      });
  };
}
