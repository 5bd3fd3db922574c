import { Button, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { FormField } from '../../components/FormField';
import { NO_CUT, textProblem } from '../../lib/field-limits';
import { Sheet } from './Sheet';

interface TNoteSheetProps {
  id: string;
  title: string;
  /** What will happen, in one or two sentences. */
  text: string;
  label: string;
  placeholder: string;
  /** Minimum length when the note is required (e.g. the dissolution reason); omitted = optional. */
  requiredMin?: number;
  maxLength: number;
  confirmText: string;
  danger?: boolean;
  sending: boolean;
  /** A server-side problem with the note (VALIDATION_FAILED / CONTENT_REJECTED). */
  error?: string;
  onConfirm: (note: string) => void;
  onCancel: () => void;
}

/** Asks for an optional (or required) note, then sends on an explicit 确认 button: the confirmation step. */
export function NoteSheet(props: TNoteSheetProps) {
  const { id, title, text, label, placeholder, requiredMin, maxLength, confirmText, danger, sending, error, onConfirm, onCancel } = props;
  const [note, setNote] = useState('');
  const [localError, setLocalError] = useState('');

  const confirm = () => {
    const trimmed = note.trim();
    if (requiredMin && trimmed.length < requiredMin) {
      setLocalError(trimmed ? `${label}至少需要${requiredMin}个字` : `请填写${label}`);
      return;
    }
    // Over-long is refused with the counter's words, never cut: the FormField already shows it.
    if (textProblem(label, note, maxLength)) return;
    setLocalError('');
    onConfirm(trimmed);
  };

  const confirmClass = danger ? 'btn btn--danger' : 'btn btn--primary';
  return (
    <Sheet id={id} title={title} busy={sending} onClose={onCancel}>
      <View className='sheet__text'>{text}</View>
      <FormField id={`${id}-note`} label={label} required={!!requiredMin} optional={!requiredMin} error={localError || error} limit={{ value: note, max: maxLength }}>
        {(a11y) => (
          <Textarea
            className='textarea sheet__textarea'
            value={note}
            maxlength={NO_CUT}
            placeholder={placeholder}
            placeholderClass='placeholder'
            {...a11y}
            onInput={(e) => setNote(e.detail.value)}
          />
        )}
      </FormField>
      <View className='btn-stack'>
        <Button className={sending ? `${confirmClass} btn--busy sheet__confirm` : `${confirmClass} sheet__confirm`} disabled={sending || undefined} onClick={confirm}>
          {sending ? '正在提交…' : confirmText}
        </Button>
        <Button className='btn btn--plain sheet__cancel' disabled={sending || undefined} onClick={onCancel}>
          取消
        </Button>
      </View>
    </Sheet>
  );
}
