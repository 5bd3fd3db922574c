import { View } from '@tarojs/components';
import type { TTimelineFiling } from '../../../../types/workbench';
import { FILING_KIND_LABELS, FILING_STATUS_LABELS } from '../../../../types/domain';
import { EmptyState } from '../../../components/EmptyState';
import { StatusTag } from '../../../components/StatusTag';
import { tappable } from '../../../components/Tappable';
import { formatDate, formatDateTime } from '../../../lib/time';

/** Every filing of the group, newest first, each with who moved it when and why (the audit log), as it happened. */
export function FilingTimeline({ filings, onOpen }: { filings: TTimelineFiling[]; onOpen: (f: TTimelineFiling) => void }) {
  if (filings.length === 0) return <EmptyState id='staff-filings-empty' text='还没有报备记录' />;
  return (
    <View id='staff-timeline' className='card wb-section'>
      {filings.map((f) => (
        <View key={f.id} id={`staff-filing-${f.id}`} className='wb-filing'>
          <View {...tappable()} className='card__row wb-filing__head' onClick={() => onOpen(f)}>
            <View className={f.kind === 'initial' ? 'category-tag' : 'kind-tag'}>{FILING_KIND_LABELS[f.kind]}</View>
            <StatusTag status={f.status} />
            <View className='card__meta'>{f.submittedAt ? `提交于 ${formatDate(f.submittedAt)}` : ''}</View>
          </View>
          <View className='timeline'>
            {f.steps.map((h, i) => (
              <View key={i} className='timeline__item'>
                <View className='timeline__dot' />
                <View className='timeline__time'>
                  {formatDateTime(h.at)} · {h.actorName}
                </View>
                <View className='timeline__what'>{h.from ? `${FILING_STATUS_LABELS[h.from]} → ${FILING_STATUS_LABELS[h.to]}` : FILING_STATUS_LABELS[h.to]}</View>
                {h.reason ? <View className='timeline__reason'>{h.reason}</View> : null}
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}
