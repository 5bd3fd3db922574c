import { Button, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter, useUnload } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { TActionOutput, TEventsFunction } from '../../../../types';
import { api, errorMessage, isTransient } from '../../../api';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { ErrorState } from '../../../components/ErrorState';
import { Loading } from '../../../components/Loading';
import { QrCode } from '../../components/QrCode';
import { EVENT_MANAGE_ROUTES } from '../../routes';
import { PageShell } from '../../../components/PageShell';
import '../../components/event-manage.css';
import './index.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

type TCode = TActionOutput<TEventsFunction, 'checkInCode'>;

/** EVENT_LIMITS.codeWindowSeconds: the longest a code is shown. */
const WINDOW_MS = 30_000;
/** When the phone's clock and the server's disagree, fetch this often (within the server's grace period). */
const FALLBACK_MS = 10_000;

/** How long until `validUntil`, by this phone's clock; a clock that disagrees with the server gets the fallback. */
function delayUntil(validUntil: number): number {
  const left = validUntil - Date.now();
  if (left < 0 || left > WINDOW_MS + 1_000) return FALLBACK_MS;
  return Math.max(left + 200, 1_000);
}

/** 签到码 for the host's phone: six large digits and the same code as a QR, replaced when it expires. */
function CheckInCodePageBody() {
  const eventId = useRouter().params.eventId ?? '';
  const [code, setCode] = useState<TCode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const live = useRef(false);

  const stop = () => {
    live.current = false;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const fetchCode = async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    try {
      const next = await api.events.checkInCode({ eventId });
      if (!live.current) return;
      setCode(next);
      setError(null);
      timer.current = setTimeout(() => void fetchCode(), delayUntil(next.validUntil));
    } catch (err) {
      if (!live.current) return;
      // A dropped connection heals by itself: keep the last code up (it is accepted for a grace period) and retry.
      if (isTransient(err)) timer.current = setTimeout(() => void fetchCode(), 3_000);
      else {
        setCode(null);
        setError(errorMessage(err));
      }
    }
  };

  const start = () => {
    stop();
    live.current = true;
    void fetchCode();
  };

  useDidShow(() => {
    start();
    // The host holds the phone up for a while: keep the screen on.
    if (process.env.TARO_ENV === 'weapp') void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
  });
  const leave = () => {
    stop();
    if (process.env.TARO_ENV === 'weapp') void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
  };
  useDidHide(leave);
  useUnload(leave);

  if (!eventId) return <ErrorState message='缺少活动编号，请从活动页面重新进入' />;
  if (error) {
    return (
      <View className='page'>
        <ErrorState message={error} onRetry={start} />
        <Button className='btn btn--ghost' onClick={() => void Taro.redirectTo({ url: EVENT_MANAGE_ROUTES.registrations(eventId) })}>
          去报名名单手动登记到场
        </Button>
      </View>
    );
  }
  if (!code) return <Loading text='正在获取签到码…' />;

  return (
    <View className='page code'>
      <View className='card code__card'>
        <View className='em__sub'>请参加的人在小程序活动页点「签到」，扫码或输入数字</View>
        <View id='checkin-digits' className='code__digits' aria-live='polite'>
          {code.code}
        </View>
        <QrCode id='checkin-qr' text={code.qrText} />
        <View className='code__hint'>签到码每30秒自动更换，截图无效</View>
      </View>
      <View id='code-counts' className='card em__counts' aria-live='polite'>
        <View className='em__count'>
          <View id='code-count-checked-in' className='em__count-value'>
            {code.counts.checkedIn}
          </View>
          <View className='em__count-label'>已签到</View>
        </View>
        <View className='em__count'>
          <View className='em__count-value'>{code.counts.registered}</View>
          <View className='em__count-label'>已报名</View>
        </View>
        <View className='em__count'>
          <View className='em__count-value'>{code.counts.waitlisted}</View>
          <View className='em__count-label'>候补</View>
        </View>
      </View>
      <Button id='btn-code-registrations' className='btn btn--ghost' onClick={() => void Taro.navigateTo({ url: EVENT_MANAGE_ROUTES.registrations(eventId) })}>
        报名名单（手动登记到场）
      </Button>
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function CheckInCodePage() {
  return (
    <PageShell needs='eventId'>
      <CheckInCodePageBody />
    </PageShell>
  );
}
