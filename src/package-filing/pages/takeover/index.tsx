import { Button, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { TTakeoverOffer } from '../../../../types/account';
import { api, errorMessage } from '../../../api';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { FieldError } from '../../../components/FieldError';
import { Loading } from '../../../components/Loading';
import { PageShell } from '../../../components/PageShell';
import { ROUTES } from '../../../lib/nav';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

type TState = { phoneVerified: boolean; offers: TTakeoverOffer[] };

/**
 * The phone's button: in WeChat, `getPhoneNumber` asks the person to share their number and gives a one-time code
 * the server exchanges (docs/on-behalf.md). In H5 there is no WeChat: the local gateway knows the demo users' numbers.
 */
function VerifyPhoneButton({ busy, onCode }: { busy: boolean; onCode: (code: string) => void }) {
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <Button
        id='btn-verify-phone'
        className='btn btn--primary'
        openType='getPhoneNumber'
        disabled={busy}
        onGetPhoneNumber={(e) => {
          const code = (e.detail as { code?: string }).code;
          if (code) onCode(code);
        }}
      >
        验证手机号
      </Button>
    );
  }
  return (
    <Button id='btn-verify-phone' className='btn btn--primary' disabled={busy} onClick={() => onCode('dev')}>
      验证手机号
    </Button>
  );
}

/**
 * 代办 takeover: a social worker filed a group for this person. Once their phone number is verified, each 代办 filed
 * for that number is offered; confirming makes them its leader.
 */
function TakeoverPageBody() {
  const [state, setState] = useState<TState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [mobile, setMobile] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      setState(await api.account.takeoverOffers({}));
    } catch (err) {
      setLoadError(errorMessage(err));
    }
  }, []);
  useLoad(() => void load());

  const verify = async (code: string) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await api.account.verifyPhone({ code });
      setMobile(answer.mobileMasked);
      setState({ phoneVerified: true, offers: answer.offers });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (offer: TTakeoverOffer) => {
    const { confirm: yes } = await Taro.showModal({
      title: '确认接手',
      content: `确认您就是「${offer.groupName}」的负责人？确认后由您管理这个组织。`,
      confirmText: '是我',
      cancelText: '不是我',
    });
    if (!yes) return;
    setBusy(true);
    setError(null);
    try {
      const { groupId } = await api.account.takeover({ filingId: offer.filingId });
      void Taro.showToast({ title: '已接手，现在由您管理', icon: 'none', duration: 2000 });
      await Taro.redirectTo({ url: groupId ? ROUTES.groupDetail(groupId) : ROUTES.filingDetail(offer.filingId) });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (!state) return loadError ? <ErrorState message={loadError} onRetry={() => void load()} /> : <Loading />;

  return (
    <View className='page'>
      {!state.phoneVerified ? (
        <View className='card'>
          <View className='notice__title'>社工为您代办过报备？</View>
          <View className='notice__text'>
            不方便用手机时，社工可以替您填写组织的报备。验证您的手机号后，就能看到为您代办的报备，确认后由您自己管理。
          </View>
          <VerifyPhoneButton busy={busy} onCode={(code) => void verify(code)} />
        </View>
      ) : state.offers.length === 0 ? (
        <EmptyState id='takeover-none' text='没有找到为您代办的报备' hint={`${mobile ? `已验证手机号 ${mobile}。` : ''}如果社工说已为您代办，请让社工核对报备上的手机号。`} />
      ) : (
        <View id='takeover-offers'>
          {state.offers.map((offer) => (
            <View key={offer.filingId} id={`takeover-${offer.filingId}`} className='card'>
              <View className='card__title'>{`${offer.enteredBy} 为您代办了「${offer.groupName}」的报备，是您吗？`}</View>
              <Button className='btn btn--primary' disabled={busy} onClick={() => void confirm(offer)}>
                是我，确认接手
              </Button>
            </View>
          ))}
        </View>
      )}
      <FieldError message={error ?? undefined} />
      <DevPanelSlot />
    </View>
  );
}

export default function TakeoverPage() {
  return (
    <PageShell>
      <TakeoverPageBody />
    </PageShell>
  );
}
