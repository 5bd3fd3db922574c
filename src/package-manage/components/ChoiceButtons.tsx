import { View } from '@tarojs/components';

interface TChoice<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

interface TChoiceButtonsProps<T extends string> {
  idPrefix: string;
  choices: TChoice<T>[];
  value: T;
  onChange: (value: T) => void;
}

/** Two or three large radio-like buttons stacked: the whole box is the target, the chosen one is filled. */
export function ChoiceButtons<T extends string>({ idPrefix, choices, value, onChange }: TChoiceButtonsProps<T>) {
  return (
    <View className='choices' role='radiogroup'>
      {choices.map((c) => {
        const on = c.value === value;
        return (
          <View
            key={c.value}
            id={`${idPrefix}-${c.value}`}
            role='radio'
            aria-checked={on}
            className={on ? 'choice choice--on' : 'choice'}
            onClick={() => onChange(c.value)}
          >
            <View className='choice__label'>
              {on ? '● ' : '○ '}
              {c.label}
            </View>
            {c.hint ? <View className='choice__hint'>{c.hint}</View> : null}
          </View>
        );
      })}
    </View>
  );
}
