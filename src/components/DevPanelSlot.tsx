import type { ComponentType } from 'react';

/**
 * The demo-user switcher exists only in the local H5 build. The literal `process.env.TARO_ENV` comparison is
 * folded to `false` in weapp, so webpack never follows the require and none of its code or text ships there.
 */
const Panel: ComponentType | null =
  process.env.TARO_ENV === 'h5' ? (require('../dev/DevPanel') as { DevPanel: ComponentType }).DevPanel : null;

export function DevPanelSlot() {
  return Panel ? <Panel /> : null;
}
