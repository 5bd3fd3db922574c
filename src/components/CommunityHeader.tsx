import { View } from '@tarojs/components';
import { HeroArt } from './HeroArt';

interface TCommunityHeaderProps {
  id: string;
  /** Id of the community's name (tests read it). */
  nameId: string;
  name: string;
  /** What this tab shows of the community, under its name. */
  sub: string;
  switchId: string;
  onSwitch: () => void;
}

/**
 * The tab pages' top: the community's name on the navigation bar's blue, carried on as a calm band with a
 * drawn skyline, so every tab opens with where one is. 切换社区 is a real button-sized target on it.
 */
export function CommunityHeader({ id, nameId, name, sub, switchId, onSwitch }: TCommunityHeaderProps) {
  return (
    <View id={id} className='hero'>
      <HeroArt />
      <View className='hero__body'>
        <View className='hero__text'>
          <View id={nameId} className='hero__name'>
            {name}
          </View>
          <View className='hero__sub'>{sub}</View>
        </View>
        <View id={switchId} className='hero__switch' role='button' onClick={onSwitch}>
          切换社区
        </View>
      </View>
    </View>
  );
}
