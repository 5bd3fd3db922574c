import { Button, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { DEV_USER_KEY, readDevUser } from '../api/dev-user';
import { TAB_ROUTES } from '../lib/nav';
import { formatDateTime } from '../lib/time';
import { fetchOutbox, noticeKindTitle, type TOutboxItem } from './outbox';
import './DevPanel.css';
import { tappable } from '../components/Tappable';

/** The gateway's fixed demo identities (see docs/design: only the local gateway knows about them). */
const DEMO_USERS = [
  { openid: 'demo-resident', label: '居民 李秀英' },
  { openid: 'demo-leader', label: '组长 张建国' },
  { openid: 'demo-social-worker', label: '社工 刘芳（塔谈社区）' },
  { openid: 'demo-admin', label: '街道管理员 赵明' },
  { openid: 'demo-district', label: '区管理员 王丽' },
  { openid: 'demo-elder', label: '老年负责人 孙桂兰（代办）' },
] as const;

/**
 * A new demo user starts afresh: on a tab page it reloads that tab for them; on any other page it lands on the
 * first tab, because the page they were on (a group they manage, a filing of theirs) may not exist for the new user
 * and a reload would leave them there with no history to go back through.
 */
function switchTo(openid: string) {
  window.localStorage.setItem(DEV_USER_KEY, openid);
  const route = window.location.hash.replace(/^#/, '').replace(/\?.*$/, '');
  if (!TAB_ROUTES.includes(route)) window.location.hash = `#${TAB_ROUTES[0]}`;
  window.location.reload();
}

type TOutboxState = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; items: TOutboxItem[] };

/** 通知: what the current demo user would have received as subscribe messages (the gateway's outbox). */
function OutboxSection({ openid }: { openid: string }) {
  const [state, setState] = useState<TOutboxState>({ phase: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    setState({ phase: 'loading' });
    fetchOutbox(openid).then(
      (items) => live && setState({ phase: 'ready', items }),
      (err: unknown) => live && setState({ phase: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [openid, generation]);

  return (
    <View id='dev-outbox' className='dev-panel__section'>
      <View className='dev-panel__heading'>通知</View>
      <View className='dev-panel__hint'>本地不真正发送，以下是会发给当前身份的订阅消息（最近 20 条）</View>
      {state.phase === 'loading' ? <View className='dev-outbox__state'>正在读取…</View> : null}
      {state.phase === 'error' ? <View className='dev-outbox__state'>读取失败：{state.message}</View> : null}
      {state.phase === 'ready' && state.items.length === 0 ? (
        <View id='dev-outbox-empty' className='dev-outbox__state'>
          还没有发给当前身份的通知
        </View>
      ) : null}
      {state.phase === 'ready'
        ? state.items.map((n) => (
            <View key={n.id} id={`dev-notice-${n.id}`} className='dev-outbox__item'>
              <View className='dev-outbox__title'>{n.title}</View>
              <View className='dev-outbox__body'>{n.body}</View>
              <View className='dev-outbox__meta'>
                {noticeKindTitle(n.kind)} · {formatDateTime(n.at)}
              </View>
            </View>
          ))
        : null}
      <Button id='btn-dev-outbox-refresh' className='btn btn--ghost dev-panel__refresh' onClick={() => setGeneration((g) => g + 1)}>
        刷新通知
      </Button>
    </View>
  );
}

/** H5-only floating switcher between demo users, and their notices. Never imported by the weapp build (see DevPanelSlot). */
export function DevPanel() {
  const [open, setOpen] = useState(false);
  const current = readDevUser();
  const currentLabel = DEMO_USERS.find((u) => u.openid === current)?.label ?? current;

  if (!open) {
    return (
      <View {...tappable()} className='dev-panel-toggle' onClick={() => setOpen(true)}>
        开发者面板
      </View>
    );
  }
  return (
    <View className='dev-panel__mask' onClick={() => setOpen(false)}>
      <View id='dev-panel' className='dev-panel' onClick={(e) => e.stopPropagation()}>
        {/* 关闭 heads the sheet: at its foot it sat under the tab bar, which Taro draws above every page's layers. */}
        <View className='dev-panel__head'>
          <View className='dev-panel__title'>开发者面板 · 仅本地H5</View>
          <Button id='btn-dev-close' className='btn btn--plain dev-panel__close' onClick={() => setOpen(false)}>
            关闭
          </Button>
        </View>
        <View className='dev-panel__current'>当前身份：{currentLabel}</View>
        {DEMO_USERS.map((u) => (
          <Button
            key={u.openid}
            id={`dev-user-${u.openid}`}
            className={u.openid === current ? 'btn btn--primary dev-panel__user' : 'btn btn--ghost dev-panel__user'}
            onClick={() => switchTo(u.openid)}
          >
            {u.label}
          </Button>
        ))}
        <OutboxSection openid={current} />
      </View>
    </View>
  );
}
