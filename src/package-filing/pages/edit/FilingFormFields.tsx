import { Input, Picker, Switch, Textarea, View } from '@tarojs/components';
import type { TCommunity } from '../../../../types';
import { FILING_LIMITS } from '../../../../types';
import type { TGroupCategory } from '../../../../types/domain';
import { CategoryChips } from '../../../components/CategoryChips';
import { fieldA11y, FormField } from '../../../components/FormField';
import { NO_CUT } from '../../../lib/field-limits';
import { fieldDomId, type TFilingForm } from '../../form-model';
import { RosterEditor } from './RosterEditor';

const L = FILING_LIMITS;

interface TFilingFormFieldsProps {
  form: TFilingForm;
  errors: Record<string, string>;
  communities: TCommunity[];
  onChange: (patch: Partial<TFilingForm>) => void;
}

/** The contract words a missing id as 「缺少所属社区」; on a form the person needs to hear what to do. */
const communityError = (message: string | undefined) => (message && message.startsWith('缺少') ? '请点上方选择所属社区' : message);

type TTextField = 'name' | 'purpose' | 'leaderName' | 'leaderMobile' | 'memberCount' | 'venue' | 'activityTime' | 'supervisor' | 'partyMemberCount';

/** Every field of the filing, top to bottom in FIELD_ORDER; each row's id is `filing-<field>`. */
export function FilingFormFields({ form, errors, communities, onChange }: TFilingFormFieldsProps) {
  const text = (field: TTextField, label: string, placeholder: string, type: 'text' | 'number' = 'text') => (
    <Input
      className='input'
      type={type}
      value={form[field]}
      maxlength={NO_CUT}
      placeholder={placeholder}
      placeholderClass='placeholder'
      {...fieldA11y(label)}
      onInput={(e) => onChange({ [field]: e.detail.value })}
    />
  );
  const communityIndex = communities.findIndex((c) => c.id === form.communityId);
  const community = communityIndex >= 0 ? communities[communityIndex] : undefined;

  return (
    <View className='filing-form'>
      <FormField id={fieldDomId('name')} label='组织名称' required error={errors.name} hint='例如：塔谈社区老年合唱团' limit={{ value: form.name, max: L.name }}>
        {text('name', '组织名称', '请输入组织名称')}
      </FormField>

      <FormField id={fieldDomId('category')} label='类别' required error={errors.category}>
        <CategoryChips
          value={form.category || undefined}
          onChange={(c: TGroupCategory | undefined) => c && onChange({ category: c })}
          idPrefix='category-option'
        />
      </FormField>

      <FormField id={fieldDomId('communityId')} label='所属社区' required error={communityError(errors.communityId)}>
        <Picker
          mode='selector'
          range={communities.map((c) => `${c.name}（${c.streetName}）`)}
          value={Math.max(0, communityIndex)}
          onChange={(e) => {
            const chosen = communities[Number(e.detail.value)];
            if (chosen) onChange({ communityId: chosen.id });
          }}
        >
          <View className={community ? 'picker-value' : 'picker-value picker-value--empty'}>
            {community ? `${community.name}（${community.streetName}）` : '点此选择所属社区 ›'}
          </View>
        </Picker>
      </FormField>

      <FormField id={fieldDomId('purpose')} label='宗旨与主要活动' required error={errors.purpose} hint='至少10个字，说明为什么成立、平时做什么' limit={{ value: form.purpose, max: L.purpose }}>
        <Textarea
          className='textarea'
          value={form.purpose}
          maxlength={NO_CUT}
          {...fieldA11y('宗旨与主要活动')}
          placeholder='例如：丰富老年人文化生活，每周排练两次合唱，参加社区演出'
          placeholderClass='placeholder'
          onInput={(e) => onChange({ purpose: e.detail.value })}
        />
      </FormField>

      <FormField id={fieldDomId('leaderName')} label='负责人姓名' required error={errors.leaderName} limit={{ value: form.leaderName, max: L.person }}>
        {text('leaderName', '负责人姓名', '请输入负责人姓名')}
      </FormField>

      <FormField id={fieldDomId('leaderMobile')} label='负责人手机号' required error={errors.leaderMobile} hint='只有社区工作人员能看到完整号码' mobile={form.leaderMobile}>
        {text('leaderMobile', '负责人手机号', '11位手机号', 'number')}
      </FormField>

      <FormField id={fieldDomId('memberCount')} label='成员人数' required error={errors.memberCount}>
        {text('memberCount', '成员人数', '例如：25', 'number')}
      </FormField>

      <FormField id={fieldDomId('roster')} label='会员花名册' error={errors.roster} hint='可选。填写后，成员人数不能少于花名册人数'>
        <RosterEditor rows={form.roster} errors={errors} onChange={(roster) => onChange({ roster })} />
      </FormField>

      <FormField id={fieldDomId('venue')} label='活动场所' required error={errors.venue} limit={{ value: form.venue, max: L.venue }}>
        {text('venue', '活动场所', '例如：社区活动中心二楼')}
      </FormField>

      <FormField id={fieldDomId('activityTime')} label='活动时间' required error={errors.activityTime} limit={{ value: form.activityTime, max: L.activityTime }}>
        {text('activityTime', '活动时间', '例如：每周二、周四上午9点')}
      </FormField>

      <FormField id={fieldDomId('charter')} label='章程' required error={errors.charter} hint='选好类别后会自动填入章程范本，请按实际情况修改' limit={{ value: form.charter, max: L.charter }}>
        <Textarea
          className='textarea textarea--tall'
          value={form.charter}
          maxlength={NO_CUT}
          {...fieldA11y('章程')}
          placeholder='请先选择类别，或直接填写章程'
          placeholderClass='placeholder'
          onInput={(e) => onChange({ charter: e.detail.value })}
        />
      </FormField>

      <FormField id={fieldDomId('supervisor')} label='指导单位' required error={errors.supervisor} limit={{ value: form.supervisor, max: L.supervisor }}>
        {text('supervisor', '指导单位', '例如：塔谈社区居民委员会')}
      </FormField>

      <FormField id={fieldDomId('partyMemberCount')} label='党员人数' required error={errors.partyMemberCount} hint='没有党员请填 0'>
        {text('partyMemberCount', '党员人数', '例如：3', 'number')}
      </FormField>

      <FormField id={fieldDomId('hasPartyBranch')} label='是否已建立党支部' error={errors.hasPartyBranch}>
        {/* The words toggle too: a bigger target than the switch alone. Separate handlers, so no tap counts twice. */}
        <View className='switch-row'>
          <Switch
            className='switch-row__switch'
            checked={form.hasPartyBranch}
            color='#1F5FAD'
            {...fieldA11y('是否已建立党支部')}
            onChange={(e) => onChange({ hasPartyBranch: e.detail.value })}
          />
          <View className='switch-row__text' onClick={() => onChange({ hasPartyBranch: !form.hasPartyBranch })}>
            {form.hasPartyBranch ? '已建立党支部' : '未建立党支部'}
          </View>
        </View>
      </FormField>
    </View>
  );
}
