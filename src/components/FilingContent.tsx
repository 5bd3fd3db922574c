import { View } from '@tarojs/components';
import { useState } from 'react';
import type { TFilingView } from '../../types';
import { FilingChangeSummary } from './FilingChangeSummary';
import { FilingFieldsView } from './FilingFieldsView';

/**
 * The body of a filing for its leader and its reviewer. A new group's filing is its full record; a change or
 * dissolution leads with what is asked (FilingChangeSummary) and keeps the full record one tap away.
 */
export function FilingContent({ filing }: { filing: TFilingView }) {
  const [fullOpen, setFullOpen] = useState(false);
  if (filing.kind === 'initial') {
    return (
      <>
        <View className='section-title'>报备内容</View>
        <FilingFieldsView fields={filing.fields} communityName={filing.communityName} />
      </>
    );
  }
  return (
    <>
      <View className='section-title'>申请内容</View>
      <FilingChangeSummary filing={filing} />
      <View className='section-title'>{filing.kind === 'change' ? '变更后的完整备案信息' : '完整备案信息'}</View>
      {fullOpen ? <FilingFieldsView fields={filing.fields} communityName={filing.communityName} /> : null}
      <View id='btn-toggle-fields' className='link' role='button' onClick={() => setFullOpen(!fullOpen)}>
        {fullOpen ? '收起完整备案信息' : '查看完整备案信息'}
      </View>
    </>
  );
}

/** The group a filing is about as people know it: a rename shows the name on record until it is approved. */
export function filingTitle(filing: Pick<TFilingView, 'kind' | 'status' | 'changes' | 'fields'>): string {
  const rename = filing.kind === 'change' && filing.status !== 'approved' ? filing.changes.find((c) => c.field === 'name') : undefined;
  return rename?.before || filing.fields.name || '（未填写组织名称）';
}
