import { View } from '@tarojs/components';
import type { TFieldChange } from '../../../../types';
import { FieldChangeList } from '../../../components/FieldChangeList';

/**
 * A filing the leader resubmitted after a return: what they changed since, field by field, first thing on the page,
 * so the reviewer checks the answer to their comment instead of rereading the whole record.
 */
export function SinceReturn({ changes, returnComment }: { changes: TFieldChange[]; returnComment: string | null }) {
  return (
    <View id='since-return' className='card since-return'>
      <View className='since-return__tag kind-tag'>退回后重新提交</View>
      {/* What was asked for, beside what was done about it. */}
      {returnComment ? (
        <View className='info-row'>
          <View className='info-row__label'>退回时的意见</View>
          <View id='since-return-comment' className='info-row__value'>
            {returnComment}
          </View>
        </View>
      ) : null}
      {changes.length > 0 ? (
        <FieldChangeList id='since-return-changes' title='退回后修改的内容' rowIdPrefix='since-return-' changes={changes} />
      ) : (
        <View id='since-return-none' className='notice__text'>负责人没有修改任何内容就重新提交了。</View>
      )}
    </View>
  );
}
