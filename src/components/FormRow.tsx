import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { FieldError } from './FieldError';

interface TFormRowProps {
  /** Stable id on the wrapper: tests type into `#<id> input`, and the form scrolls to it on error. */
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: string;
  children: ReactNode;
}

export function FormRow({ id, label, required, hint, error, children }: TFormRowProps) {
  return (
    <View id={id} className={error ? 'form-row form-row--invalid' : 'form-row'}>
      <View className='form-row__label'>
        {label}
        {required ? <View className='form-row__required'>必填</View> : null}
      </View>
      {hint ? <View className='form-row__hint'>{hint}</View> : null}
      {children}
      <FieldError message={error} />
    </View>
  );
}
