import { Button, View } from '@tarojs/components';

/** A failed load: says what happened in Chinese and offers one obvious way to try again. */
export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className='state state--error' role='alert'>
      <View className='state__text'>{message}</View>
      {onRetry ? (
        <Button className='btn btn--primary state__action' onClick={onRetry}>
          重新加载
        </Button>
      ) : null}
    </View>
  );
}
