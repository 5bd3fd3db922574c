import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState, type ReactNode } from 'react';
import { ROUTES, TAB_ROUTES } from '../lib/nav';
import './PageShell.css';

interface TPageShellProps {
  children: ReactNode;
  /** Extra classes on the page's root (the 长辈模式 `elder` class hangs here). */
  className?: string;
  /**
   * The bar's title; by default the page's `navigationBarTitleText` (its index.config.ts), like WeChat's own bar.
   * A function of the route's parameters for pages whose title depends on them (新建 / 修改), read once.
   */
  title?: string | ((params: Record<string, string | undefined>) => string);
  /**
   * The route parameter naming the record this page shows (`id`, `groupId`, `eventId`). When it is missing or
   * empty the page is never mounted — no request with an empty id, no "填写的内容有误" blaming the person —
   * and a plain "找不到这条记录" shows instead.
   */
  needs?: string;
}

type TPageInstance = { config?: { navigationBarTitleText?: string }; route?: string; $taroPath?: string };

const APP_TITLE = '社区云报备';

/** What the page is, read once when it first renders (Taro's current instance is this page then). */
function readPage(): { title: string; isTab: boolean; params: Record<string, string | undefined> } {
  const current = Taro.getCurrentInstance();
  const page = current.page as TPageInstance | null | undefined;
  const path = (current.router?.path ?? page?.route ?? '').replace(/^\//, '').replace(/\?.*$/, '');
  return {
    title: page?.config?.navigationBarTitleText ?? APP_TITLE,
    isTab: TAB_ROUTES.some((r) => r.replace(/^\//, '') === path),
    params: (current.router?.params ?? {}) as Record<string, string | undefined>,
  };
}

/** Back like WeChat's bar: the previous page, or — opened from a link with nothing behind it — the 社团 tab. */
function goBack() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack().catch(() => undefined);
  else void Taro.reLaunch({ url: ROUTES.directory }).catch(() => undefined);
}

/** H5 only: the title bar WeChat draws for the mini program (blue, white title, 返回 on every non-tab page). */
function NavBar({ title, isTab }: { title: string; isTab: boolean }) {
  return (
    <View className='nav-bar' role='banner'>
      {isTab ? null : (
        <View id='nav-back' className='nav-bar__back' role='button' aria-label='返回' onClick={goBack}>
          <View className='nav-bar__chevron' aria-hidden='true' />
          返回
        </View>
      )}
      <View id='nav-title' className='nav-bar__title' role='heading' aria-level={1}>
        {title}
      </View>
    </View>
  );
}

/** The root of every page: the H5 title bar (WeChat draws its own in the mini program), then the page. */
export function PageShell({ children, className, title, needs }: TPageShellProps) {
  const [page] = useState(readPage);
  const [shownTitle] = useState(() => (typeof title === 'function' ? title(page.params) : title ?? page.title));
  const missing = !!needs && !(page.params[needs] ?? '').trim();
  return (
    <View className={[process.env.TARO_ENV === 'h5' ? 'page-shell page-shell--bar' : 'page-shell', className].filter(Boolean).join(' ')}>
      {process.env.TARO_ENV === 'h5' ? <NavBar title={shownTitle} isTab={page.isTab} /> : null}
      {missing ? <MissingRecord /> : children}
    </View>
  );
}

function MissingRecord() {
  return (
    <View id='record-missing' className='page'>
      <View className='state state--empty' role='alert'>
        <View className='state__text'>找不到这条记录</View>
        <View className='state__hint'>打开的链接不完整。请返回上一页，重新点进来。</View>
      </View>
    </View>
  );
}
