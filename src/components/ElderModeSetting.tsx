import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { chooseElderMode, useElderMode } from '../lib/elder-mode';

/** 我的 → 设置: the 长辈模式 switch. The whole row is the switch (a big target), with its state in words. */
export function ElderModeSetting() {
  const { isElder } = useElderMode();
  const toggle = () => {
    chooseElderMode(!isElder).catch(() => {
      Taro.showToast({ title: '本机已改好，但没能存到账号里', icon: 'none' });
    });
  };
  return (
    <View className='card elder-setting'>
      <View
        id='elder-mode-switch'
        className='elder-setting__row'
        role='switch'
        aria-checked={isElder}
        aria-label='长辈模式'
        onClick={toggle}
      >
        <View className='elder-setting__icon' aria-hidden>
          大
        </View>
        <View className='elder-setting__text'>
          <View className='elder-setting__name'>长辈模式</View>
          <View className='elder-setting__what meta--secondary'>字更大、按钮更大</View>
        </View>
        <View className={`elder-setting__state${isElder ? ' elder-setting__state--on' : ''}`}>{isElder ? '已开启' : '已关闭'}</View>
      </View>
    </View>
  );
}
