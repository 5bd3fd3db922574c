import { View } from '@tarojs/components';
import type { THistoryEntry } from '../../types';
import { FILING_STATUS_LABELS } from '../../types/domain';
import { formatDateTime } from '../lib/time';

/** Who moved the filing from which status to which, when, and why — newest last, as it happened. */
export function HistoryTimeline({ entries }: { entries: THistoryEntry[] }) {
  if (entries.length === 0) return <View className='muted'>暂无记录</View>;
  return (
    <View id='history' className='timeline'>
      {entries.map((h, i) => (
        <View key={i} className='timeline__item'>
          <View className='timeline__dot' />
          <View className='timeline__time'>
            {formatDateTime(h.at)} · {h.actorName}
          </View>
          <View className='timeline__what'>
            {h.from ? `${FILING_STATUS_LABELS[h.from]} → ${FILING_STATUS_LABELS[h.to]}` : FILING_STATUS_LABELS[h.to]}
          </View>
          {h.reason ? <View className='timeline__reason'>{h.reason}</View> : null}
        </View>
      ))}
    </View>
  );
}
