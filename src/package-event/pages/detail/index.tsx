import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { TEventDetail } from '../../../../types';
import { api, errorMessage } from '../../../api';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { ErrorState } from '../../../components/ErrorState';
import { FormField } from '../../../components/FormField';
import { mobileProblem, NO_CUT } from '../../../lib/field-limits';
import { InfoRow } from '../../../components/InfoRow';
import { Loading } from '../../../components/Loading';
import { chinaDayTime, eventWhen } from '../../../lib/china-time';
import { AUDIENCE_LABELS, myRegistrationLabel, placesLabel } from '../../../lib/event-labels';
import { go, ROUTES } from '../../../lib/nav';
import { CancelEventSheet, CancelSignUpSheet, CheckInSheet } from './EventSheets';
import { RecordView } from './RecordView';
import { rememberedMobile, useEventActions } from './useEventActions';
import { PageShell } from '../../../components/PageShell';
import { useFreshOnShow } from '../../../lib/freshness';
import './index.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

function capacityText(e: TEventDetail): string {
  if (e.capacity === null) return `不限人数，已报名${e.registeredCount}人`;
  const waiting = e.waitlistCount > 0 ? `，候补${e.waitlistCount}人` : '';
  return `限${e.capacity}人，已报名${e.registeredCount}人${waiting}`;
}

/** One event: details, my registration and what I can do about it, the record afterwards; hosts get their tools. */
function EventDetailPageBody() {
  const id = useRouter().params.id ?? '';
  const [event, setEvent] = useState<TEventDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mobile, setMobile] = useState(rememberedMobile);

  const load = useCallback(async () => {
    setError(null);
    if (!id) return setError('缺少活动编号，请从活动列表重新进入');
    try {
      setEvent((await api.events.detail({ eventId: id })).event);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [id]);

  const actions = useEventActions(event, load);

  // Also on return from 报名名单 / 编辑 / 活动记录: counts, times and the record may have changed.
  useFreshOnShow(load);
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });
  useShareAppMessage(() => ({ title: event ? event.title : '社区活动', path: ROUTES.eventDetail(id) }));

  if (!event) return error ? <ErrorState message={error} onRetry={() => void load()} /> : <Loading />;

  // The server's word beats this phone's clock: a record means it is over, and a full event one cannot join is just full.
  const computed = placesLabel(event);
  const places =
    event.record && event.status !== 'cancelled'
      ? { text: '已结束', tone: 'past' as const }
      : computed.tone === 'waitlist' && !event.can.signUp
        ? { text: '已满', tone: 'full' as const }
        : computed;
  const mine = event.myRegistration;
  const active = mine && mine.status !== 'cancelled' ? mine : null;
  const cancelled = event.status === 'cancelled';

  return (
    <View className='page event'>
      <View className='card'>
        <View id='event-title' className='event__title'>
          {event.title}
        </View>
        <View className='card__row event__tags'>
          <Text id='event-places' className={`places-tag places-tag--${places.tone}`}>
            {places.text}
          </Text>
          {event.isVolunteer ? <Text className='volunteer-tag'>志愿服务</Text> : null}
        </View>
        <InfoRow label='时间（北京时间）' value={eventWhen(event.startAt, event.endAt)} id='event-when' />
        <InfoRow label='地点' value={event.place} id='event-place' />
        <InfoRow label='主办' value={event.hostNames.join('、') || event.communityName} id='event-hosts' />
        <InfoRow label='人数' value={capacityText(event)} id='event-capacity' />
        <InfoRow label='谁可以报名' value={AUDIENCE_LABELS[event.audience]} />
        <InfoRow label='报名截止' value={chinaDayTime(event.signupDeadline)} id='event-deadline' />
      </View>

      {cancelled ? (
        <View id='event-cancelled' className='notice notice--rejected' role='alert'>
          <View className='notice__title'>活动已取消</View>
          <View className='notice__text'>{event.cancelReason || '主办方取消了这次活动'}</View>
        </View>
      ) : null}

      {event.record ? (
        <>
          <View className='section-title'>活动记录</View>
          <RecordView record={event.record} isVolunteer={event.isVolunteer} />
        </>
      ) : null}

      <View id='event-my-area' className='card'>
        {active ? (
          <>
            <View id='event-my-status' className={active.checkedInAt ? 'event__status event__status--checked' : active.status === 'waitlisted' ? 'event__status event__status--waitlisted' : 'event__status'}>
              {myRegistrationLabel(active)}
            </View>
            {active.checkedInAt ? <View className='event__hint'>签到时间：{chinaDayTime(active.checkedInAt)}</View> : null}
            {active.status === 'waitlisted' && !active.checkedInAt ? (
              <View className='event__hint'>有人取消时，按候补顺序自动补上，并通知您。</View>
            ) : null}
            {active.status === 'registered' && !active.checkedInAt && !cancelled ? (
              <View className='event__hint'>活动开始前30分钟起可以签到：扫描负责人手机上的签到码，或输入6位数字。</View>
            ) : null}
          </>
        ) : mine?.status === 'cancelled' ? (
          <View className='event__hint'>您已取消报名{mine.lateCancel ? '（临时取消）' : ''}。</View>
        ) : null}

        {event.can.checkIn ? (
          <View className='btn-stack'>
            {IS_WEAPP ? (
              <Button id='btn-checkin-scan' className='btn btn--approve' disabled={actions.sending || undefined} onClick={() => void actions.scan()}>
                扫码签到
              </Button>
            ) : null}
            <Button id='btn-checkin' className={IS_WEAPP ? 'btn btn--ghost' : 'btn btn--approve'} disabled={actions.sending || undefined} onClick={() => actions.openSheet('checkIn')}>
              输入签到码
            </Button>
          </View>
        ) : null}

        {event.can.signUp ? (
          <View className='btn-stack'>
            <FormField id='signup-mobile' label='联系电话' optional className='event__mobile' hint='只有主办方能看到，活动有变化时方便联系您' error={actions.signUpError} mobile={mobile}>
              {(a11y) => (
                <Input
                  className='input'
                  type='number'
                  maxlength={NO_CUT}
                  value={mobile}
                  placeholder='11位手机号'
                  placeholderClass='placeholder'
                  {...a11y}
                  onInput={(e) => setMobile(e.detail.value)}
                />
              )}
            </FormField>
            <Button
              id='btn-signup'
              className={actions.sending ? 'btn btn--primary btn--busy' : 'btn btn--primary'}
              disabled={actions.sending || undefined}
              onClick={() => !mobileProblem(mobile) && void actions.signUp(mobile.trim())}
            >
              {actions.sending ? '正在报名…' : event.placesLeft === 0 ? '报名候补' : '报名'}
            </Button>
          </View>
        ) : !active && !cancelled && event.signupClosedReason ? (
          <View id='event-signup-closed' className='event__closed'>
            {event.signupClosedReason}
          </View>
        ) : null}

        {event.courseId ? (
          <View className='btn-stack'>
            <Button id='btn-event-course' className='btn btn--primary' onClick={() => go(ROUTES.course(event.courseId!))}>
              查看课程、报名整个课程
            </Button>
          </View>
        ) : null}

        {event.can.cancel && active ? (
          <View className='btn-stack'>
            <Button id='btn-cancel-signup' className='btn btn--plain' disabled={actions.sending || undefined} onClick={() => actions.openSheet('cancelSignUp')}>
              {active.status === 'waitlisted' ? '取消候补' : '取消报名'}
            </Button>
          </View>
        ) : null}

        {event.can.manage ? (
          <View id='event-manage-area' className='event__manage'>
            <View className='event__hint'>您可以管理这个活动：</View>
            <Button id='btn-event-registrations' className='btn btn--ghost' onClick={() => go(ROUTES.eventRegistrations(event.id))}>
              报名名单与到场（{event.registeredCount}人报名，{event.checkedInCount}人签到）
            </Button>
            {!cancelled ? (
              <>
                <Button id='btn-event-code' className='btn btn--ghost' onClick={() => go(ROUTES.eventCode(event.id))}>
                  出示签到码
                </Button>
                <Button id='btn-event-record' className='btn btn--ghost' onClick={() => go(ROUTES.eventRecord(event.id))}>
                  {event.record ? '修改活动记录' : '填写活动记录'}
                </Button>
                <Button id='btn-event-edit' className='btn btn--ghost' onClick={() => go(ROUTES.eventEdit(event.id))}>
                  修改活动信息
                </Button>
                <Button id='btn-event-cancel' className='btn btn--plain' onClick={() => actions.openSheet('cancelEvent')}>
                  取消活动
                </Button>
              </>
            ) : null}
          </View>
        ) : null}
      </View>

      {event.description ? (
        <>
          <View className='section-title'>活动介绍</View>
          <View className='card'>
            <View id='event-description' className='event__description'>
              {event.description}
            </View>
          </View>
        </>
      ) : null}

      {actions.sheet === 'cancelSignUp' ? (
        <CancelSignUpSheet event={event} sending={actions.sending} onConfirm={() => void actions.cancelSignUp()} onCancel={actions.closeSheet} />
      ) : null}
      {actions.sheet === 'checkIn' ? (
        <CheckInSheet
          event={event}
          sending={actions.sending}
          error={actions.sheetError}
          onConfirm={(code) => void actions.checkIn(code, true)}
          onScan={IS_WEAPP ? () => void actions.scan() : undefined}
          onCancel={actions.closeSheet}
        />
      ) : null}
      {actions.sheet === 'cancelEvent' ? (
        <CancelEventSheet
          event={event}
          sending={actions.sending}
          error={actions.sheetError}
          onConfirm={(reason, whole, freeRoom) => void actions.cancelEvent(reason, whole, freeRoom)}
          onCancel={actions.closeSheet}
        />
      ) : null}
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function EventDetailPage() {
  return (
    <PageShell needs='id'>
      <EventDetailPageBody />
    </PageShell>
  );
}
