import { Text } from '@tarojs/components';
import './CountBadge.css';

/** 「N」 things waiting (join requests, filings to review). Nothing at all when none wait, so an empty badge never shows. */
export function CountBadge({ count, id, label }: { count: number; id?: string; label: string }) {
  if (count <= 0) return null;
  return (
    <Text id={id} className='count-badge' aria-label={`${label}${count}项`}>
      {count > 99 ? '99+' : count}
    </Text>
  );
}
