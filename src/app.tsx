import type { PropsWithChildren } from 'react';
import Taro from '@tarojs/taro';
import './app.css';

// Before any page asks for data: every `callFunction` goes to this CloudBase environment.
if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init({ env: CLOUD_ENV, traceUser: true });
}

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
