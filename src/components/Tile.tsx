import { Button, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { TTagTone } from './Tag';

interface TTileProps {
  id: string;
  /** One character on the tile's coloured badge (a picture made of the word, not an icon to decode). */
  glyph: string;
  tone: TTagTone;
  title: string;
  sub: string;
  /** Things waiting here (a CountBadge), beside the title. */
  badge?: ReactNode;
  onTap: () => void;
}

/** A service entry in a two-column grid (我的 tab): badge, name and what is inside, one big target. */
export function Tile({ id, glyph, tone, title, sub, badge, onTap }: TTileProps) {
  return (
    <Button id={id} className='btn tile' onClick={onTap}>
      <View className={`tile__badge tag--${tone}`} aria-hidden>
        {glyph}
      </View>
      <View className='tile__title'>
        {title}
        {badge}
      </View>
      <View className='tile__sub'>{sub}</View>
    </Button>
  );
}
