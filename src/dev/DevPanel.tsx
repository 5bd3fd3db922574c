import { Button, View } from '@tarojs/components';
import { useState } from 'react';
import { DEV_USER_KEY, readDevUser } from '../api/dev-user';
import './DevPanel.css';

/** The gateway's fixed demo identities (see docs/design: only the local gateway knows about them). */
const DEMO_USERS = [
  { openid: 'demo-resident', label: '居民 李秀英' },
  { openid: 'demo-leader', label: '组长 张建国' },
  { openid: 'demo-social-worker', label: '社工 刘芳（塔谈社区）' },
  { openid: 'demo-admin', label: '街道管理员 赵明' },
] as const;

function switchTo(openid: string) {
  window.localStorage.setItem(DEV_USER_KEY, openid);
  window.location.reload();
}

/** H5-only floating switcher between demo users. Never imported by the weapp build (see DevPanelSlot). */
export function DevPanel() {
  const [open, setOpen] = useState(false);
  const current = readDevUser();
  const currentLabel = DEMO_USERS.find((u) => u.openid === current)?.label ?? current;

  if (!open) {
    return (
      <View className='dev-panel-toggle' onClick={() => setOpen(true)}>
        开发者面板
      </View>
    );
  }
  return (
    <View className='dev-panel__mask' onClick={() => setOpen(false)}>
      <View id='dev-panel' className='dev-panel' onClick={(e) => e.stopPropagation()}>
        <View className='dev-panel__title'>开发者面板 · 仅本地H5</View>
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
        <Button className='btn btn--plain dev-panel__close' onClick={() => setOpen(false)}>
          关闭
        </Button>
      </View>
    </View>
  );
}
