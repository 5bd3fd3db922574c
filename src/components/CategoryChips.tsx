import { View } from '@tarojs/components';
import { GROUP_CATEGORIES, GROUP_CATEGORY_LABELS, type TGroupCategory } from '../../types/domain';

interface TCategoryChipsProps {
  value: TGroupCategory | undefined;
  onChange: (value: TGroupCategory | undefined) => void;
  /** With 「全部」 for filters; without it when one category must be chosen. */
  withAll?: boolean;
  idPrefix: string;
}

/** All six categories visible at once: one tap, no scrolling wheel, big targets. */
export function CategoryChips({ value, onChange, withAll, idPrefix }: TCategoryChipsProps) {
  return (
    <View className='chips' role='radiogroup'>
      {withAll ? (
        <View
          id={`${idPrefix}-all`}
          role='radio'
          aria-checked={value === undefined}
          className={value === undefined ? 'chip chip--active' : 'chip'}
          onClick={() => onChange(undefined)}
        >
          全部
        </View>
      ) : null}
      {GROUP_CATEGORIES.map((c) => (
        <View
          key={c}
          id={`${idPrefix}-${c}`}
          role='radio'
          aria-checked={value === c}
          className={value === c ? 'chip chip--active' : 'chip'}
          onClick={() => onChange(c)}
        >
          {GROUP_CATEGORY_LABELS[c]}
        </View>
      ))}
    </View>
  );
}
