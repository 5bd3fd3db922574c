import { View } from '@tarojs/components';
import type { TGroupCategory } from '../../types/domain';
import { CATEGORY_LOOK } from '../lib/category-look';

/** The category's character on its colour, left of a group's name: groups of one kind are found by eye. */
export function CategoryBadge({ category }: { category: TGroupCategory }) {
  const look = CATEGORY_LOOK[category];
  return (
    <View className={`category-badge tag--${look.tone}`} aria-hidden>
      {look.glyph}
    </View>
  );
}
