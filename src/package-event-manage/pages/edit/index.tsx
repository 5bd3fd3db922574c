import { Button, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { eventTimesProblems, type TEventDetail, type TGroupCard } from '../../../../types';
import { api, errorMessage, isApiError } from '../../../api';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { ErrorState } from '../../../components/ErrorState';
import { FieldError } from '../../../components/FieldError';
import { Loading } from '../../../components/Loading';
import { Sheet } from '../../../components/Sheet';
import { NotHost } from '../../components/NotHost';
import { startedHere, type TOriginNav } from '../../../lib/safe-nav';
import { mintRequestId } from '../../request-id';
import { EVENT_MANAGE_ROUTES } from '../../routes';
import { EventFormFields } from './EventFormFields';
import { applyEventChange, capacityOf, emptyEventForm, formFromEvent, rowOf, timesOf, type TEventForm, type TEventTimes } from './form-model';
import { PageShell } from '../../../components/PageShell';
import '../../components/event-manage.css';
import './index.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

interface THost {
  groupId: string | null;
  communityId: string;
  /** 老年协会 / 塔谈社区: who the event is by, as the header says it. */
  name: string;
}

type TPhase = 'loading' | 'ready' | 'forbidden' | 'error';

const ROW_ORDER = ['title', 'startAt', 'endAt', 'place', 'capacity', 'signupDeadline', 'audience', 'isVolunteer', 'coHostGroupId', 'repeat', 'description'];

function scrollToFirst(errors: Record<string, string>) {
  const first = ROW_ORDER.find((row) => errors[row]);
  if (first) void Taro.pageScrollTo({ selector: `#event-${first}`, offsetTop: -60, duration: 300 });
}

function checkTimes(times: TEventTimes, original: TEventDetail | null): Record<string, string> {
  if (!original) return eventTimesProblems(times, Date.now());
  const changed = {
    startAt: times.startAt !== original.startAt ? times.startAt : undefined,
    endAt: times.endAt !== original.endAt || times.startAt !== original.startAt ? times.endAt : undefined,
    signupDeadline: times.signupDeadline !== original.signupDeadline ? times.signupDeadline : undefined,
  };
  const problems = eventTimesProblems({ ...changed, startAt: changed.startAt ?? (changed.endAt !== undefined || changed.signupDeadline !== undefined ? times.startAt : undefined) }, Date.now());
  // The start itself was not changed: its being past is not this edit's problem.
  if (changed.startAt === undefined) delete problems.startAt;
  return problems;
}

/**
 * What the form can say before anything is sent. Times always, with the same rules the server applies
 * (eventTimesProblems); the other fields once 发布 has been tapped, so an empty form does not open in red.
 */
function localProblems(form: TEventForm, times: TEventTimes, original: TEventDetail | null, tried: boolean): Record<string, string> {
  const problems = checkTimes(times, original);
  if (!tried) return problems;
  if (form.title.trim().length < 2) problems.title = '活动名称至少2个字';
  if (!form.place.trim()) problems.place = '请填写活动地点';
  const capacity = capacityOf(form);
  if (capacity === undefined) problems.capacity = '请填写人数上限（数字），或打开「不限人数」';
  else if (capacity !== null && (capacity < 1 || capacity > 2000)) problems.capacity = '人数上限请填写1到2000之间的数字，人数更多时请选择“不限人数”';
  if (form.repeat && !/^\d{1,2}$/.test(form.weeks.trim())) problems.repeat = '请填写重复的周数（2到26）';
  return problems;
}

/** 发起活动 (`?groupId=` or, for social workers, `?communityId=`) and 修改活动 (`?eventId=`). */
function EditEventPageBody() {
  const params = useRouter().params;
  const eventId = params.eventId ?? '';
  const mode = eventId ? 'edit' : 'create';
  const [phase, setPhase] = useState<TPhase>('loading');
  const [loadError, setLoadError] = useState('');
  const [host, setHost] = useState<THost | null>(null);
  const [original, setOriginal] = useState<TEventDetail | null>(null);
  const [form, setForm] = useState<TEventForm>(() => emptyEventForm(Date.now(), 'community'));
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [coHostOpen, setCoHostOpen] = useState(false);
  const [coHosts, setCoHosts] = useState<TGroupCard[] | null>(null);
  const busy = useRef(false);
  // One key per form: 发布 tapped twice, or retried after a timeout, creates the series once.
  const requestId = useRef(mintRequestId());

  const load = async () => {
    setPhase('loading');
    try {
      if (eventId) {
        const { event } = await api.events.detail({ eventId });
        if (!event.can.manage) return setPhase('forbidden');
        setOriginal(event);
        setForm(formFromEvent(event));
        setHost({ groupId: null, communityId: event.communityId, name: event.hostNames.join('、') || event.communityName });
      } else if (params.groupId) {
        const { group } = await api.groups.detail({ groupId: params.groupId });
        if (!group.canManage) return setPhase('forbidden');
        setHost({ groupId: group.id, communityId: group.communityId, name: group.name });
      } else if (params.communityId) {
        const { me } = await api.account.me({});
        const community = me.community?.id === params.communityId ? me.community : null;
        setHost({ groupId: null, communityId: params.communityId, name: community?.name ?? '社区' });
      } else {
        setLoadError('缺少主办组织，请从组织页面点「发起活动」');
        return setPhase('error');
      }
      setPhase('ready');
    } catch (err) {
      setLoadError(errorMessage(err));
      setPhase('error');
    }
  };

  useLoad(() => {
    void Taro.setNavigationBarTitle({ title: eventId ? '修改活动' : '发起活动' });
    void load();
  });

  const times = timesOf(form);
  const localErrors = localProblems(form, times, original, tried);
  const errors = { ...serverErrors, ...localErrors };

  const onChange = (patch: Partial<TEventForm>) => {
    setForm((prev) => applyEventChange(prev, patch));
    // A server objection goes away as the field is edited.
    const keys = Object.keys(patch).map((k) => (k.startsWith('start') ? 'startAt' : k.startsWith('end') ? 'endAt' : k.startsWith('deadline') ? 'signupDeadline' : k === 'unlimited' ? 'capacity' : k === 'weeks' ? 'repeat' : k));
    setServerErrors((prev) => {
      const next = { ...prev };
      for (const k of keys) delete next[k];
      delete next._;
      return next;
    });
  };

  const openCoHosts = () => {
    setCoHostOpen(true);
    if (coHosts || !host) return;
    api.groups.directory({ communityId: host.communityId }).then(
      (page) => setCoHosts(page.items.filter((g) => g.id !== host.groupId)),
      (err) => {
        setCoHostOpen(false);
        void Taro.showModal({ title: '没有加载出组织列表', content: errorMessage(err), showCancel: false, confirmText: '知道了' });
      },
    );
  };

  const create = async (origin: TOriginNav) => {
    if (!host) return;
    const capacity = capacityOf(form) ?? null;
    const { events } = await api.events.create({
      requestId: requestId.current,
      groupId: host.groupId,
      communityId: host.groupId ? undefined : host.communityId,
      coHostGroupId: form.coHostGroupId ?? undefined,
      title: form.title.trim(),
      description: form.description.trim(),
      startAt: times.startAt,
      endAt: times.endAt,
      place: form.place.trim(),
      capacity,
      signupDeadline: times.signupDeadline,
      audience: form.audience,
      isVolunteer: form.isVolunteer,
      repeat: form.repeat ? { weeks: Number(form.weeks.trim()) } : undefined,
    });
    const first = events[0];
    void Taro.showToast({ title: events.length > 1 ? `已发布${events.length}场活动` : '活动已发布', icon: 'none', duration: 2000 });
    if (first) origin.redirectTo(EVENT_MANAGE_ROUTES.eventDetail(first.id));
  };

  const update = async (origin: TOriginNav) => {
    if (!original) return;
    const capacity = capacityOf(form) ?? null;
    const changed: Record<string, unknown> = {};
    if (form.title.trim() !== original.title) changed.title = form.title.trim();
    if (form.description.trim() !== original.description) changed.description = form.description.trim();
    if (form.place.trim() !== original.place) changed.place = form.place.trim();
    if (times.startAt !== original.startAt) changed.startAt = times.startAt;
    if (times.endAt !== original.endAt) changed.endAt = times.endAt;
    if (times.signupDeadline !== original.signupDeadline) changed.signupDeadline = times.signupDeadline;
    if (capacity !== original.capacity) changed.capacity = capacity;
    if (Object.keys(changed).length === 0) {
      void Taro.showToast({ title: '没有需要保存的修改', icon: 'none' });
      return;
    }
    await api.events.update({ eventId: original.id, ...changed });
    const moved = changed.startAt !== undefined || changed.endAt !== undefined || changed.place !== undefined;
    void Taro.showToast({ title: moved ? '已保存，已通知报名的人' : '已保存', icon: 'none', duration: 2000 });
    origin.navigateBack();
  };

  const submit = async () => {
    if (busy.current) return;
    setTried(true);
    // What the render will show now that `tried` is on: the first tap must stop on the same errors.
    const blocking = localProblems(form, times, original, true);
    if (Object.keys(blocking).length > 0) {
      scrollToFirst(blocking);
      return;
    }
    busy.current = true;
    setSaving(true);
    setServerErrors({});
    const origin = startedHere();
    try {
      if (mode === 'create') await create(origin);
      else await update(origin);
    } catch (err) {
      if (isApiError(err) && Object.keys(err.fields).length > 0) {
        const mapped: Record<string, string> = {};
        for (const [path, message] of Object.entries(err.fields)) {
          const row = rowOf(path);
          if (!mapped[row]) mapped[row] = message;
        }
        setServerErrors(mapped);
        scrollToFirst(mapped);
      } else {
        setServerErrors({ _: errorMessage(err) });
      }
    } finally {
      busy.current = false;
      setSaving(false);
    }
  };

  if (phase === 'loading') return <Loading />;
  if (phase === 'forbidden') return <NotHost />;
  if (phase === 'error' || !host) return <ErrorState message={loadError || '页面没有加载出来'} onRetry={() => void load()} />;

  const errorCount = Object.keys(errors).filter((k) => errors[k]).length;
  return (
    <View className='page edit-event'>
      <View className='card'>
        <View id='edit-event-host' className='em__title'>
          {mode === 'create' ? `主办：${host.name}` : `修改「${original?.title ?? ''}」`}
        </View>
        <View className='em__sub'>{mode === 'create' ? '发布后，本社区居民在「活动」里就能看到并报名。' : '修改时间或地点后，已报名和候补的人会收到通知。'}</View>
      </View>
      <EventFormFields
        form={form}
        errors={errors}
        mode={mode}
        isCommunityEvent={!host.groupId}
        onChange={onChange}
        onChooseCoHost={host.groupId ? openCoHosts : undefined}
      />
      {errorCount > 0 && tried ? (
        <View id='edit-event-error-summary' className='field-error alert edit-event__summary' role='alert'>
          还有 {errorCount} 处需要修改，已用红框标出。
        </View>
      ) : null}
      <FieldError message={errors._} />
      <Button id='btn-save-event' className={saving ? 'btn btn--primary btn--busy' : 'btn btn--primary'} disabled={saving || undefined} onClick={() => void submit()}>
        {saving ? '正在保存…' : mode === 'create' ? (form.repeat ? `发布（每周一次，共${form.weeks || '?'}次）` : '发布活动') : '保存修改'}
      </Button>
      <View className='muted edit-event__footnote'>时间均为北京时间。</View>

      {coHostOpen ? (
        <Sheet id='cohost-sheet' title='选择协办组织' onClose={() => setCoHostOpen(false)}>
          {!coHosts ? (
            <Loading text='正在加载本社区的组织…' />
          ) : (
            <View>
              <View
                id='cohost-option-none'
                role='button'
                className={form.coHostGroupId ? 'cohost-option' : 'cohost-option cohost-option--on'}
                onClick={() => {
                  onChange({ coHostGroupId: null, coHostName: '' });
                  setCoHostOpen(false);
                }}
              >
                不需要协办组织
              </View>
              {coHosts.map((g, i) => (
                <View
                  key={g.id}
                  id={`cohost-option-${i}`}
                  role='button'
                  className={form.coHostGroupId === g.id ? 'cohost-option cohost-option--on' : 'cohost-option'}
                  onClick={() => {
                    onChange({ coHostGroupId: g.id, coHostName: g.name });
                    setCoHostOpen(false);
                  }}
                >
                  {g.name}
                </View>
              ))}
            </View>
          )}
          <Button className='btn btn--plain' onClick={() => setCoHostOpen(false)}>
            取消
          </Button>
        </Sheet>
      ) : null}
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function EditEventPage() {
  return (
    <PageShell title={(p) => (p.eventId ? '修改活动' : '发起活动')}>
      <EditEventPageBody />
    </PageShell>
  );
}
