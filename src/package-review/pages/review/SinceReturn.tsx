import { View } from '@tarojs/components';
import type { TFieldChange } from '../../../../types';
import { FieldChangeList } from '../../../components/FieldChangeList';

/**
 * A filing the leader resubmitted after a return: what they changed since, field by field, first thing on the page,
 * so the reviewer checks the answer to their comment instead of rereading the whole record.
 */
export function SinceReturn({ changes }: { changes: TFieldChange[] }) {
  return (
    <View id='since-return' className='card since-return'>
      <View className='since-return__tag kind-tag'>退回后重新提交</View>
      {changes.length > 0 ? (
        <FieldChangeList id='since-return-changes' title='退回后修改的内容' rowIdPrefix='since-return-' changes={changes} />
      ) : (
        <View id='since-return-none' className='notice__text'>负责人没有修改任何内容就重新提交了。</View>
      )}
    </View>
  );
}
