import { View } from '@tarojs/components';
import type { TFilingView } from '../../types';
import { FILING_KIND_LABELS } from '../../types/domain';

/** Long values (a charter) are cut here; the full text stays in 完整备案信息 below. */
const PREVIEW = 200;
const shown = (s: string) => (!s ? '未填写' : s.length > PREVIEW ? `${s.slice(0, PREVIEW)}…` : s);

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
        <View id='filing-changes' className='changes' role='table' aria-label='申请变更的内容'>
          <View className='changes__title'>申请变更的内容（{filing.changes.length}项）</View>
          {filing.changes.map((c) => (
            <View key={c.field} id={`change-row-${c.field}`} className='changes__item' role='row'>
              <View className='changes__label'>{c.label}</View>
              <View className='changes__line' role='cell'>
                <View className='changes__tag'>原</View>
                <View className='changes__before'>{shown(c.before)}</View>
              </View>
              <View className='changes__line' role='cell'>
                <View className='changes__tag changes__tag--new'>新</View>
                <View className='changes__after'>{shown(c.after)}</View>
              </View>
            </View>
          ))}
        </View>
      ) : (
        <View className='notice notice--rejected change-summary__notice'>
          <View className='notice__text'>审核通过后，该组织将从社团名录中移除，不能恢复；办理记录会保留。</View>
        </View>
      )}
    </View>
  );
}
