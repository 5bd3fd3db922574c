import { Button, Input, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import type { TEventDetail } from '../../../../types';
import { EVENT_LIMITS } from '../../../../types/form-limits';
import { FieldError } from '../../../components/FieldError';
import { FormField } from '../../../components/FormField';
import { NO_CUT, textProblem } from '../../../lib/field-limits';
import { Sheet } from '../../../components/Sheet';
import { eventWhen } from '../../../lib/china-time';
import { LATE_CANCEL_HOURS } from '../../../lib/event-labels';

interface TBaseProps {
  event: TEventDetail;
  sending: boolean;
  error?: string;
  onCancel: () => void;
}

/** 取消报名: what happens to the place, and the late-cancel note within two hours of the start. */
export function CancelSignUpSheet({ event, sending, onConfirm, onCancel }: TBaseProps & { onConfirm: () => void }) {
  const waiting = event.myRegistration?.status === 'waitlisted';
  const late = event.startAt - Date.now() < LATE_CANCEL_HOURS * 3_600_000;
  return (
    <Sheet id='cancel-signup-sheet' title={waiting ? '取消候补' : '取消报名'} busy={sending} onClose={onCancel}>
      <View className='sheet__text'>
        确定取消「{event.title}」（{eventWhen(event.startAt, event.endAt)}）的{waiting ? '候补' : '报名'}吗？
        {waiting ? '' : '您的名额会让给候补的人。'}
      </View>
      {late && !waiting ? (
        <View id='late-cancel-note' className='notice event__late'>
          <View className='notice__text'>活动{LATE_CANCEL_HOURS}小时内就要开始了，现在取消仍可以，但会记录为临时取消。</View>
        </View>
      ) : null}
      <View className='btn-stack'>
        <Button id='btn-confirm-cancel-signup' className={sending ? 'btn btn--danger btn--busy' : 'btn btn--danger'} disabled={sending || undefined} onClick={onConfirm}>
          {sending ? '正在取消…' : waiting ? '确认取消候补' : '确认取消报名'}
        </Button>
        <Button id='btn-keep-signup' className='btn btn--plain' disabled={sending || undefined} onClick={onCancel}>
          不取消
        </Button>
      </View>
    </Sheet>
  );
}

/** 输入签到码: the six digits on the host's screen (H5, and WeChat when the camera will not do). */
export function CheckInSheet({ sending, error, onConfirm, onCancel, onScan }: TBaseProps & { onConfirm: (code: string) => void; onScan?: () => void }) {
  const [code, setCode] = useState('');
  const [localError, setLocalError] = useState('');
  const submit = () => {
    const digits = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(digits)) return setLocalError('签到码是6位数字，请看负责人手机上的数字');
    setLocalError('');
    onConfirm(digits);
  };
  return (
    <Sheet id='checkin-sheet' title='签到' busy={sending} onClose={onCancel}>
      <View className='sheet__text'>请输入负责人手机上显示的6位签到码。签到码每30秒更换一次，请输入当前显示的。</View>
      <View id='checkin-code' className='form-row event__code-row'>
        <Input
          className='input event__code-input'
          type='number'
          maxlength={NO_CUT}
          ariaLabel='签到码'
          nativeProps={{ 'aria-label': '签到码' }}
          value={code}
          focus
          placeholder='6位数字'
          placeholderClass='placeholder'
          onInput={(e) => setCode(e.detail.value)}
          onConfirm={submit}
        />
        <FieldError message={localError || error} />
      </View>
      <View className='btn-stack'>
        <Button id='btn-checkin-submit' className={sending ? 'btn btn--primary btn--busy' : 'btn btn--primary'} disabled={sending || undefined} onClick={submit}>
          {sending ? '正在签到…' : '确认签到'}
        </Button>
        {onScan ? (
          <Button id='btn-checkin-scan-instead' className='btn btn--ghost' disabled={sending || undefined} onClick={onScan}>
            改为扫码签到
          </Button>
        ) : null}
        <Button className='btn btn--plain' disabled={sending || undefined} onClick={onCancel}>
          取消
        </Button>
      </View>
    </Sheet>
  );
}

/** 取消活动 (hosts): a reason everyone registered will read; a series can be cancelled as a whole. */
export function CancelEventSheet({ event, sending, error, onConfirm, onCancel }: TBaseProps & { onConfirm: (reason: string, wholeSeries: boolean, freeRoom: boolean) => void }) {
  const [reason, setReason] = useState('');
  const [wholeSeries, setWholeSeries] = useState(false);
  // A booked event: free the room by default, so others can book the time.
  const [freeRoom, setFreeRoom] = useState(true);
  const [localError, setLocalError] = useState('');
  const submit = () => {
    const text = reason.trim();
    if (text.length < 2) return setLocalError(text ? '取消原因至少需要2个字' : '请填写取消原因，报名的人会收到');
    if (textProblem('取消原因', reason, EVENT_LIMITS.reason)) return; // the field already says so; nothing is cut
    setLocalError('');
    onConfirm(text, wholeSeries, !!event.hasRoomBooking && freeRoom);
  };
  return (
    <Sheet id='cancel-event-sheet' title='取消活动' busy={sending} onClose={onCancel}>
      <View className='sheet__text'>取消后，已报名和候补的人都会收到通知；活动仍会显示为「已取消」。</View>
      {event.seriesId ? (
        <View className='chips' role='radiogroup'>
          <View id='cancel-scope-one' role='radio' aria-checked={!wholeSeries} className={!wholeSeries ? 'chip chip--active' : 'chip'} onClick={() => setWholeSeries(false)}>
            只取消这一次
          </View>
          <View id='cancel-scope-series' role='radio' aria-checked={wholeSeries} className={wholeSeries ? 'chip chip--active' : 'chip'} onClick={() => setWholeSeries(true)}>
            取消整个系列（以后各次）
          </View>
        </View>
      ) : null}
      {event.hasRoomBooking ? (
        <View id='cancel-free-room' className='chips' role='radiogroup'>
          <View id='cancel-free-room-yes' role='radio' aria-checked={freeRoom} className={freeRoom ? 'chip chip--active' : 'chip'} onClick={() => setFreeRoom(true)}>
            同时取消活动室预约
          </View>
          <View id='cancel-free-room-no' role='radio' aria-checked={!freeRoom} className={!freeRoom ? 'chip chip--active' : 'chip'} onClick={() => setFreeRoom(false)}>
            保留活动室预约
          </View>
        </View>
      ) : null}
      <FormField id='cancel-reason' label='取消原因' required className='event__reason-row' error={localError || error} limit={{ value: reason, max: EVENT_LIMITS.reason }}>
        {(a11y) => (
          <Textarea
            className='textarea event__reason'
            value={reason}
            maxlength={NO_CUT}
            placeholder='例如：天气预报有大雨，改期另行通知'
            placeholderClass='placeholder'
            {...a11y}
            onInput={(e) => setReason(e.detail.value)}
          />
        )}
      </FormField>
      <View className='btn-stack'>
        <Button id='btn-confirm-cancel-event' className={sending ? 'btn btn--danger btn--busy' : 'btn btn--danger'} disabled={sending || undefined} onClick={submit}>
          {sending ? '正在取消…' : wholeSeries ? '确认取消整个系列' : '确认取消活动'}
        </Button>
        <Button className='btn btn--plain' disabled={sending || undefined} onClick={onCancel}>
          不取消
        </Button>
      </View>
    </Sheet>
  );
}
