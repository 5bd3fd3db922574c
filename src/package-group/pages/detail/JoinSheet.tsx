import { Button, Input, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import type { TJoinPolicy } from '../../../../types/membership';
import { FieldError } from '../../../components/FieldError';
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
      <View id='join-message' className={errors.message ? 'form-row form-row--invalid join__row' : 'form-row join__row'}>
        <View className='form-row__label'>
          留言<View className='join__optional'>可不填</View>
        </View>
        <Textarea
          className='textarea join__textarea'
          value={form.message}
          maxlength={200}
          placeholder='例如：我住在3号楼，想参加合唱活动'
          placeholderClass='placeholder'
          onInput={(e) => setForm((f) => ({ ...f, message: e.detail.value }))}
        />
        <FieldError message={errors.message} />
      </View>
      <View id='join-mobile' className={errors.mobile ? 'form-row form-row--invalid join__row' : 'form-row join__row'}>
        <View className='form-row__label'>
          联系电话<View className='join__optional'>可不填</View>
        </View>
        <View className='form-row__hint'>只有本组织负责人能看到，方便联系您</View>
        <Input
          className='input'
          type='number'
          value={form.mobile}
          maxlength={11}
          placeholder='11位手机号'
          placeholderClass='placeholder'
          onInput={(e) => setForm((f) => ({ ...f, mobile: e.detail.value }))}
        />
        <FieldError message={errors.mobile} />
      </View>
      <FieldError message={errors._} />
      <View className='btn-stack'>
        <Button
          id='btn-join-submit'
          className={sending ? 'btn btn--primary btn--busy' : 'btn btn--primary'}
          disabled={sending || undefined}
          onClick={() => onSubmit(form)}
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
