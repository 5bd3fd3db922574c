import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { mobileProblem, textLength, textProblem } from '../lib/field-limits';
import { FieldError } from './FieldError';

/**
 * What a control needs so a screen reader (and axe) finds its label: `ariaLabel` for the mini program,
 * `nativeProps` for H5, where Taro wraps the real <input>/<textarea>/checkbox and passes these to it.
 */
export interface TFieldA11y {
  ariaLabel: string;
  nativeProps: Record<string, unknown>;
}

export const fieldA11y = (label: string): TFieldA11y => ({ ariaLabel: label, nativeProps: { 'aria-label': label } });

/** From this many characters a field counts as long text and always shows its counter. */
const LONG_TEXT = 100;

interface TFormFieldProps {
  /** Stable id on the wrapper: tests type into `#<id> input`, and forms scroll to it on error. */
  id: string;
  label: string;
  required?: boolean;
  /** Says 「可不填」 beside the label. */
  optional?: boolean;
  hint?: string;
  /** The form's (or the server's) word on this field. A live limit problem is shown before it: it is newer. */
  error?: string;
  /** Text with a schema limit: a live 「123/500」 (always on long text, on short text once over) and, past it, the error. */
  limit?: { value: string; max: number };
  /** A phone number: more than 11 digits is named at once, and what was typed is kept. */
  mobile?: string;
  className?: string;
  /** A node, or a function given the label props to spread on the control. */
  children: ReactNode | ((a11y: TFieldA11y) => ReactNode);
}

/** One form field: label always visible, required/optional mark, hint, control, counter, error. */
export function FormField(props: TFormFieldProps) {
  const { id, label, required, optional, hint, error, limit, mobile, className, children } = props;
  const live = (limit ? textProblem(label, limit.value, limit.max) : undefined) ?? (mobile !== undefined ? mobileProblem(mobile) : undefined);
  const shown = live ?? error;
  const length = limit ? textLength(limit.value) : 0;
  const showCounter = !!limit && (limit.max >= LONG_TEXT || length > limit.max);
  const classes = ['form-row', shown ? 'form-row--invalid' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <View id={id} className={classes}>
      <View className='form-row__label'>
        {label}
        {required ? <View className='form-row__required'>必填</View> : null}
        {optional ? <View className='form-row__optional'>可不填</View> : null}
      </View>
      {hint ? <View className='form-row__hint'>{hint}</View> : null}
      {typeof children === 'function' ? children(fieldA11y(label)) : children}
      {showCounter && limit ? (
        <View className={length > limit.max ? 'form-row__counter form-row__counter--over' : 'form-row__counter'}>
          {length}/{limit.max}
        </View>
      ) : null}
      <FieldError message={shown} />
    </View>
  );
}
