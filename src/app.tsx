import type { PropsWithChildren } from 'react';
import Taro from '@tarojs/taro';
import './app.css';
// 长辈模式 after the look it overrides: its size floors (generated) and its layout rules. The module remembers the mode.
import './elder-sizes.css';
import './elder.css';
import './lib/elder-mode';

// Before any page asks for data: every `callFunction` goes to this CloudBase environment.
if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init({ env: CLOUD_ENV, traceUser: true });
}

// H5: Taro's buttons get a role and a place in the tab order, and Enter/Space press tappable views (lib/h5-controls).
if (process.env.TARO_ENV === 'h5') {
  (require('./lib/h5-controls') as typeof import('./lib/h5-controls')).installH5Controls();
}

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
