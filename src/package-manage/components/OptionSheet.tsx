import { Button, View } from '@tarojs/components';
import { Sheet } from './Sheet';

export interface TOption {
  value: string | null;
  label: string;
  hint?: string;
}

interface TOptionSheetProps {
  id: string;
  title: string;
  options: TOption[];
  /** The option currently in force, marked 「当前」. */
  current?: string | null;
  busy?: boolean;
  onPick: (value: string | null) => void;
  onCancel: () => void;
}

/** A list of big choices (any number, unlike the 6-item native action sheet). Each row is `.option`, `#<id>-option-<i>`. */
export function OptionSheet({ id, title, options, current, busy, onPick, onCancel }: TOptionSheetProps) {
  return (
    <Sheet id={id} title={title} busy={busy} onClose={onCancel}>
      <View className='option-list'>
        {options.map((o, i) => {
          const isCurrent = current !== undefined && o.value === current;
          return (
            <View
              key={o.value ?? '_none'}
              id={`${id}-option-${i}`}
              role='button'
              className={isCurrent ? 'option option--current' : 'option'}
              onClick={busy ? undefined : () => onPick(o.value)}
            >
              <View className='option__label'>
                {o.label}
                {isCurrent ? <View className='option__current'>当前</View> : null}
              </View>
              {o.hint ? <View className='option__hint'>{o.hint}</View> : null}
            </View>
          );
        })}
      </View>
      <Button className='btn btn--plain sheet__cancel' disabled={busy || undefined} onClick={onCancel}>
        取消
      </Button>
    </Sheet>
  );
}
