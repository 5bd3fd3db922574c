import { View } from '@tarojs/components';
import type { TFilingStatus } from '../../types/domain';

/** The reviewer's return comment or rejection reason, the first thing a leader must read. */
export function DecisionNotice({ status, comment }: { status: TFilingStatus; comment: string | null }) {
  if (!comment || (status !== 'returned' && status !== 'rejected')) return null;
  return (
    <View id='filing-comment' className={status === 'rejected' ? 'notice notice--rejected' : 'notice'} role='alert'>
      <View className='notice__title'>{status === 'rejected' ? '未通过的原因' : '社工的修改意见'}</View>
      <View className='notice__text'>{comment}</View>
    </View>
  );
}
