import { View } from '@tarojs/components';
import type { TFilingSummary } from '../../../types';
import { FILING_KIND_LABELS } from '../../../types/domain';
import { Card } from '../../components/Card';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime } from '../../lib/time';

/** One of my filings; when a reviewer returned or rejected it, their words show right here. */
export function FilingItem({ filing, onOpen }: { filing: TFilingSummary; onOpen: (id: string) => void }) {
  const showComment = (filing.status === 'returned' || filing.status === 'rejected') && filing.lastComment;
  return (
    <Card
      id={`filing-item-${filing.id}`}
      className='filing-item'
      title={filing.name || '（未填写组织名称）'}
      aside={<StatusTag status={filing.status} />}
      onOpen={() => onOpen(filing.id)}
    >
      <View className='card__meta'>
        {FILING_KIND_LABELS[filing.kind]}
        {filing.communityName ? ` · ${filing.communityName}` : ''}
      </View>
      <View className='card__meta'>更新于 {formatDateTime(filing.updatedAt)}</View>
      {showComment ? (
        <View className={filing.status === 'rejected' ? 'notice notice--rejected card__notice' : 'notice card__notice'}>
          <View className='notice__title'>{filing.status === 'rejected' ? '未通过的原因' : '社工的修改意见'}</View>
          <View className='notice__text'>{filing.lastComment}</View>
        </View>
      ) : null}
    </Card>
  );
}
