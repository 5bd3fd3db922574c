import { Button, Input, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { TMemberRow } from '../../../../types';
import { api, errorMessage, isApiError } from '../../../api';
import { FieldError } from '../../../components/FieldError';
import { MANAGE_LIMITS as L } from '../../../../types/form-limits';
import { FormField } from '../../../components/FormField';
import { limitProblems, NO_CUT, textProblem } from '../../../lib/field-limits';
import { MemberPickerSheet } from '../../components/MemberPickerSheet';
import { mintRequestId } from '../../request-id';

interface TAddSubCommitteeFormProps {
  groupId: string;
  onAdded: () => void;
  onCancel: () => void;
}

/** 新增分会: name, intro, and a lead chosen from the active roster. One request id per opened form. */
export function AddSubCommitteeForm({ groupId, onAdded, onCancel }: TAddSubCommitteeFormProps) {
  const requestId = useRef(mintRequestId());
  const [name, setName] = useState('');
  const [intro, setIntro] = useState('');
  const [lead, setLead] = useState<TMemberRow | null>(null);
  const [picking, setPicking] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);

  const submit = async () => {
    if (sending) return;
    const local: Record<string, string> = {};
    if (name.trim().length < 2) local.name = name.trim() ? '分会名称至少需要2个字' : '请填写分会名称';
    const tooLong = limitProblems({ name: textProblem('分会名称', name, L.subCommitteeName), intro: textProblem('分会简介', intro, L.subCommitteeIntro) });
    Object.assign(local, tooLong);
    if (!lead) local.leadMembershipId = '请选择分会负责人';
    setErrors(local);
    if (Object.keys(local).length > 0 || !lead) return;
    setSending(true);
    try {
      const res = await api.manage.addSubCommittee({
        groupId,
        requestId: requestId.current,
        name: name.trim(),
        intro: intro.trim() || undefined,
        leadMembershipId: lead.id,
      });
      void Taro.showToast({ title: `已新增${res.subCommittee.name}`, icon: 'none', duration: 2000 });
      onAdded();
    } catch (err) {
      if (isApiError(err) && Object.keys(err.fields).length > 0) setErrors(err.fields);
      else setErrors({ _: errorMessage(err) });
    } finally {
      setSending(false);
    }
  };

  return (
    <View id='sc-form' className='card'>
      <View className='card__title'>新增分会</View>
      <FormField id='sc-name' label='分会名称' required error={errors.name} limit={{ value: name, max: L.subCommitteeName }}>
        {(a11y) => <Input className='input' value={name} maxlength={NO_CUT} placeholder='例如：合唱分会' placeholderClass='placeholder' {...a11y} onInput={(e) => setName(e.detail.value)} />}
      </FormField>
      <FormField id='sc-intro' label='分会简介' optional error={errors.intro} limit={{ value: intro, max: L.subCommitteeIntro }}>
        {(a11y) => <Textarea className='textarea' value={intro} maxlength={NO_CUT} placeholder='这个分会负责什么' placeholderClass='placeholder' {...a11y} onInput={(e) => setIntro(e.detail.value)} />}
      </FormField>
      <FormField id='sc-lead' label='分会负责人' required hint='从已加入的成员中选择，TA 会同时成为该分会成员' error={errors.leadMembershipId}>
        <View id='sc-lead-picker' className={lead ? 'picker-value' : 'picker-value picker-value--empty'} onClick={() => setPicking(true)}>
          {lead ? `${lead.name} ›` : '点此选择分会负责人 ›'}
        </View>
      </FormField>
      <FieldError message={errors._} />
      <View className='btn-stack'>
        <Button id='btn-add-sc' className={sending ? 'btn btn--primary btn--busy' : 'btn btn--primary'} disabled={sending || undefined} onClick={() => void submit()}>
          {sending ? '正在提交…' : '确认新增'}
        </Button>
        <Button className='btn btn--plain' disabled={sending || undefined} onClick={onCancel}>
          取消
        </Button>
      </View>
      {picking ? (
        <MemberPickerSheet
          id='sc-lead-sheet'
          title='选择分会负责人'
          groupId={groupId}
          current={lead?.id ?? null}
          onPick={(row) => {
            setLead(row);
            setErrors((prev) => ({ ...prev, leadMembershipId: '' }));
            setPicking(false);
          }}
          onCancel={() => setPicking(false)}
        />
      ) : null}
    </View>
  );
}
