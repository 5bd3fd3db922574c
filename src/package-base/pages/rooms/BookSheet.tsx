import { Button, Input, Picker, View } from '@tarojs/components';
import { FieldError } from '../../../components/FieldError';
import { BASE_LIMITS } from '../../../../types/form-limits';
import { fieldA11y, FormField } from '../../../components/FormField';
import { NO_CUT } from '../../../lib/field-limits';
import { Sheet } from '../../../components/Sheet';

export interface TBookForm {
  /** The group's event this booking is the place of (its place becomes the room); '' = none. */
  eventId: string;
  title: string;
  startTime: string;
  endTime: string;
  weeks: string;
}

export interface TEventChoice {
  id: string;
  title: string;
  startTime: string;
  endTime: string;
}

interface TProps {
  /** The group's own events on the picked day, to book the room for one of them. */
  events: TEventChoice[];
  roomName: string;
  dayText: string;
  forName: string;
  needsApproval: boolean;
  form: TBookForm;
  errors: Record<string, string>;
  sending: boolean;
  onChange: (patch: Partial<TBookForm>) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

/** 预约: the picked free time (adjustable), what for, once or weekly; a refusal names what it conflicts with. */
export function BookSheet({ events, roomName, dayText, forName, needsApproval, form, errors, sending, onChange, onSubmit, onCancel }: TProps) {
  return (
    <Sheet id='book-sheet' title={`预约${roomName}`} busy={sending} onClose={onCancel}>
      <View className='sheet__text'>
        {dayText}，为「{forName}」预约{needsApproval ? '；这间需要社工审批，批准前显示「待审批」' : ''}
      </View>
      {events.length > 0 ? (
        <FormField id='book-event' label='为本组织的活动预约（可不选）' error={errors.eventId} hint='选了以后，活动地点改为这间活动室，时间与活动一致'>
          <View className='chips' role='radiogroup'>
            {events.map((e) => (
              <View
                key={e.id}
                id={`book-event-${e.id}`}
                role='radio'
                aria-checked={form.eventId === e.id}
                className={form.eventId === e.id ? 'chip chip--active' : 'chip'}
                onClick={() => onChange(form.eventId === e.id ? { eventId: '' } : { eventId: e.id, title: e.title, startTime: e.startTime, endTime: e.endTime })}
              >
                {e.startTime} {e.title}
              </View>
            ))}
          </View>
        </FormField>
      ) : null}
      <FormField id='book-title' label='用途' required error={errors.title} hint='例如：合唱排练' limit={{ value: form.title, max: BASE_LIMITS.title }}>
        <Input className='input' value={form.title} maxlength={NO_CUT} {...fieldA11y('用途')} placeholder='2到30个字' placeholderClass='placeholder' onInput={(e) => onChange({ title: e.detail.value })} />
      </FormField>
      <FormField id='book-time' label='时间（北京时间，整点或半点）' required error={errors.time ?? errors.startAt ?? errors.endAt}>
        <View className='cal__nav'>
          <Picker mode='time' value={form.startTime} onChange={(e) => onChange({ startTime: String(e.detail.value) })}>
            <View id='book-start' className='picker-value'>
              从 {form.startTime}
            </View>
          </Picker>
          <Picker mode='time' value={form.endTime} onChange={(e) => onChange({ endTime: String(e.detail.value) })}>
            <View id='book-end' className='picker-value'>
              到 {form.endTime}
            </View>
          </Picker>
        </View>
      </FormField>
      <FormField id='book-weeks' label='每周同一时间，共几周' required error={errors.weeks} hint='只订这一次填1；一学期每周都用可填到20'>
        <Input className='input' type='number' value={form.weeks} maxlength={NO_CUT} {...fieldA11y('每周同一时间，共几周')} placeholder='1' placeholderClass='placeholder' onInput={(e) => onChange({ weeks: e.detail.value })} />
      </FormField>
      {errors._ ? (
        <View id='booking-conflict' className='conflict' role='alert'>
          {errors._}
        </View>
      ) : null}
      <FieldError message={errors.roomId} />
      <View className='btn-row'>
        <Button id='btn-book-cancel' className='btn btn--plain' disabled={sending} onClick={onCancel}>
          取消
        </Button>
        <Button id='btn-book-submit' className={sending ? 'btn btn--primary btn--busy' : 'btn btn--primary'} disabled={sending} onClick={onSubmit}>
          {sending ? '正在预约…' : '预约'}
        </Button>
      </View>
    </Sheet>
  );
}
