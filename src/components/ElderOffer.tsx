import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { chooseElderMode, useElderOfferPending } from '../lib/elder-mode';

/**
 * The first-visit offer of 长辈模式 (issue 8): shown once per person, on the first tab, the first time the server
 * says they never chose. Drawn large whatever the mode, since the person it is for cannot read small text. Tapping
 * outside counts as 标准模式, so it never comes back; 我的 → 长辈模式 changes it any time.
 */
export function ElderOffer() {
  const pending = useElderOfferPending();
  if (!pending) return null;
  const choose = (elderMode: boolean) => {
    chooseElderMode(elderMode).catch(() => {
      Taro.showToast({ title: '本机已改好，但没能存到账号里', icon: 'none' });
    });
  };
  return (
    <View className='sheet__mask' onClick={() => choose(false)}>
      <View
        id='elder-offer'
        // H5 draws its tab bar over the page's bottom edge; WeChat's lies below the page.
        className={process.env.TARO_ENV === 'h5' ? 'sheet elder-offer elder-offer--h5' : 'sheet elder-offer'}
        role='dialog'
        aria-label='选择显示方式'
        onClick={(e) => e.stopPropagation()}
      >
        <View className='elder-offer__title'>选择显示方式</View>
        <Button id='btn-elder-on' className='btn btn--primary elder-offer__choice' onClick={() => choose(true)}>
          <View className='elder-offer__icon' aria-hidden>
            大
          </View>
          <View>
            <View className='elder-offer__name'>长辈模式</View>
            <View className='elder-offer__what'>字大、按钮大、一屏一事</View>
          </View>
        </Button>
        <Button id='btn-elder-off' className='btn btn--ghost elder-offer__choice' onClick={() => choose(false)}>
          <View className='elder-offer__icon elder-offer__icon--standard' aria-hidden>
            文
          </View>
          <View>
            <View className='elder-offer__name'>标准模式</View>
            <View className='elder-offer__what'>一屏看得更多</View>
          </View>
        </Button>
        <View className='elder-offer__later'>以后可在「我的」里随时更改</View>
      </View>
    </View>
  );
}
