import { View } from '@tarojs/components';
import { REVIEW_REASONS } from '../../../../types/workbench-vocab';

/**
 * Common reasons to return or reject (types/workbench-vocab.ts): a tap puts the sentence into 审核意见 (after what is
 * already there, once), and the social worker edits it before sending. Chips wrap: every reason stays readable.
 */
export function ReasonChips({ comment, onPick }: { comment: string; onPick: (next: string) => void }) {
  const pick = (reason: string) => {
    const current = comment.trim();
    if (current.includes(reason)) return;
    onPick(current ? `${current}\n${reason}` : reason);
  };
  return (
    <View id='review-reasons' className='review__reasons'>
      <View className='review__reasons-label'>常用意见（点一下填入，可再修改）</View>
      <View className='chips chips--wrap' role='group' aria-label='常用意见'>
        {REVIEW_REASONS.map((reason, i) => (
          <View key={reason} id={`review-reason-${i}`} role='button' aria-pressed={comment.includes(reason)} className='chip review__reason' onClick={() => pick(reason)}>
            {reason}
          </View>
        ))}
      </View>
    </View>
  );
}
