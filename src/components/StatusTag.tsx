import { FILING_STATUS_LABELS, type TFilingStatus } from '../../types/domain';
import { Tag, type TTagTone } from './Tag';

const TONES: Record<TFilingStatus, TTagTone> = {
  draft: 'grey',
  submitted: 'amber',
  approved: 'green',
  returned: 'orange',
  rejected: 'red',
  withdrawn: 'grey',
};

/** A filing's status as a coloured word; colour is never the only signal, the label always shows. */
export function StatusTag({ status, id }: { status: TFilingStatus; id?: string }) {
  return (
    <Tag tone={TONES[status]} id={id} className='status-tag'>
      {FILING_STATUS_LABELS[status]}
    </Tag>
  );
}
