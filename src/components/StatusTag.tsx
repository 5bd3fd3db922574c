import { Text } from '@tarojs/components';
import { FILING_STATUS_LABELS, type TFilingStatus } from '../../types/domain';

/** A filing's status as a coloured word; colour is never the only signal, the label always shows. */
export function StatusTag({ status, id }: { status: TFilingStatus; id?: string }) {
  return (
    <Text id={id} className={`status-tag status-tag--${status}`}>
      {FILING_STATUS_LABELS[status]}
    </Text>
  );
}
