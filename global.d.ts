/// <reference types="@tarojs/taro" />

declare module '*.css';

/** CloudBase environment id, injected by config/index.ts `defineConstants` from TCB_ENV. */
declare const CLOUD_ENV: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    TCB_ENV?: string;
  }
}

/** Images imported by the app (src/assets): the bundler turns them into a URL (or an inline data URI when small). */
declare module '*.png' {
  const src: string;
  export default src;
}
