import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { TEventDetail } from '../../../../types';
import { api, errorMessage, isApiError } from '../../../api';
import { parseCheckInQr } from '../../../lib/checkin-qr';
import { signUpNoticeKinds } from '../../../lib/event-notices';
import { askNoticeConsent } from '../../../lib/notice-consent';
import { userScopedKey } from '../../../lib/userScope';

/** The phone given at the last 报名, offered again next time (this person's own storage). */
const MOBILE_KEY = 'event-signup-mobile';

export function rememberedMobile(): string {
  const value = Taro.getStorageSync(userScopedKey(MOBILE_KEY)) as unknown;
  return typeof value === 'string' ? value : '';
}

export type TEventSheet = 'cancelSignUp' | 'checkIn' | 'cancelEvent' | null;

const toast = (title: string) => void Taro.showToast({ title, icon: 'none', duration: 2500 });

function failed(title: string, err: unknown) {
  const content = typeof err === 'string' ? err : errorMessage(err);
  void Taro.showModal({ title, content, showCancel: false, confirmText: '知道了' });
}

/**
 * 报名 / 取消报名 / 签到 for the caller and 取消活动 for a host. One request at a time: a second tap while one is on
 * its way does nothing (the ref is set before any await, so even two taps in one frame send once).
 */
export function useEventActions(event: TEventDetail | null, reload: () => Promise<void>) {
  const [sheet, setSheet] = useState<TEventSheet>(null);
  const [sending, setSending] = useState(false);
  const [sheetError, setSheetError] = useState<string | undefined>();
  /** The server's word on the optional phone given with 报名. */
  const [signUpError, setSignUpError] = useState<string | undefined>();
  const busy = useRef(false);

  const begin = () => {
    if (busy.current) return false;
    busy.current = true;
    setSending(true);
    return true;
  };
  const end = () => {
    busy.current = false;
    setSending(false);
  };

  const openSheet = (next: TEventSheet) => {
    setSheetError(undefined);
    setSheet(next);
  };
  const closeSheet = () => !busy.current && setSheet(null);

  const signUp = async (mobile: string) => {
    if (!event || !begin()) return;
    setSignUpError(undefined);
    try {
      // From the tap, before any other await: WeChat shows the consent dialog only then. Never blocks the sign-up.
      await askNoticeConsent(signUpNoticeKinds(event.placesLeft === 0));
      const { registration } = await api.events.signUp({ eventId: event.id, mobile: mobile || undefined });
      if (mobile) Taro.setStorageSync(userScopedKey(MOBILE_KEY), mobile);
      toast(registration.status === 'waitlisted' ? `名额已满，您在候补第${registration.waitlistPosition ?? ''}位` : '报名成功');
    } catch (err) {
      if (isApiError(err) && err.fields.mobile) setSignUpError(err.fields.mobile);
      else failed('报名没有成功', err);
    } finally {
      end();
      await reload();
    }
  };

  const cancelSignUp = async () => {
    if (!event || !begin()) return;
    try {
      await api.events.cancelSignUp({ eventId: event.id });
      setSheet(null);
      toast('已取消报名');
    } catch (err) {
      setSheet(null);
      failed('取消没有成功', err);
    } finally {
      end();
      await reload();
    }
  };

  const checkIn = async (code: string, fromSheet: boolean) => {
    if (!event || !begin()) return;
    try {
      await api.events.checkIn({ eventId: event.id, code });
      setSheet(null);
      toast('签到成功');
      end();
      await reload();
    } catch (err) {
      end();
      const message = isApiError(err) && err.fields.code ? err.fields.code : errorMessage(err);
      if (fromSheet) setSheetError(message);
      else failed('签到没有成功', err);
    }
  };

  /** WeChat: scan the host's QR code; a code of another event is refused here, before asking the server. */
  const scan = async () => {
    if (!event) return;
    let text = '';
    try {
      text = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result;
    } catch {
      return; // The person closed the camera.
    }
    const parsed = parseCheckInQr(text);
    if (!parsed) return failed('无法识别', '这不是本小程序的签到码，请扫描负责人手机上显示的签到码，或输入6位数字');
    if (parsed.eventId !== event.id) return failed('签到码不对', '这是另一个活动的签到码，请扫描本活动负责人手机上的签到码');
    await checkIn(parsed.code, false);
  };

  const cancelEvent = async (reason: string, wholeSeries: boolean, freeRoom = false) => {
    if (!event || !begin()) return;
    try {
      const { cancelledIds } = await api.events.cancel({ eventId: event.id, reason, wholeSeries: wholeSeries || undefined, freeRoom: freeRoom || undefined });
      setSheet(null);
      toast(`${cancelledIds.length > 1 ? `已取消${cancelledIds.length}场活动` : '活动已取消'}，已通知报名的人${freeRoom ? '，活动室已释放' : ''}`);
    } catch (err) {
      if (isApiError(err) && err.fields.reason) setSheetError(err.fields.reason);
      else {
        setSheet(null);
        failed('取消没有成功', err);
      }
    } finally {
      end();
      await reload();
    }
  };

  return { sheet, sending, sheetError, signUpError, openSheet, closeSheet, signUp, cancelSignUp, checkIn, scan, cancelEvent };
}
