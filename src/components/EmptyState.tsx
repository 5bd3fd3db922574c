import { Button, View } from '@tarojs/components';

interface TEmptyStateProps {
  text: string;
  hint?: string;
  actionText?: string;
  onAction?: () => void;
  id?: string;
}

export function EmptyState({ text, hint, actionText, onAction, id }: TEmptyStateProps) {
  return (
    <View id={id} className='state state--empty'>
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
