import { Button, Input, Textarea, View } from '@tarojs/components';
import type { TNeedRow } from '../../../../types/incubation';
import { FieldError } from '../../../components/FieldError';
import { INCUBATION_LIMITS as IL } from '../../../../types/form-limits';
import { fieldA11y, FormField } from '../../../components/FormField';
import { NO_CUT } from '../../../lib/field-limits';
import { Sheet } from '../../../components/Sheet';
import { NEED_STATUS_LABELS } from '../../../lib/base-labels';

export type TAnswerStatus = 'collecting' | 'arranged' | 'declined';
const ANSWERS: TAnswerStatus[] = ['collecting', 'arranged', 'declined'];

interface TSheetBase {
  need: TNeedRow;
  sending: boolean;
  errors: Record<string, string>;
  onCancel: () => void;
}

export function AnswerSheet({ need, sending, errors, status, answer, onStatus, onAnswer, onSubmit, onCancel }: TSheetBase & { status: TAnswerStatus; answer: string; onStatus: (s: TAnswerStatus) => void; onAnswer: (s: string) => void; onSubmit: () => void }) {
  return (
    <Sheet id='answer-sheet' title={`答复：${need.title}`} busy={sending} onClose={onCancel}>
      <FormField id='answer-status' label='处理结果' required error={errors.status}>
        <View className='bm__choices' role='radiogroup'>
          {ANSWERS.map((s) => (
            <View key={s} id={`answer-status-${s}`} role='radio' aria-checked={status === s} className={status === s ? 'bm__choice bm__choice--on' : 'bm__choice'} onClick={() => onStatus(s)}>
              {status === s ? '● ' : '○ '}
              {NEED_STATUS_LABELS[s]}
            </View>
          ))}
        </View>
      </FormField>
      <FormField id='answer-text' label='答复（居民能看到）' required={status === 'declined'} error={errors.answer} hint='例如：场地正在协调，预计下月开课' limit={{ value: answer, max: IL.answer }}>
        <Textarea className='textarea bm__textarea' value={answer} maxlength={NO_CUT} {...fieldA11y('答复')} placeholder='最多200字' placeholderClass='placeholder' onInput={(e) => onAnswer(e.detail.value)} />
      </FormField>
      <FieldError message={errors._} />
      <View className='btn-row'>
        <Button className='btn btn--plain' disabled={sending} onClick={onCancel}>
          取消
        </Button>
        <Button id='btn-answer-submit' className='btn btn--primary' disabled={sending} onClick={onSubmit}>
          {sending ? '正在保存…' : '保存答复'}
        </Button>
      </View>
    </Sheet>
  );
}

export function MergeSheet({ need, sending, errors, others, onMerge, onCancel }: TSheetBase & { others: TNeedRow[]; onMerge: (mergeId: string) => void }) {
  return (
    <Sheet id='merge-sheet' title={`把重复的需求并入「${need.title}」`} busy={sending} onClose={onCancel}>
      <View className='sheet__text'>选一条重复的需求：它的人数并到这一条（同一人只算一次），它不再单独显示。</View>
      {others.length === 0 ? <View className='muted'>没有其他收集中的需求</View> : null}
      {others.map((o) => (
        <View key={o.id} id={`merge-${o.id}`} role='button' className='bm__choice' onClick={() => onMerge(o.id)}>
          {o.title}（{o.demand}人）
        </View>
      ))}
      <FieldError message={errors._} />
      <Button className='btn btn--plain' disabled={sending} onClick={onCancel}>
        取消
      </Button>
    </Sheet>
  );
}

export interface TCircleForm {
  name: string;
  contactName: string;
  contactMobile: string;
}

export function CircleSheet({ need, sending, errors, form, onChange, onSubmit, onCancel }: TSheetBase & { form: TCircleForm; onChange: (p: Partial<TCircleForm>) => void; onSubmit: () => void }) {
  return (
    <Sheet id='circle-sheet' title='成立兴趣小组' busy={sending} onClose={onCancel}>
      <View className='sheet__text'>从「{need.title}」成立一个兴趣小组（还未备案）。想要的{need.demand}人会收到加入邀请。</View>
      <FormField id='circle-name' label='兴趣小组名称' required error={errors.name} limit={{ value: form.name, max: IL.circleName }}>
        <Input className='input' value={form.name} maxlength={NO_CUT} {...fieldA11y('兴趣小组名称')} placeholder='例如：智能手机互助小组' placeholderClass='placeholder' onInput={(e) => onChange({ name: e.detail.value })} />
      </FormField>
      <FormField id='circle-contact' label='联系人' required error={errors.contactName} limit={{ value: form.contactName, max: IL.person }}>
        <Input className='input' value={form.contactName} maxlength={NO_CUT} {...fieldA11y('联系人')} placeholder='姓名' placeholderClass='placeholder' onInput={(e) => onChange({ contactName: e.detail.value })} />
      </FormField>
      <FormField id='circle-mobile' label='联系电话' required error={errors.contactMobile} mobile={form.contactMobile}>
        <Input className='input' type='number' value={form.contactMobile} maxlength={NO_CUT} {...fieldA11y('联系电话')} placeholder='11位手机号' placeholderClass='placeholder' onInput={(e) => onChange({ contactMobile: e.detail.value })} />
      </FormField>
      <FieldError message={errors._} />
      <View className='btn-row'>
        <Button className='btn btn--plain' disabled={sending} onClick={onCancel}>
          取消
        </Button>
        <Button id='btn-circle-submit' className='btn btn--primary' disabled={sending} onClick={onSubmit}>
          {sending ? '正在保存…' : '成立'}
        </Button>
      </View>
    </Sheet>
  );
}
