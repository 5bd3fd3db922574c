import { Button, Input, View } from '@tarojs/components';
import { useState } from 'react';
import { FieldError } from '../../../components/FieldError';
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
      <View id='behalf-name' className={errors.name ? 'form-row form-row--invalid' : 'form-row'}>
        <View className='form-row__label'>
          姓名<View className='form-row__required'>必填</View>
        </View>
        <Input className='input' value={name} maxlength={20} placeholder='例如：王桂兰' placeholderClass='placeholder' onInput={(e) => setName(e.detail.value)} />
        <FieldError message={errors.name} />
      </View>
      <View id='behalf-mobile' className={errors.mobile ? 'form-row form-row--invalid' : 'form-row'}>
        <View className='form-row__label'>
          手机号<View className='form-row__required'>必填</View>
        </View>
        <View className='form-row__hint'>本人或家属的手机号，方便联系</View>
        <Input className='input' type='number' value={mobile} maxlength={11} placeholder='11位手机号' placeholderClass='placeholder' onInput={(e) => setMobile(e.detail.value)} />
        <FieldError message={errors.mobile} />
      </View>
      <FieldError message={errors._} />
      <View className='btn-stack'>
        <Button id='btn-behalf-submit' className={sending ? 'btn btn--primary btn--busy' : 'btn btn--primary'} disabled={sending || undefined} onClick={() => onConfirm(name.trim(), mobile.trim())}>
          {sending ? '正在报名…' : '确认代报名'}
        </Button>
        <Button className='btn btn--plain' disabled={sending || undefined} onClick={onCancel}>
          取消
        </Button>
      </View>
    </Sheet>
  );
}
