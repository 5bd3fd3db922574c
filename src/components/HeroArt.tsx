import { View } from '@tarojs/components';

/** The header band's drawn skyline and sun (decoration only: hidden from screen readers). */
export function HeroArt() {
  return (
    <View className='hero__art' aria-hidden>
      <View className='hero__sun' />
      <View className='hero__block hero__block--1' />
      <View className='hero__block hero__block--2' />
      <View className='hero__block hero__block--3' />
    </View>
  );
}
