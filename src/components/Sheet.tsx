import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

interface TSheetProps {
  id: string;
  title: string;
  /** While a request is on its way the mask does not close the sheet. */
  busy?: boolean;
  onClose: () => void;
  children: ReactNode;
}

/** A bottom sheet over a dark mask: big title, content, and whatever buttons the caller puts in. */
export function Sheet({ id, title, busy, onClose, children }: TSheetProps) {
  return (
    <View className='sheet__mask' onClick={busy ? undefined : onClose}>
      <View id={id} className='sheet' role='dialog' aria-label={title} onClick={(e) => e.stopPropagation()}>
        <View className='sheet__title'>{title}</View>
        {children}
      </View>
    </View>
  );
}
