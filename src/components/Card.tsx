import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

interface TCardProps {
  id?: string;
  /** Extra hooks (tests select `.group-card`, `.event-card`…); the look is the card's own. */
  className?: string;
  title: ReactNode;
  /** A small picture left of the title (a category's badge). */
  badge?: ReactNode;
  /** Right of the title: a status that must be seen first. */
  aside?: ReactNode;
  /** One row of tags under the title. */
  tags?: ReactNode;
  /** The card's meta lines (`.card__meta`) and anything else it shows. */
  children?: ReactNode;
  /** A visible 「查看详情 ›」 for people who do not know a card can be tapped. */
  more?: string;
  onOpen?: () => void;
  dataTitle?: string;
}

/** Every list item of the app: title, tags, meta lines, the same padding and spacing everywhere. */
export function Card({ id, className, title, badge, aside, tags, children, more, onOpen, dataTitle }: TCardProps) {
  return (
    <View id={id} className={`card${onOpen ? ' card--tappable' : ''}${className ? ` ${className}` : ''}`} data-title={dataTitle} onClick={onOpen}>
      <View className='card__head'>
        {badge}
        <View className='card__title'>{title}</View>
        {aside ? <View className='card__aside'>{aside}</View> : null}
      </View>
      {tags ? <View className='card__tags'>{tags}</View> : null}
      {children}
      {more ? <View className='card__more'>{more} ›</View> : null}
    </View>
  );
}
