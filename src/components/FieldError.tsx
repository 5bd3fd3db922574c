import { View } from '@tarojs/components';

export function FieldError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <View className='field-error' role='alert'>
      {message}
    </View>
  );
}
