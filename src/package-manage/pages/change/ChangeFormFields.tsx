import { Input, Textarea, View } from '@tarojs/components';
import type { TGroupDetail } from '../../../../types';
import { FILING_LIMITS } from '../../../../types/filings';
import { CategoryChips } from '../../../components/CategoryChips';
import { FormRow } from '../../../components/FormRow';
import type { TChangeForm } from './change-model';

interface TChangeFormFieldsProps {
  group: TGroupDetail;
  form: TChangeForm;
  errors: Record<string, string>;
  isLeader: boolean;
  disabled: boolean;
  onChange: (patch: Partial<TChangeForm>) => void;
  onPickLeader: () => void;
}

const now = (label: string) => `现在：${label || '未填写'}`;

/** The filed fields, prefilled with what is on record; a hint under each label shows the current value. */
export function ChangeFormFields({ group, form, errors, isLeader, disabled, onChange, onPickLeader }: TChangeFormFieldsProps) {
  return (
    <View id='change-form'>
      <FormRow id='field-name' label='组织名称' hint={now(group.name)} error={errors.name}>
        <Input className='input' value={form.name} disabled={disabled || undefined} maxlength={FILING_LIMITS.name} onInput={(e) => onChange({ name: e.detail.value })} />
      </FormRow>
      <FormRow id='field-category' label='类别' error={errors.category}>
        <CategoryChips value={form.category} onChange={(c) => c && !disabled && onChange({ category: c })} idPrefix='category-option' />
      </FormRow>
      <FormRow id='field-venue' label='活动场所' hint={now(group.venue)} error={errors.venue}>
        <Input className='input' value={form.venue} disabled={disabled || undefined} maxlength={FILING_LIMITS.venue} onInput={(e) => onChange({ venue: e.detail.value })} />
      </FormRow>
      <FormRow id='field-charter' label='章程' hint='至少20个字' error={errors.charter}>
        <Textarea
          className='textarea textarea--tall'
          value={form.charter}
          disabled={disabled || undefined}
          maxlength={FILING_LIMITS.charter}
          onInput={(e) => onChange({ charter: e.detail.value })}
        />
      </FormRow>
      {isLeader ? (
        <FormRow id='field-leader' label='负责人' hint={`现在：${group.leaderName}。更换负责人需新负责人已登记手机号`} error={errors.leaderMembershipId}>
          <View id='leader-picker' className='picker-value' onClick={disabled ? undefined : onPickLeader}>
            {form.leader ? `改为：${form.leader.name} ›` : `${group.leaderName}（不变） ›`}
          </View>
          {form.leader ? (
            <View id='btn-keep-leader' className='link' onClick={() => onChange({ leader: null })}>
              不更换负责人
            </View>
          ) : null}
        </FormRow>
      ) : null}
      <FormRow id='field-reason' label='变更原因' hint='可不填，社工审核时会看到' error={errors.reason}>
        <Textarea
          className='textarea'
          value={form.reason}
          disabled={disabled || undefined}
          maxlength={200}
          placeholder='例如：活动中心装修，改到社区党群服务中心活动'
          placeholderClass='placeholder'
          onInput={(e) => onChange({ reason: e.detail.value })}
        />
      </FormRow>
    </View>
  );
}
