import { Button, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TBase, TBooking, TCalendarEntry, TRoom } from '../../../../types/base';
import { chinaDayStart, DAY_MS } from '../../../../types/base-time';
import { api, errorMessage, isApiError } from '../../../api';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { Loading } from '../../../components/Loading';
import { chinaDate, chinaTime, fromChina } from '../../../lib/china-time';
import { mintRequestId } from '../../../lib/request-id';
import { useMe } from '../../useMe';
import { BookSheet, type TBookForm, type TEventChoice } from './BookSheet';
import { Bookings } from './Bookings';
import { dayLabel, hoursText, layoutDays, timeRange, weekStart, type TBlock } from './calendar-model';
import { PageShell } from '../../../components/PageShell';
import { useFreshOnShow } from '../../../lib/freshness';
import '../../base.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

interface TBooker {
  groupId: string | null;
  name: string;
}

interface TCalendar {
  room: TRoom;
  baseName: string;
  from: number;
  days: number;
  entries: TCalendarEntry[];
}

const KIND_TEXT: Record<TCalendarEntry['kind'], string> = { booking: '预约', event: '活动', course: '课程' };

/**
 * 孵化基地·活动室: the community's rooms, a room's calendar (day or week, China time) with what is taken and by whom,
 * free times to tap and book (`?groupId=` books for that group; social workers book for the community), and the
 * bookings one may cancel or decide.
 */
function RoomsPageBody() {
  const params = useRouter().params;
  const { me, error: meError, load: loadMe, isStaff } = useMe();
  const [bases, setBases] = useState<TBase[] | null>(null);
  const [roomsError, setRoomsError] = useState('');
  const [roomId, setRoomId] = useState(params.roomId ?? '');
  const [view, setView] = useState<'day' | 'week'>('week');
  const [anchor, setAnchor] = useState(() => chinaDayStart(Date.now()));
  const [cal, setCal] = useState<TCalendar | null>(null);
  const [calError, setCalError] = useState('');
  const [calLoading, setCalLoading] = useState(false);
  const [booker, setBooker] = useState<TBooker | null>(null);
  const [picked, setPicked] = useState<{ dayStart: number } | null>(null);
  const [form, setForm] = useState<TBookForm>({ eventId: '', title: '', startTime: '09:00', endTime: '10:00', weeks: '1' });
  const [dayEvents, setDayEvents] = useState<TEventChoice[]>([]);
  const [bookErrors, setBookErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const [bookings, setBookings] = useState<TBooking[]>([]);
  const [pending, setPending] = useState<TBooking[]>([]);
  const [busyId, setBusyId] = useState<string | null>(null);
  const requestId = useRef(mintRequestId());
  const calGeneration = useRef(0);

  const communityId = me?.community?.id ?? '';
  const rooms = (bases ?? []).flatMap((b) => b.rooms.filter((r) => r.active).map((r) => ({ room: r, baseName: b.name })));
  const from = view === 'week' ? weekStart(anchor) : anchor;

  const loadRooms = useCallback(async (cid: string) => {
    setRoomsError('');
    try {
      const { bases: fresh } = await api.base.rooms({ communityId: cid });
      setBases(fresh);
      const first = fresh.flatMap((b) => b.rooms.filter((r) => r.active))[0];
      setRoomId((prev) => prev || first?.id || '');
    } catch (err) {
      setRoomsError(errorMessage(err));
    }
  }, []);

  const loadCalendar = useCallback(async () => {
    if (!roomId) return;
    const generation = ++calGeneration.current;
    setCalLoading(true);
    setCalError('');
    try {
      const fresh = await api.base.calendar({ roomId, from, days: view === 'week' ? 7 : 1 });
      if (generation === calGeneration.current) setCal(fresh);
    } catch (err) {
      if (generation === calGeneration.current) setCalError(errorMessage(err));
    } finally {
      if (generation === calGeneration.current) setCalLoading(false);
    }
  }, [roomId, from, view]);

  const loadBookings = useCallback(async (b: TBooker | null, staff: boolean, cid: string) => {
    try {
      if (b?.groupId) setBookings((await api.base.myBookings({ groupId: b.groupId })).items);
      else if (staff && cid) {
        setBookings((await api.base.myBookings({ groupId: null, communityId: cid })).items);
        setPending((await api.base.myBookings({ groupId: null, communityId: cid, status: 'pending' })).items);
      }
    } catch {
      // The lists are secondary: the calendar still shows every booking.
    }
  }, []);

  /** Who this person books for: the group of `?groupId=` they manage, else the community (staff), else their first managed group. */
  const findBooker = useCallback(async (staff: boolean): Promise<TBooker | null> => {
    if (params.groupId) {
      try {
        const { group } = await api.groups.detail({ groupId: params.groupId });
        if (group.canManage) return { groupId: group.id, name: group.name };
      } catch {
        // fall through
      }
    }
    if (staff) return { groupId: null, name: '社区自用' };
    const mine = await api.groups.mine({}).catch(() => ({ items: [] }));
    const managed = mine.items.find((g) => g.status === 'active' && (g.role === 'leader' || g.role === 'deputy'));
    return managed ? { groupId: managed.groupId, name: managed.groupName } : null;
  }, [params.groupId]);

  const refreshAll = useCallback(async () => {
    const fresh = await loadMe();
    if (!fresh?.community) return;
    const staff = fresh.roles.includes('social_worker') || fresh.roles.includes('admin');
    const b = await findBooker(staff);
    setBooker(b);
    await Promise.all([loadRooms(fresh.community.id), loadBookings(b, staff, fresh.community.id)]);
  }, [loadMe, findBooker, loadRooms, loadBookings]);

  useFreshOnShow(refreshAll);
  useEffect(() => {
    void loadCalendar();
  }, [loadCalendar]);
  usePullDownRefresh(() => {
    void Promise.all([refreshAll(), loadCalendar()]).finally(() => Taro.stopPullDownRefresh());
  });

  const pickFree = (block: TBlock) => {
    if (!booker) {
      void Taro.showModal({ title: '不能预约', content: '只有已备案组织的负责人、副负责人和社区社工可以预约活动室。', showCancel: false, confirmText: '知道了' });
      return;
    }
    const end = Math.min(block.endAt, block.startAt + 2 * 3_600_000);
    setForm((f) => ({ ...f, eventId: '', startTime: chinaTime(block.startAt), endTime: chinaTime(end) }));
    setBookErrors({});
    const dayStart = chinaDayStart(block.startAt);
    setPicked({ dayStart });
    setDayEvents([]);
    // The group's own events that day, to carry one (its place becomes the room).
    if (booker.groupId) {
      api.events
        .groupEvents({ groupId: booker.groupId, when: 'upcoming' })
        .then(({ items }) =>
          setDayEvents(
            items
              .filter((e) => e.status === 'scheduled' && chinaDayStart(e.startAt) === dayStart && chinaDayStart(e.endAt) === dayStart)
              .map((e) => ({ id: e.id, title: e.title, startTime: chinaTime(e.startAt), endTime: chinaTime(e.endAt) })),
          ),
        )
        .catch(() => undefined);
    }
  };

  const submitBooking = async () => {
    if (!picked || !booker || sending) return;
    const date = chinaDate(picked.dayStart);
    const startAt = fromChina(date, form.startTime);
    const endAt = fromChina(date, form.endTime);
    const problems: Record<string, string> = {};
    if (form.title.trim().length < 2) problems.title = '请写明用途（至少2个字）';
    if (!(endAt > startAt)) problems.time = '结束时间需晚于开始时间';
    const weeks = Number(form.weeks.trim() || '1');
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > 20) problems.weeks = '周数请填写1到20';
    if (Object.keys(problems).length > 0) return setBookErrors(problems);
    setSending(true);
    setBookErrors({});
    try {
      const { booking } = await api.base.book({
        requestId: requestId.current,
        roomId,
        groupId: booker.groupId,
        title: form.title.trim(),
        startAt,
        endAt,
        weeks,
        ...(form.eventId ? { eventId: form.eventId } : {}),
      });
      requestId.current = mintRequestId();
      setPicked(null);
      void Taro.showToast({ title: booking.status === 'pending' ? '已提交，等待审批' : '预约成功', icon: 'success' });
      await Promise.all([loadCalendar(), loadBookings(booker, isStaff, communityId)]);
    } catch (err) {
      if (isApiError(err) && Object.keys(err.fields).length > 0 && !err.fields.roomId) setBookErrors(err.fields);
      else setBookErrors({ _: errorMessage(err) });
    } finally {
      setSending(false);
    }
  };

  const cancelBooking = async (b: Pick<TBooking, 'id' | 'title' | 'ranges'>) => {
    const { confirm } = await Taro.showModal({ title: '取消预约', content: `取消「${b.title}」的预约？${b.ranges.length > 1 ? `全部${b.ranges.length}次都会释放，` : ''}别人就可以预约这段时间了。`, confirmText: '取消预约', cancelText: '不取消' });
    if (!confirm) return;
    setBusyId(b.id);
    try {
      await api.base.cancelBooking({ bookingId: b.id });
      void Taro.showToast({ title: '已取消，时间已释放', icon: 'success' });
      await Promise.all([loadCalendar(), loadBookings(booker, isStaff, communityId)]);
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 3000 });
    } finally {
      setBusyId(null);
    }
  };

  const decide = async (b: TBooking, decision: 'approve' | 'decline') => {
    if (decision === 'decline') {
      const { confirm } = await Taro.showModal({ title: '不同意这次预约', content: `不同意「${b.holderName}」的预约？时间会被释放。`, confirmText: '不同意', cancelText: '再想想' });
      if (!confirm) return;
    }
    setBusyId(b.id);
    try {
      await api.base.decideBooking({ bookingId: b.id, decision });
      await Promise.all([loadCalendar(), loadBookings(booker, isStaff, communityId)]);
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 3000 });
    } finally {
      setBusyId(null);
    }
  };

  if (!me) return meError ? <ErrorState message={meError} onRetry={() => void loadMe()} /> : <Loading />;
  if (!me.community) return <EmptyState text='请先在「社团」页选择您所在的社区' />;
  if (!bases) return roomsError ? <ErrorState message={roomsError} onRetry={() => void loadRooms(communityId)} /> : <Loading />;
  if (rooms.length === 0) return <EmptyState id='rooms-empty' text='本社区还没有孵化基地的活动室' />;

  const current = rooms.find((r) => r.room.id === roomId) ?? rooms[0]!;
  const room = current.room;
  const days = cal && cal.room.id === room.id ? layoutDays(cal.room, cal.from, cal.days, cal.entries, Date.now()) : null;
  const step = view === 'week' ? 7 * DAY_MS : DAY_MS;

  return (
    <View className='page rooms'>
      <View id='room-chips' className='chips room-chips' role='radiogroup'>
        {rooms.map(({ room: r }) => (
          <View key={r.id} id={`room-${r.id}`} data-name={r.name} role='radio' aria-checked={r.id === room.id} className={r.id === room.id ? 'chip chip--active' : 'chip'} onClick={() => setRoomId(r.id)}>
            {r.name}
          </View>
        ))}
      </View>
      <View id='room-facts' className='card room__facts'>
        <View className='card__title'>
          {current.baseName} · {room.name}
        </View>
        <View>可容纳 {room.capacity} 人{room.needsApproval ? '；预约需社工审批' : ''}</View>
        <View>设备：{room.equipment.length > 0 ? room.equipment.join('、') : '无'}</View>
        <View>
          开放：{hoursText(room.hours)}
        </View>
        {booker ? <View className='muted'>您为「{booker.name}」预约：点下面绿色的「空闲」时间。</View> : null}
      </View>

      <View className='chips' role='radiogroup'>
        <View id='cal-view-day' role='radio' aria-checked={view === 'day'} className={view === 'day' ? 'chip chip--active' : 'chip'} onClick={() => setView('day')}>
          按天看
        </View>
        <View id='cal-view-week' role='radio' aria-checked={view === 'week'} className={view === 'week' ? 'chip chip--active' : 'chip'} onClick={() => setView('week')}>
          按周看
        </View>
      </View>
      <View className='cal__nav'>
        <Button id='btn-cal-prev' className='btn btn--ghost cal__nav-btn' onClick={() => setAnchor(from - step)}>
          ‹ {view === 'week' ? '上周' : '前一天'}
        </Button>
        <View id='cal-range' className='cal__range'>
          {view === 'week' ? `${dayLabel(from).split(' ')[0]}起一周` : dayLabel(from)}
        </View>
        <Button id='btn-cal-next' className='btn btn--ghost cal__nav-btn' onClick={() => setAnchor(from + step)}>
          {view === 'week' ? '下周' : '后一天'} ›
        </Button>
      </View>
      <View className='cal__legend'>时间均为北京时间。蓝色：已被占用；黄色：待审批；绿色虚线：空闲，点一下预约。</View>

      {calError ? <ErrorState message={calError} onRetry={() => void loadCalendar()} /> : null}
      {!days ? (
        calLoading ? <Loading /> : null
      ) : (
        <View id='room-calendar' data-from={String(from)}>
          {days.map((d) => (
            <View key={d.dayStart} id={`cal-day-${chinaDate(d.dayStart)}`} className='card cal__day'>
              <View className='cal__day-title'>{d.label}</View>
              {d.closed ? <View className='cal__day-closed'>不开放</View> : null}
              {!d.closed && d.blocks.length === 0 ? <View className='cal__day-closed'>今天已过开放时间</View> : null}
              {d.blocks.map((b) =>
                b.kind === 'busy' ? (
                  <View
                    key={`b${b.startAt}`}
                    className='cal-slot cal-slot--busy'
                    data-kind={b.entry.kind}
                    role={b.entry.manageable && b.entry.bookingId ? 'button' : undefined}
                    onClick={() => {
                      // One's own booking (or, for staff, any of the community's): tap to cancel it from the calendar.
                      const found = bookings.concat(pending).find((x) => x.id === b.entry.bookingId);
                      if (b.entry.manageable && b.entry.bookingId) void cancelBooking(found ?? { id: b.entry.bookingId, title: b.entry.title ?? b.entry.holderName, ranges: [b] });
                    }}
                  >
                    <View className='cal-slot__time'>{timeRange(b.startAt, b.endAt)}</View>
                    <View className='cal-slot__what'>
                      {KIND_TEXT[b.entry.kind]}·{b.entry.holderName}
                      {b.entry.title ? `：${b.entry.title}` : ''}
                      {b.entry.manageable && b.entry.bookingId ? '（点此取消）' : ''}
                    </View>
                  </View>
                ) : (
                  <View key={`f${b.startAt}`} id={`free-${chinaDate(b.startAt)}-${chinaTime(b.startAt).replace(':', '')}`} role='button' className='cal-slot cal-slot--free' onClick={() => pickFree(b)}>
                    <View className='cal-slot__time'>{timeRange(b.startAt, b.endAt)}</View>
                    <View className='cal-slot__what'>空闲{booker ? '，点此预约' : ''}</View>
                  </View>
                ),
              )}
            </View>
          ))}
        </View>
      )}

      {isStaff && pending.length > 0 ? (
        <>
          <View className='section-title'>待审批的预约</View>
          <Bookings id='pending-bookings' items={pending} busyId={busyId} decide={(b, d) => void decide(b, d)} />
        </>
      ) : null}
      {bookings.length > 0 ? (
        <>
          <View className='section-title'>{booker?.groupId ? `${booker.name}的预约` : '社区的预约'}</View>
          <Bookings id='my-bookings' items={bookings} busyId={busyId} cancel={(b) => void cancelBooking(b)} />
        </>
      ) : null}

      {picked && booker ? (
        <BookSheet
          events={dayEvents}
          roomName={room.name}
          dayText={dayLabel(picked.dayStart)}
          forName={booker.name}
          needsApproval={room.needsApproval && !isStaff}
          form={form}
          errors={bookErrors}
          sending={sending}
          onChange={(patch) => {
            // Moving the time by hand lets go of the event (its time is the event's).
            setForm((f) => ({ ...f, ...patch, ...(('startTime' in patch || 'endTime' in patch) && !('eventId' in patch) ? { eventId: '' } : {}) }));
            setBookErrors({});
          }}
          onSubmit={() => void submitBooking()}
          onCancel={() => setPicked(null)}
        />
      ) : null}
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function RoomsPage() {
  return (
    <PageShell>
      <RoomsPageBody />
    </PageShell>
  );
}
