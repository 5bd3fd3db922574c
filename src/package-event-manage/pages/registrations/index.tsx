import { Button, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, usePullDownRefresh, useReachBottom, useRouter, useUnload } from '@tarojs/taro';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { TRegistrationRow } from '../../../../types';
import { api, errorMessage, isApiError } from '../../../api';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { ListFooter } from '../../../components/ListFooter';
import { Loading } from '../../../components/Loading';
import { eventWhen } from '../../../lib/china-time';
import { usePagedList } from '../../../lib/usePagedList';
import { NotHost } from '../../components/NotHost';
import { useEvent } from '../../useEvent';
import { OnBehalfSheet } from './OnBehalfSheet';
import { RegistrationRow } from './RegistrationRow';
import { PageShell } from '../../../components/PageShell';
import { useFreshOnShow } from '../../../lib/freshness';
import '../../components/event-manage.css';
import './index.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

/** While the list is open during an event, the counts follow check-ins as they happen. */
const LIVE_MS = 10_000;

/** 报名名单: everyone registered, waitlisted or cancelled, with phones; 代报名; attendance marked by hand. */
function RegistrationsPageBody() {
  const eventId = useRouter().params.eventId ?? '';
  const ev = useEvent(eventId);
  const fetchPage = useCallback((cursor: string | undefined) => api.events.registrations({ eventId, cursor }), [eventId]);
  const list = usePagedList<TRegistrationRow>(fetchPage);
  const [patches, setPatches] = useState<Record<string, TRegistrationRow>>({});
  const [busyId, setBusyId] = useState<string | null>(null);
  const [behalfOpen, setBehalfOpen] = useState(false);
  const [behalfErrors, setBehalfErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const rows = useMemo(() => list.items.map((r) => patches[r.id] ?? r), [list.items, patches]);

  const reloadAll = useCallback(async () => {
    setPatches({});
    await Promise.all([ev.reload(), list.reload()]);
  }, [ev.reload, list.reload]); // eslint-disable-line react-hooks/exhaustive-deps

  const stopLive = () => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  };
  useFreshOnShow(reloadAll);
  useDidShow(() => {
    stopLive();
    timer.current = setInterval(() => void ev.reload(), LIVE_MS);
  });
  useDidHide(stopLive);
  useUnload(stopLive);
  usePullDownRefresh(() => {
    void reloadAll().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore) void list.loadMore();
  });

  const mark = async (row: TRegistrationRow, present: boolean) => {
    if (busyId) return;
    if (!present) {
      const res = await Taro.showModal({ title: '取消到场', content: `确定把「${row.name}」改为未到场吗？`, confirmText: '确定', cancelText: '不改', confirmColor: '#b3261e' }).catch(() => ({ confirm: false }));
      if (!res.confirm) return;
    }
    setBusyId(row.id);
    try {
      const { registration } = await api.events.markAttendance({ registrationId: row.id, present });
      setPatches((prev) => ({ ...prev, [registration.id]: registration }));
      void Taro.showToast({ title: present ? `已登记${row.name}到场` : '已改为未到场', icon: 'none', duration: 2000 });
      void ev.reload();
    } catch (err) {
      void Taro.showModal({ title: '操作没有成功', content: errorMessage(err), showCancel: false, confirmText: '知道了' });
    } finally {
      setBusyId(null);
    }
  };

  const registerOnBehalf = async (name: string, mobile: string) => {
    if (sending) return;
    setSending(true);
    setBehalfErrors({});
    try {
      const { registration } = await api.events.registerOnBehalf({ eventId, name, mobile });
      setBehalfOpen(false);
      void Taro.showToast({
        title: registration.status === 'waitlisted' ? `名额已满，${name}在候补第${registration.waitlistPosition ?? ''}位` : `已为${name}报名`,
        icon: 'none',
        duration: 2500,
      });
      await reloadAll();
    } catch (err) {
      if (isApiError(err) && Object.keys(err.fields).length > 0) {
        const { name: n, mobile: m, ...rest } = err.fields;
        setBehalfErrors({ name: n ?? '', mobile: m ?? '', _: Object.values(rest)[0] ?? '' });
      } else setBehalfErrors({ _: errorMessage(err) });
    } finally {
      setSending(false);
    }
  };

  if (ev.error && !ev.event) return <ErrorState message={ev.error} onRetry={() => void ev.reload()} />;
  if (!ev.event) return <Loading />;
  const event = ev.event;
  if (!event.can.manage) return <NotHost />;

  let body;
  if (list.loading && !list.loaded) body = <Loading />;
  else if (list.error && !list.loaded) body = <ErrorState message={list.error} onRetry={() => void list.reload()} />;
  else if (rows.length === 0) body = <EmptyState id='registrations-empty' text='还没有人报名' hint='可以点上方「代报名」为没有微信的老人报名' />;
  else {
    body = (
      <View id='registration-list'>
        {rows.map((row, i) => (
          <RegistrationRow key={row.id} row={row} index={i} busy={busyId === row.id} onMark={(r, p) => void mark(r, p)} />
        ))}
        <ListFooter list={list} />
      </View>
    );
  }

  return (
    <View className='page registrations'>
      <View className='card'>
        <View id='registrations-title' className='em__title'>
          {event.title}
        </View>
        <View className='em__sub'>{eventWhen(event.startAt, event.endAt)}</View>
      </View>
      <View id='registration-counts' className='card em__counts' aria-live='polite'>
        <View className='em__count'>
          <View id='count-registered' className='em__count-value'>
            {event.registeredCount}
          </View>
          <View className='em__count-label'>已报名{event.capacity === null ? '' : `/${event.capacity}`}</View>
        </View>
        <View className='em__count'>
          <View id='count-checked-in' className='em__count-value'>
            {event.checkedInCount}
          </View>
          <View className='em__count-label'>已到场</View>
        </View>
        <View className='em__count'>
          <View id='count-waitlisted' className='em__count-value'>
            {event.waitlistCount}
          </View>
          <View className='em__count-label'>候补</View>
        </View>
      </View>
      <View className='muted reg__live'>人数每10秒自动更新。没有微信的老人可以代报名，到场后点「登记到场」。</View>
      {event.status === 'scheduled' ? (
        <Button id='btn-behalf' className='btn btn--ghost' onClick={() => { setBehalfErrors({}); setBehalfOpen(true); }}>
          代报名（没有微信的老人）
        </Button>
      ) : null}
      <View className='section-title'>名单</View>
      {body}
      {behalfOpen ? <OnBehalfSheet sending={sending} errors={behalfErrors} onConfirm={(n, m) => void registerOnBehalf(n, m)} onCancel={() => !sending && setBehalfOpen(false)} /> : null}
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function RegistrationsPage() {
  return (
    <PageShell needs='eventId'>
      <RegistrationsPageBody />
    </PageShell>
  );
}
