import { View } from '@tarojs/components';
import type { TFieldChange } from '../../types';

/** Long values (a charter) are cut here; the full text stays in the full record below. */
const PREVIEW = 200;
const shown = (s: string) => (!s ? '未填写' : s.length > PREVIEW ? `${s.slice(0, PREVIEW)}…` : s);

interface TFieldChangeListProps {
  id: string;
  title: string;
  /** Each row's id is this plus the field name (`change-row-venue`), for tests and scrolling. */
  rowIdPrefix: string;
  changes: TFieldChange[];
}

/** Each changed field as 原 → 新, the new value emphasised, so nobody has to compare two full records by eye. */
export function FieldChangeList({ id, title, rowIdPrefix, changes }: TFieldChangeListProps) {
  return (
    <View id={id} className='changes' role='table' aria-label={title}>
      <View className='changes__title'>
        {title}（{changes.length}项）
      </View>
      {changes.map((c) => (
        <View key={c.field} id={`${rowIdPrefix}${c.field}`} className='changes__item' role='row'>
          <View className='changes__label' role='rowheader'>
            {c.label}
          </View>
          <View className='changes__line' role='cell'>
            <View className='changes__tag'>原</View>
            <View className='changes__before'>{shown(c.before)}</View>
          </View>
          <View className='changes__line' role='cell'>
            <View className='changes__tag changes__tag--new'>新</View>
            <View className='changes__after'>{shown(c.after)}</View>
          </View>
        </View>
      ))}
    </View>
  );
}
