import { Input, Textarea, View } from '@tarojs/components';
import type { TGroupDetail } from '../../../../types';
import { FILING_LIMITS } from '../../../../types/filings';
import { MANAGE_LIMITS } from '../../../../types/form-limits';
import { CategoryChips } from '../../../components/CategoryChips';
import { fieldA11y, FormField } from '../../../components/FormField';
import { NO_CUT } from '../../../lib/field-limits';
import { charterNamesOld, type TChangeForm } from './change-model';

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
  const off = disabled || undefined;
  const staleName = charterNamesOld(group, form);
  return (
    <View id='change-form'>
      <FormField id='field-name' label='组织名称' hint={now(group.name)} error={errors.name} limit={{ value: form.name, max: FILING_LIMITS.name }}>
        {(a11y) => <Input className='input' value={form.name} disabled={off} maxlength={NO_CUT} {...a11y} onInput={(e) => onChange({ name: e.detail.value })} />}
      </FormField>
      <FormField id='field-category' label='类别' error={errors.category}>
        <CategoryChips value={form.category} onChange={(c) => c && !disabled && onChange({ category: c })} idPrefix='category-option' />
      </FormField>
      <FormField id='field-venue' label='活动场所' hint={now(group.venue)} error={errors.venue} limit={{ value: form.venue, max: FILING_LIMITS.venue }}>
        {(a11y) => <Input className='input' value={form.venue} disabled={off} maxlength={NO_CUT} {...a11y} onInput={(e) => onChange({ venue: e.detail.value })} />}
      </FormField>
      <FormField id='field-charter' label='章程' hint='至少20个字。改名称时，章程里的组织名称会随之修改' error={errors.charter} limit={{ value: form.charter, max: FILING_LIMITS.charter }}>
        <Textarea
          className='textarea textarea--tall'
          value={form.charter}
          disabled={off}
          maxlength={NO_CUT}
          {...fieldA11y('章程')}
          onInput={(e) => onChange({ charter: e.detail.value })}
        />
        {staleName ? (
          <View id='charter-stale-name' className='notice change__charter-note' role='status'>
            <View className='notice__text'>章程里还写着原名称「{group.name}」。</View>
            <View id='btn-charter-follow' className='link' role='button' onClick={() => !disabled && onChange({ charter: staleName })}>
              把章程里的「{group.name}」改为「{form.name.trim()}」
            </View>
          </View>
        ) : null}
      </FormField>
      {isLeader ? (
        <FormField id='field-leader' label='负责人' hint={`现在：${group.leaderName}。更换负责人需新负责人已登记手机号`} error={errors.leaderMembershipId}>
          <View id='leader-picker' className='picker-value' role='button' aria-label='选择新负责人' onClick={disabled ? undefined : onPickLeader}>
            {form.leader ? `改为：${form.leader.name} ›` : `${group.leaderName}（不变） ›`}
          </View>
          {form.leader ? (
            <View id='btn-keep-leader' className='link' onClick={() => onChange({ leader: null })}>
              不更换负责人
            </View>
          ) : null}
        </FormField>
      ) : null}
      <FormField id='field-reason' label='变更原因' optional hint='社工审核时会看到' error={errors.reason} limit={{ value: form.reason, max: MANAGE_LIMITS.changeReason }}>
        {(a11y) => (
          <Textarea
            className='textarea'
            value={form.reason}
            disabled={off}
            maxlength={NO_CUT}
            placeholder='例如：活动中心装修，改到社区党群服务中心活动'
            placeholderClass='placeholder'
            {...a11y}
            onInput={(e) => onChange({ reason: e.detail.value })}
          />
        )}
      </FormField>
    </View>
  );
}
