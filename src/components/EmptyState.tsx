import { Button, Image, View } from '@tarojs/components';
import emptyArt from '../assets/empty.png';

interface TEmptyStateProps {
  text: string;
  hint?: string;
  actionText?: string;
  onAction?: () => void;
  id?: string;
}

/** Nothing to show yet: a small calm picture (a PNG: it renders the same in WeChat and H5), what is empty, what to do. */
export function EmptyState({ text, hint, actionText, onAction, id }: TEmptyStateProps) {
  return (
    <View id={id} className='state state--empty'>
      <Image className='state__art' src={emptyArt} mode='scaleToFill' aria-hidden />
      <View className='state__text'>{text}</View>
      {hint ? <View className='state__hint'>{hint}</View> : null}
      {actionText && onAction ? (
        <Button className='btn btn--primary state__action' onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  );
}
