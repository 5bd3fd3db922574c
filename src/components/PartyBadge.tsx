import { Text } from '@tarojs/components';

export function PartyBadge({ id }: { id?: string }) {
  return (
    <Text id={id} className='party-badge'>
      党支部
    </Text>
  );
}
