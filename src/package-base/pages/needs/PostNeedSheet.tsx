import { Button, Input, Textarea, View } from '@tarojs/components';
import type { TNeedCategory } from '../../../../types/incubation';
import { FieldError } from '../../../components/FieldError';
import { INCUBATION_LIMITS as IL } from '../../../../types/form-limits';
import { fieldA11y, FormField } from '../../../components/FormField';
import { NO_CUT } from '../../../lib/field-limits';
import { Sheet } from '../../../components/Sheet';
import { NEED_CATEGORY_LABELS, NEED_CATEGORY_ORDER } from '../../../lib/base-labels';

export interface TNeedForm {
  title: string;
  category: TNeedCategory | '';
  description: string;
}

interface TProps {
  form: TNeedForm;
  errors: Record<string, string>;
  sending: boolean;
  onChange: (patch: Partial<TNeedForm>) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

/** 提需求: a short title, a category, optionally a few words more. */
export function PostNeedSheet({ form, errors, sending, onChange, onSubmit, onCancel }: TProps) {
  return (
    <Sheet id='need-sheet' title='提需求' busy={sending} onClose={onCancel}>
      <View className='sheet__text'>想学什么、想要什么服务？社工会汇总大家的需求，想要的人多了就安排课程或成立兴趣小组。</View>
      <FormField id='need-title' label='我想…' required error={errors.title} hint='4到30个字，例如：想学智能手机' limit={{ value: form.title, max: IL.title }}>
        <Input className='input' value={form.title} maxlength={NO_CUT} {...fieldA11y('我想…')} placeholder='例如：想学智能手机' placeholderClass='placeholder' onInput={(e) => onChange({ title: e.detail.value })} />
      </FormField>
      <FormField id='need-category' label='类别' required error={errors.category}>
        <View className='chips' role='radiogroup'>
          {NEED_CATEGORY_ORDER.map((c) => (
            <View key={c} id={`need-category-${c}`} role='radio' aria-checked={form.category === c} className={form.category === c ? 'chip chip--active' : 'chip'} onClick={() => onChange({ category: c })}>
              {NEED_CATEGORY_LABELS[c]}
            </View>
          ))}
        </View>
      </FormField>
      <FormField id='need-description' label='说明（可不填）' error={errors.description} limit={{ value: form.description, max: IL.description }}>
        <Textarea className='textarea nb__textarea' value={form.description} maxlength={NO_CUT} {...fieldA11y('说明')} placeholder='例如：想学视频通话、扫码付款' placeholderClass='placeholder' onInput={(e) => onChange({ description: e.detail.value })} />
      </FormField>
      <FieldError message={errors._} />
      <View className='btn-row'>
        <Button id='btn-need-cancel' className='btn btn--plain' disabled={sending} onClick={onCancel}>
          取消
        </Button>
        <Button id='btn-need-submit' className={sending ? 'btn btn--primary btn--busy' : 'btn btn--primary'} disabled={sending} onClick={onSubmit}>
          {sending ? '正在提交…' : '提交'}
        </Button>
      </View>
    </Sheet>
  );
}
