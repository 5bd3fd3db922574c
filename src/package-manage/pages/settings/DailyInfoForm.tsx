import { Button, Input, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { TGroupDetail } from '../../../../types';
import { FILING_LIMITS } from '../../../../types/filings';
import { MANAGE_LIMITS } from '../../../../types/form-limits';
import { JOIN_POLICY_LABELS, type TJoinPolicy } from '../../../../types/membership';
import { api, errorMessage, isApiError } from '../../../api';
import { FieldError } from '../../../components/FieldError';
import { FormField } from '../../../components/FormField';
import { limitProblems, NO_CUT, textProblem } from '../../../lib/field-limits';
import { ChoiceButtons } from '../../components/ChoiceButtons';

interface TDaily {
  intro: string;
  coverText: string;
  activityTime: string;
  joinPolicy: TJoinPolicy;
}

const pick = (g: TGroupDetail): TDaily => ({ intro: g.intro, coverText: g.coverText, activityTime: g.activityTime, joinPolicy: g.joinPolicy });

const POLICY_CHOICES = [
  { value: 'approval' as const, label: JOIN_POLICY_LABELS.approval, hint: '居民申请后，由负责人或副负责人同意才加入' },
  { value: 'open' as const, label: JOIN_POLICY_LABELS.open, hint: '居民点「申请加入」后立即成为成员' },
];

/** 日常信息: intro, cover text, activity time, join policy. Only changed fields are sent; they apply at once. */
export function DailyInfoForm({ group, onSaved }: { group: TGroupDetail; onSaved: (group: TGroupDetail) => void }) {
  const [saved, setSaved] = useState<TDaily>(() => pick(group));
  const [form, setForm] = useState<TDaily>(() => pick(group));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const set = (patch: Partial<TDaily>) => {
    setForm((prev) => ({ ...prev, ...patch }));
    const key = Object.keys(patch)[0];
    if (key && errors[key]) setErrors((prev) => ({ ...prev, [key]: '', _: '' }));
  };

  const changed: Partial<TDaily> = {};
  if (form.intro.trim() !== saved.intro) changed.intro = form.intro.trim();
  if (form.coverText.trim() !== saved.coverText) changed.coverText = form.coverText.trim();
  if (form.activityTime.trim() !== saved.activityTime) changed.activityTime = form.activityTime.trim();
  if (form.joinPolicy !== saved.joinPolicy) changed.joinPolicy = form.joinPolicy;
  const dirty = Object.keys(changed).length > 0;

  const save = async () => {
    if (saving) return;
    if (!dirty) {
      void Taro.showToast({ title: '没有需要保存的修改', icon: 'none' });
      return;
    }
    const problems = limitProblems({
      intro: textProblem('简介', form.intro, FILING_LIMITS.purpose),
      coverText: textProblem('封面标语', form.coverText, MANAGE_LIMITS.coverText),
      activityTime: textProblem('活动时间', form.activityTime, FILING_LIMITS.activityTime),
    });
    if (Object.keys(problems).length > 0) return setErrors(problems);
    setSaving(true);
    setErrors({});
    try {
      const res = await api.manage.update({ groupId: group.id, ...changed });
      const next = pick(res.group);
      setSaved(next);
      setForm(next);
      onSaved(res.group);
      void Taro.showToast({ title: '已保存，立即生效', icon: 'none', duration: 2000 });
    } catch (err) {
      if (isApiError(err) && Object.keys(err.fields).length > 0) setErrors(err.fields);
      else setErrors({ _: errorMessage(err) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <View id='daily-form'>
      <FormField id='field-intro' label='简介' required hint='至少10个字，居民在社团名录里会看到' error={errors.intro} limit={{ value: form.intro, max: FILING_LIMITS.purpose }}>
        {(a11y) => (
          <Textarea
            className='textarea'
            value={form.intro}
            maxlength={NO_CUT}
            placeholder='介绍一下组织平时做什么'
            placeholderClass='placeholder'
            {...a11y}
            onInput={(e) => set({ intro: e.detail.value })}
          />
        )}
      </FormField>
      <FormField id='field-coverText' label='封面标语' optional error={errors.coverText} limit={{ value: form.coverText, max: MANAGE_LIMITS.coverText }}>
        {(a11y) => (
          <Input
            className='input'
            value={form.coverText}
            maxlength={NO_CUT}
            placeholder='例如：老有所乐，老有所为'
            placeholderClass='placeholder'
            {...a11y}
            onInput={(e) => set({ coverText: e.detail.value })}
          />
        )}
      </FormField>
      <FormField id='field-activityTime' label='活动时间' required error={errors.activityTime} limit={{ value: form.activityTime, max: FILING_LIMITS.activityTime }}>
        {(a11y) => (
          <Input
            className='input'
            value={form.activityTime}
            maxlength={NO_CUT}
            placeholder='例如：每周二、周四上午9点'
            placeholderClass='placeholder'
            {...a11y}
            onInput={(e) => set({ activityTime: e.detail.value })}
          />
        )}
      </FormField>
      <FormField id='field-joinPolicy' label='加入方式' required error={errors.joinPolicy}>
        <ChoiceButtons idPrefix='policy' choices={POLICY_CHOICES} value={form.joinPolicy} onChange={(joinPolicy) => set({ joinPolicy })} />
      </FormField>
      <FieldError message={errors._} />
      {/* Disabled, and looking it, until something differs from what is saved: a live-looking button that does nothing misleads. */}
      <Button
        id='btn-save-daily'
        className={saving ? 'btn btn--primary btn--busy' : 'btn btn--primary'}
        disabled={saving || !dirty || undefined}
        aria-disabled={saving || !dirty || undefined}
        onClick={() => void save()}
      >
        {saving ? '正在保存…' : dirty ? '保存日常信息' : '没有修改，无需保存'}
      </Button>
    </View>
  );
}
