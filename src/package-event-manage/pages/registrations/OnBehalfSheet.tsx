import { Button, Input, View } from '@tarojs/components';
import { useState } from 'react';
import { EVENT_LIMITS } from '../../../../types/form-limits';
import { FieldError } from '../../../components/FieldError';
import { FormField } from '../../../components/FormField';
import { mobileProblem, NO_CUT, textProblem } from '../../../lib/field-limits';
import { Sheet } from '../../../components/Sheet';

interface TProps {
  sending: boolean;
  errors: Record<string, string>;
  onConfirm: (name: string, mobile: string) => void;
  onCancel: () => void;
}

/** 代报名: an elder without WeChat, by name and phone; they take a place like anyone. */
export function OnBehalfSheet({ sending, errors, onConfirm, onCancel }: TProps) {
  const [name, setName] = useState('');
  const [mobile, setMobile] = useState('');
  return (
    <Sheet id='behalf-sheet' title='代报名' busy={sending} onClose={onCancel}>
      <View className='sheet__text'>为没有微信的老人报名。报名占用名额；活动时可在名单上为 TA 登记到场。</View>
      <FormField id='behalf-name' label='姓名' required error={errors.name} limit={{ value: name, max: EVENT_LIMITS.person }}>
        {(a11y) => <Input className='input' value={name} maxlength={NO_CUT} placeholder='例如：王桂兰' placeholderClass='placeholder' {...a11y} onInput={(e) => setName(e.detail.value)} />}
      </FormField>
      <FormField id='behalf-mobile' label='手机号' required hint='本人或家属的手机号，方便联系' error={errors.mobile} mobile={mobile}>
        {(a11y) => <Input className='input' type='number' value={mobile} maxlength={NO_CUT} placeholder='11位手机号' placeholderClass='placeholder' {...a11y} onInput={(e) => setMobile(e.detail.value)} />}
      </FormField>
      <FieldError message={errors._} />
      <View className='btn-stack'>
        <Button id='btn-behalf-submit' className={sending ? 'btn btn--primary btn--busy' : 'btn btn--primary'} disabled={sending || undefined} onClick={() => !mobileProblem(mobile) && !textProblem('姓名', name, EVENT_LIMITS.person) && onConfirm(name.trim(), mobile.trim())}>
          {sending ? '正在报名…' : '确认代报名'}
        </Button>
        <Button className='btn btn--plain' disabled={sending || undefined} onClick={onCancel}>
          取消
        </Button>
      </View>
    </Sheet>
  );
}
