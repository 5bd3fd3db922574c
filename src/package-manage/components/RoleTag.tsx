import { Text } from '@tarojs/components';
import { GROUP_ROLE_LABELS, type TGroupRole } from '../../../types/membership';

/** 负责人 / 副负责人 / 成员, as a word (colour is never the only signal). */
export function RoleTag({ role }: { role: TGroupRole }) {
  return <Text className={`role-tag role-tag--${role}`}>{GROUP_ROLE_LABELS[role]}</Text>;
}
