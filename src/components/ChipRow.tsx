import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

export interface TChipOption<T> {
  value: T;
  label: string;
  /** A small coloured dot before the label (a category's tone), as class `tag--<tone>`. */
  dotTone?: string;
}

interface TChipRowProps<T> {
  options: TChipOption<T>[];
  value: T;
  onChange: (value: T) => void;
  /** Chip ids are `<idPrefix>-<key>`. */
  idPrefix: string;
  keyOf?: (value: T) => string;
  id?: string;
  className?: string;
  /** 'row' (default) scrolls sideways, for filters above a list; 'wrap' shows every option at once, for forms. */
  layout?: 'row' | 'wrap';
}

/**
 * One row of choice chips that scrolls sideways instead of wrapping, so the list starts right under it. The row
 * bleeds to the screen edges, and the chip cut at the right edge shows there is more.
 */
export function ChipRow<T>({ options, value, onChange, idPrefix, keyOf = String, id, className, layout = 'row' }: TChipRowProps<T>): ReactNode {
  return (
    <View id={id} className={`chips chips--${layout}${className ? ` ${className}` : ''}`} role='radiogroup'>
      {options.map((o) => {
        const active = o.value === value;
        return (
          <View
            key={keyOf(o.value)}
            id={`${idPrefix}-${keyOf(o.value)}`}
            role='radio'
            aria-checked={active}
            className={active ? 'chip chip--active' : 'chip'}
            onClick={() => onChange(o.value)}
          >
            {o.dotTone ? <View className={`chip__dot tag--${o.dotTone}`} /> : null}
            {o.label}
          </View>
        );
      })}
    </View>
  );
}
