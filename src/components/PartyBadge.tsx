import { Tag } from './Tag';

export function PartyBadge({ id }: { id?: string }) {
  return (
    <Tag tone='solid-red' id={id} className='party-badge'>
      党支部
    </Tag>
  );
}
