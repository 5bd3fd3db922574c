import { Button, Input, Picker, Textarea, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { z } from 'zod';
import type { TNeedRow, ZPartner } from '../../../../types/incubation';
import { api, errorMessage } from '../../../api';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { FieldError } from '../../../components/FieldError';
import { INCUBATION_LIMITS as IL } from '../../../../types/form-limits';
import { fieldA11y, FormField } from '../../../components/FormField';
import { NO_CUT } from '../../../lib/field-limits';
import { Loading } from '../../../components/Loading';
import { dateLabel } from '../../../lib/china-time';
import { ROUTES } from '../../../lib/nav';
import { mintRequestId } from '../../../lib/request-id';
import { loadRooms, type TRoomChoice } from '../../rooms';
import { useSend } from '../../../lib/useSend';
import { courseProblems, courseTimes, emptyCourseForm, firstDate, WEEKDAYS, type TCourseForm } from './course-form';
import '../../manage.css';
import { startedHere } from '../../../lib/safe-nav';
import { PageShell } from '../../../components/PageShell';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

type TPartner = z.output<typeof ZPartner>;

const ROW_ORDER = ['title', 'partnerId', 'teacher', 'roomId', 'place', 'time', 'sessions', 'capacity', 'audience', 'description'];

/** 开设课程 (`?needId=` from a need): weekly sessions on a weekday and time for N weeks, in a room of the base. */
function CourseNewPageBody() {
  const needId = useRouter().params.needId ?? '';
  const [phase, setPhase] = useState<'loading' | 'ready' | 'forbidden' | 'error'>('loading');
  const [loadError, setLoadError] = useState('');
  const [communityId, setCommunityId] = useState('');
  const [need, setNeed] = useState<TNeedRow | null>(null);
  const [partners, setPartners] = useState<TPartner[]>([]);
  const [rooms, setRooms] = useState<TRoomChoice[]>([]);
  const [form, setForm] = useState<TCourseForm>(() => emptyCourseForm(''));
  const [tried, setTried] = useState(false);
  const { sending, errors: serverErrors, setErrors, send } = useSend();
  const requestId = useRef(mintRequestId());

  const load = async () => {
    setPhase('loading');
    try {
      const { me } = await api.account.me({});
      const community = me.community;
      if (!community || !(me.roles.includes('social_worker') || me.roles.includes('admin'))) return setPhase('forbidden');
      setCommunityId(community.id);
      const [needs, partnerPage, roomList] = await Promise.all([
        needId ? api.incubation.needs({ communityId: community.id }) : Promise.resolve({ items: [] as TNeedRow[], nextCursor: null }),
        api.incubation.partners({ communityId: community.id }),
        loadRooms(community.id),
      ]);
      const found = needs.items.find((n) => n.id === needId) ?? null;
      setNeed(found);
      setPartners(partnerPage.items);
      setRooms(roomList);
      if (found) setForm(emptyCourseForm(found.title.replace(/^想(学|要|有)?/, '')));
      setPhase('ready');
    } catch (err) {
      setLoadError(errorMessage(err));
      setPhase('error');
    }
  };
  useLoad(() => void load());

  const now = Date.now();
  const times = courseTimes(form, now);
  const errors = { ...serverErrors, ...courseProblems(form, times, tried) };
  const change = (patch: Partial<TCourseForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    const next = { ...serverErrors };
    for (const k of Object.keys(patch)) delete next[k];
    if ('weekday' in patch || 'startTime' in patch || 'endTime' in patch) {
      delete next.startAt;
      delete next.endAt;
      delete next.roomId;
    }
    delete next._;
    setErrors(next);
  };
  const chooseRoom = (room: TRoomChoice) => change({ roomId: room.id, ...(form.placeTouched ? {} : { place: `${room.baseName}${room.name}` }) });

  const submit = async () => {
    setTried(true);
    const problems = courseProblems(form, times, true);
    const first = ROW_ORDER.find((r) => problems[r]);
    if (first) {
      void Taro.pageScrollTo({ selector: `#course-${first}`, offsetTop: -60, duration: 300 });
      return;
    }
    const partner = partners.find((p) => p.id === form.partnerId);
    const origin = startedHere();
    const result = await send(() =>
      api.incubation.createCourse({
        requestId: requestId.current,
        communityId,
        ...(needId ? { needId } : {}),
        title: form.title.trim(),
        description: form.description.trim(),
        ...(partner ? { partnerId: partner.id } : {}),
        teacher: form.teacher.trim(),
        place: form.place.trim(),
        ...(form.roomId ? { roomId: form.roomId } : {}),
        startAt: times.startAt,
        endAt: times.endAt,
        sessions: times.sessions!,
        capacity: times.capacity!,
        signupDeadline: times.startAt,
        audience: form.audience,
      }),
    );
    if (result) {
      void Taro.showToast({ title: '课程已开设', icon: 'success' });
      origin.redirectTo(ROUTES.course(result.course.id));
    }
  };

  if (phase === 'loading') return <Loading />;
  if (phase === 'error') return <ErrorState message={loadError} onRetry={() => void load()} />;
  if (phase === 'forbidden') return <EmptyState text='只有社区社工可以开设课程' />;

  const date = firstDate(form.weekday, now);
  const summary = times.sessions ? `每${WEEKDAYS[form.weekday]} ${form.startTime}–${form.endTime}，共${times.sessions}次；第一次 ${dateLabel(date)}` : '';

  return (
    <View className='page course-new'>
      {need ? (
        <View id='course-need' className='card'>
          <View className='bm__lead'>来自需求：{need.title}</View>
          <View className='muted'>{need.demand}人想要；开设后，他们都会收到通知，需求显示「已安排」。</View>
        </View>
      ) : null}
      <FormField id='course-title' label='课程名称' required error={errors.title} limit={{ value: form.title, max: IL.title }}>
        <Input className='input' value={form.title} maxlength={NO_CUT} {...fieldA11y('课程名称')} placeholder='例如：智能手机入门' placeholderClass='placeholder' onInput={(e) => change({ title: e.detail.value })} />
      </FormField>
      <FormField id='course-partnerId' label='合作伙伴（授课单位）' error={errors.partnerId} hint='可不选；在「合作伙伴」里添加'>
        <View className='bm__choices' role='radiogroup'>
          {partners.map((p) => (
            <View
              key={p.id}
              id={`course-partner-${p.id}`}
              data-name={p.name}
              role='radio'
              aria-checked={form.partnerId === p.id}
              className={form.partnerId === p.id ? 'bm__choice bm__choice--on' : 'bm__choice'}
              onClick={() => change({ partnerId: form.partnerId === p.id ? '' : p.id, ...(form.teacher ? {} : { teacher: p.contactName }) })}
            >
              {form.partnerId === p.id ? '● ' : '○ '}
              {p.name}
            </View>
          ))}
          {partners.length === 0 ? <View className='muted'>还没有合作伙伴</View> : null}
        </View>
      </FormField>
      <FormField id='course-teacher' label='授课老师' required error={errors.teacher} limit={{ value: form.teacher, max: IL.teacher }}>
        <Input className='input' value={form.teacher} maxlength={NO_CUT} {...fieldA11y('授课老师')} placeholder='例如：张老师' placeholderClass='placeholder' onInput={(e) => change({ teacher: e.detail.value })} />
      </FormField>
      <FormField id='course-roomId' label='活动室' error={errors.roomId} hint='选了活动室，每次课都会占用它；时间冲突时会说明和谁冲突'>
        <View className='bm__choices' role='radiogroup'>
          {rooms.map((r) => (
            <View key={r.id} id={`course-room-${r.id}`} data-name={r.name} role='radio' aria-checked={form.roomId === r.id} className={form.roomId === r.id ? 'bm__choice bm__choice--on' : 'bm__choice'} onClick={() => chooseRoom(r)}>
              {form.roomId === r.id ? '● ' : '○ '}
              {r.name}（{r.capacity}人）
            </View>
          ))}
          {rooms.length === 0 ? <View className='muted'>本社区还没有活动室</View> : null}
        </View>
      </FormField>
      <FormField id='course-place' label='上课地点' required error={errors.place} limit={{ value: form.place, max: IL.place }}>
        <Input className='input' value={form.place} maxlength={NO_CUT} {...fieldA11y('上课地点')} placeholder='选活动室后自动填写' placeholderClass='placeholder' onInput={(e) => change({ place: e.detail.value, placeTouched: true })} />
      </FormField>
      <FormField id='course-time' label='每周上课时间（北京时间）' required error={errors.time ?? errors.startAt ?? errors.endAt}>
        <View className='chips' role='radiogroup'>
          {WEEKDAYS.map((w, i) => (
            <View key={w} id={`course-weekday-${i}`} role='radio' aria-checked={form.weekday === i} className={form.weekday === i ? 'chip chip--active' : 'chip'} onClick={() => change({ weekday: i })}>
              {w}
            </View>
          ))}
        </View>
        <View className='bm__pickers'>
          <Picker mode='time' value={form.startTime} onChange={(e) => change({ startTime: String(e.detail.value) })} className='bm__picker'>
            <View id='course-start-time' className='picker-value'>
              上课 {form.startTime}
            </View>
          </Picker>
          <Picker mode='time' value={form.endTime} onChange={(e) => change({ endTime: String(e.detail.value) })} className='bm__picker'>
            <View id='course-end-time' className='picker-value'>
              下课 {form.endTime}
            </View>
          </Picker>
        </View>
      </FormField>
      <FormField id='course-sessions' label='一共几周（每周一次课）' required error={errors.sessions}>
        <Input className='input' type='number' value={form.weeks} maxlength={NO_CUT} {...fieldA11y('一共几周（每周一次课）')} placeholder='例如：4' placeholderClass='placeholder' onInput={(e) => change({ weeks: e.detail.value })} />
      </FormField>
      {summary ? (
        <View id='course-summary' className='card'>
          {summary}
        </View>
      ) : null}
      <FormField id='course-capacity' label='招收人数' required error={errors.capacity} hint='报满后可以报名候补'>
        <Input className='input' type='number' value={form.capacity} maxlength={NO_CUT} {...fieldA11y('招收人数')} placeholder='例如：20' placeholderClass='placeholder' onInput={(e) => change({ capacity: e.detail.value })} />
      </FormField>
      <FormField id='course-audience' label='谁可以报名' required error={errors.audience}>
        <View className='bm__choices' role='radiogroup'>
          {(['community', 'anyone'] as const).map((a) => (
            <View key={a} id={`course-audience-${a}`} role='radio' aria-checked={form.audience === a} className={form.audience === a ? 'bm__choice bm__choice--on' : 'bm__choice'} onClick={() => change({ audience: a })}>
              {form.audience === a ? '● ' : '○ '}
              {a === 'community' ? '本社区居民' : '所有人'}
            </View>
          ))}
        </View>
      </FormField>
      <FormField id='course-description' label='课程介绍' error={errors.description} hint='可不填：学什么、带什么' limit={{ value: form.description, max: IL.courseDescription }}>
        <Textarea className='textarea bm__textarea' value={form.description} maxlength={NO_CUT} {...fieldA11y('课程介绍')} placeholder='例如：请带上自己的手机' placeholderClass='placeholder' onInput={(e) => change({ description: e.detail.value })} />
      </FormField>
      {errors._ ? (
        <View id='course-error' className='card'>
          <FieldError message={errors._} />
        </View>
      ) : null}
      <Button id='btn-create-course' className={sending ? 'btn btn--primary btn--busy' : 'btn btn--primary'} disabled={sending} onClick={() => void submit()}>
        {sending ? '正在开设…' : '开设课程'}
      </Button>
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function CourseNewPage() {
  return (
    <PageShell>
      <CourseNewPageBody />
    </PageShell>
  );
}
