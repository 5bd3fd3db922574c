import { View } from '@tarojs/components';
import type { TFilingView } from '../../types';
import { FILING_KIND_LABELS } from '../../types/domain';
import { FieldChangeList } from './FieldChangeList';

/**
 * What a change or dissolution filing asks for, first thing on the page: the kind, the leader's reason, and for a
 * change each field as 原 → 新, the new value emphasised, so nobody has to compare two full records by eye.
 */
export function FilingChangeSummary({ filing }: { filing: Pick<TFilingView, 'kind' | 'changes' | 'reason'> }) {
  if (filing.kind === 'initial') return null;
  const isChange = filing.kind === 'change';
  return (
    <View id='filing-change' className='card change-summary'>
      <View className='card__row'>
        <View id='filing-kind' className='kind-tag'>
          {FILING_KIND_LABELS[filing.kind]}
        </View>
      </View>
      <View className='info-row'>
        <View className='info-row__label'>{isChange ? '变更原因' : '注销原因'}</View>
        <View id='filing-reason' className={filing.reason ? 'info-row__value' : 'info-row__value info-row__value--empty'}>
          {filing.reason || '未填写'}
        </View>
      </View>
      {isChange ? (
        <FieldChangeList id='filing-changes' title='申请变更的内容' rowIdPrefix='change-row-' changes={filing.changes} />
      ) : (
        <View className='notice notice--rejected change-summary__notice'>
          <View className='notice__text'>审核通过后，该组织将从社团名录中移除，不能恢复；办理记录会保留。</View>
        </View>
      )}
    </View>
  );
}
