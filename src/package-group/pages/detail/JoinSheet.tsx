import { Button, Input, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import type { TJoinPolicy } from '../../../../types/membership';
import { GROUP_LIMITS } from '../../../../types/form-limits';
import { FieldError } from '../../../components/FieldError';
import { FormField } from '../../../components/FormField';
import { limitProblems, mobileProblem, NO_CUT, textProblem } from '../../../lib/field-limits';
import { Sheet } from '../../../components/Sheet';

export interface TJoinForm {
  message: string;
  mobile: string;
}

interface TJoinSheetProps {
  groupName: string;
  joinPolicy: TJoinPolicy;
  sending: boolean;
  /** The server's words per field (`message`, `mobile`) and for the whole request (`_`). */
  errors: Record<string, string>;
  onSubmit: (form: TJoinForm) => void;
  onCancel: () => void;
}

/** 申请加入: an optional word to the leader and an optional phone, then one clear button. */
export function JoinSheet({ groupName, joinPolicy, sending, errors, onSubmit, onCancel }: TJoinSheetProps) {
  const [form, setForm] = useState<TJoinForm>({ message: '', mobile: '' });
  const open = joinPolicy === 'open';
  const confirmText = open ? '直接加入' : '提交申请';
  return (
    <Sheet id='join-sheet' title={`${open ? '加入' : '申请加入'}「${groupName}」`} busy={sending} onClose={onCancel}>
      <View className='sheet__text'>
        {open ? '本组织可以直接加入，提交后您就是成员了。' : '提交后由负责人审核，结果会显示在「我的」→「我加入的组织」。'}
      </View>
      <FormField id='join-message' label='留言' optional className='join__row' error={errors.message} limit={{ value: form.message, max: GROUP_LIMITS.joinMessage }}>
        {(a11y) => (
          <Textarea
            className='textarea join__textarea'
            value={form.message}
            maxlength={NO_CUT}
            placeholder={`例如：我住在3号楼，想参加「${groupName}」的活动`}
            placeholderClass='placeholder'
            {...a11y}
            onInput={(e) => setForm((f) => ({ ...f, message: e.detail.value }))}
          />
        )}
      </FormField>
      <FormField id='join-mobile' label='联系电话' optional className='join__row' hint='只有本组织负责人能看到，方便联系您' error={errors.mobile} mobile={form.mobile}>
        {(a11y) => (
          <Input
            className='input'
            type='number'
            value={form.mobile}
            maxlength={NO_CUT}
            placeholder='11位手机号'
            placeholderClass='placeholder'
            {...a11y}
            onInput={(e) => setForm((f) => ({ ...f, mobile: e.detail.value }))}
          />
        )}
      </FormField>
      <FieldError message={errors._} />
      <View className='btn-stack'>
        <Button
          id='btn-join-submit'
          className={sending ? 'btn btn--primary btn--busy' : 'btn btn--primary'}
          disabled={sending || undefined}
          onClick={() => {
            // Over-long words or a 12-digit phone are refused here, beside the field; nothing is cut or sent.
            const problems = limitProblems({
              message: textProblem('留言', form.message, GROUP_LIMITS.joinMessage),
              mobile: mobileProblem(form.mobile),
            });
            if (Object.keys(problems).length === 0) onSubmit(form);
          }}
        >
          {sending ? '正在提交…' : confirmText}
        </Button>
        <Button id='btn-join-cancel' className='btn btn--plain' disabled={sending || undefined} onClick={onCancel}>
          取消
        </Button>
      </View>
    </Sheet>
  );
}
