import { Input, Picker, Switch, Textarea, View } from '@tarojs/components';
import type { TEventAudience } from '../../../../types';
import { EVENT_LIMITS } from '../../../../types/form-limits';
import { fieldA11y, FormField } from '../../../components/FormField';
import { NO_CUT } from '../../../lib/field-limits';
import { chinaDate, dateLabel } from '../../../lib/china-time';
import { AUDIENCE_LABELS } from '../../../lib/event-labels';
import type { TEventForm } from './form-model';

/** From types/form-limits.ts, which is zod-free: this file stays free of zod's weight where it is not needed. */
const LIMITS = EVENT_LIMITS;

interface TProps {
  form: TEventForm;
  errors: Record<string, string>;
  mode: 'create' | 'edit';
  /** A community event has no group, so 仅本组织成员 is not a choice. */
  isCommunityEvent: boolean;
  onChange: (patch: Partial<TEventForm>) => void;
  onChooseCoHost?: () => void;
}

function DateTime({ id, date, time, onDate, onTime }: { id: string; date: string; time: string; onDate: (v: string) => void; onTime: (v: string) => void }) {
  return (
    <View className='em__pickers'>
      <Picker mode='date' value={date} start={chinaDate(Date.now())} onChange={(e) => onDate(String(e.detail.value))} className='em__picker'>
        <View id={`${id}-date`} className='picker-value'>
          {dateLabel(date)}
        </View>
      </Picker>
      <Picker mode='time' value={time} onChange={(e) => onTime(String(e.detail.value))} className='em__picker'>
        <View id={`${id}-time`} className='picker-value'>
          {time}
        </View>
      </Picker>
    </View>
  );
}

function SwitchRow({ id, checked, on, off, onChange }: { id: string; checked: boolean; on: string; off: string; onChange: (v: boolean) => void }) {
  // The words toggle too: a bigger target than the switch alone. Separate handlers, so no tap counts twice.
  return (
    <View className='em__switch-row'>
      <Switch className='em__switch' checked={checked} color='#1F5FAD' onChange={(e) => onChange(e.detail.value)} />
      <View id={id} role='button' className='em__switch-text' onClick={() => onChange(!checked)}>
        {checked ? on : off}
      </View>
    </View>
  );
}

/** Every field of an event, top to bottom; each row's id is `event-<field>` (tests type into `#event-title input`). */
export function EventFormFields({ form, errors, mode, isCommunityEvent, onChange, onChooseCoHost }: TProps) {
  const audiences: TEventAudience[] = isCommunityEvent ? ['community', 'anyone'] : ['members', 'community', 'anyone'];
  return (
    <View className='event-form'>
      <FormField id='event-title' label='活动名称' required error={errors.title} hint='例如：重阳节敬老合唱演出' limit={{ value: form.title, max: LIMITS.title }}>
        <Input className='input' value={form.title} maxlength={NO_CUT} {...fieldA11y('活动名称')} placeholder='2到30个字' placeholderClass='placeholder' onInput={(e) => onChange({ title: e.detail.value })} />
      </FormField>

      <FormField id='event-startAt' label='开始时间（北京时间）' required error={errors.startAt}>
        <DateTime id='event-start' date={form.startDate} time={form.startTime} onDate={(startDate) => onChange({ startDate })} onTime={(startTime) => onChange({ startTime })} />
      </FormField>
      <FormField id='event-endAt' label='结束时间' required error={errors.endAt}>
        <DateTime id='event-end' date={form.endDate} time={form.endTime} onDate={(endDate) => onChange({ endDate })} onTime={(endTime) => onChange({ endTime })} />
      </FormField>

      <FormField id='event-place' label='活动地点' required error={errors.place} limit={{ value: form.place, max: LIMITS.place }}>
        <Input className='input' value={form.place} maxlength={NO_CUT} {...fieldA11y('活动地点')} placeholder='例如：孵化基地二楼活动室' placeholderClass='placeholder' onInput={(e) => onChange({ place: e.detail.value })} />
      </FormField>

      <FormField id='event-capacity' label='人数上限' required error={errors.capacity} hint={`满员后可以报名候补，有人取消时按顺序补上；最多${LIMITS.capacity}人`}>
        <SwitchRow id='event-unlimited' checked={form.unlimited} on='不限人数' off='限制人数（打开开关为不限人数）' onChange={(unlimited) => onChange({ unlimited })} />
        {!form.unlimited ? (
          <Input className='input' type='number' value={form.capacity} maxlength={NO_CUT} {...fieldA11y('人数上限')} placeholder='例如：20' placeholderClass='placeholder' onInput={(e) => onChange({ capacity: e.detail.value })} />
        ) : null}
      </FormField>

      <FormField id='event-signupDeadline' label='报名截止' required error={errors.signupDeadline} hint='不能晚于开始时间；默认到开始时截止'>
        <DateTime id='event-deadline' date={form.deadlineDate} time={form.deadlineTime} onDate={(deadlineDate) => onChange({ deadlineDate })} onTime={(deadlineTime) => onChange({ deadlineTime })} />
      </FormField>

      {mode === 'create' ? (
        <>
          <FormField id='event-audience' label='谁可以报名' required error={errors.audience}>
            <View className='em__choices' role='radiogroup'>
              {audiences.map((a) => (
                <View key={a} id={`audience-${a}`} role='radio' aria-checked={form.audience === a} className={form.audience === a ? 'em__choice em__choice--on' : 'em__choice'} onClick={() => onChange({ audience: a })}>
                  {form.audience === a ? '● ' : '○ '}
                  {AUDIENCE_LABELS[a]}
                </View>
              ))}
            </View>
          </FormField>

          <FormField id='event-isVolunteer' label='志愿服务活动' error={errors.isVolunteer} hint='是的话，到场的人按活动时长记志愿服务时间'>
            <SwitchRow id='event-volunteer-toggle' checked={form.isVolunteer} on='是志愿服务活动' off='不是志愿服务活动' onChange={(isVolunteer) => onChange({ isVolunteer })} />
          </FormField>

          {onChooseCoHost ? (
            <FormField id='event-coHostGroupId' label='协办组织' error={errors.coHostGroupId} hint='可不选。选了以后，两个组织的负责人都能管理，活动也显示在两个组织的页面上'>
              <View id='btn-choose-cohost' role='button' className={form.coHostGroupId ? 'picker-value' : 'picker-value picker-value--empty'} onClick={onChooseCoHost}>
                {form.coHostGroupId ? form.coHostName : '点此选择协办组织（可不选） ›'}
              </View>
            </FormField>
          ) : null}

          <FormField id='event-repeat' label='每周重复' error={errors.repeat} hint={`例如每周二上午的排练：按周重复，最多${LIMITS.seriesMax}次；以后可以单独修改或取消某一次`}>
            <SwitchRow id='event-repeat-toggle' checked={form.repeat} on='每周同一时间重复' off='只办一次' onChange={(repeat) => onChange({ repeat })} />
            {form.repeat ? (
              <View id='event-weeks'>
                <View className='form-row__hint'>一共几周（含第一次）</View>
                <Input className='input' type='number' value={form.weeks} maxlength={NO_CUT} {...fieldA11y('一共几周')} placeholder='例如：8' placeholderClass='placeholder' onInput={(e) => onChange({ weeks: e.detail.value })} />
              </View>
            ) : null}
          </FormField>
        </>
      ) : null}

      <FormField id='event-description' label='活动介绍' optional error={errors.description} hint='做什么、带什么、注意什么' limit={{ value: form.description, max: LIMITS.description }}>
        <Textarea className='textarea' value={form.description} maxlength={NO_CUT} {...fieldA11y('活动介绍')} placeholder='例如：请穿演出服，8:40到场化妆' placeholderClass='placeholder' onInput={(e) => onChange({ description: e.detail.value })} />
      </FormField>
    </View>
  );
}
