import type { TEventAudience, TEventDetail } from '../../../../types';
import { chinaDate, chinaTime, DAY_MS, fromChina } from '../../../lib/china-time';

/** The form as typed and picked: China-time dates and times, numbers as text until sent. */
export interface TEventForm {
  title: string;
  description: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  place: string;
  capacity: string;
  unlimited: boolean;
  deadlineDate: string;
  deadlineTime: string;
  /** The deadline follows the start until the manager picks one. */
  deadlineTouched: boolean;
  audience: TEventAudience;
  isVolunteer: boolean;
  coHostGroupId: string | null;
  coHostName: string;
  repeat: boolean;
  weeks: string;
}

/** Tomorrow 09:00–11:00, 20 places, sign-up until the start: what most activities of the base look like. */
export function emptyEventForm(now: number, audience: TEventAudience): TEventForm {
  const day = chinaDate(now + DAY_MS);
  return {
    title: '',
    description: '',
    startDate: day,
    startTime: '09:00',
    endDate: day,
    endTime: '11:00',
    place: '',
    capacity: '20',
    unlimited: false,
    deadlineDate: day,
    deadlineTime: '09:00',
    deadlineTouched: false,
    audience,
    isVolunteer: false,
    coHostGroupId: null,
    coHostName: '',
    repeat: false,
    weeks: '8',
  };
}

export function formFromEvent(e: TEventDetail): TEventForm {
  return {
    title: e.title,
    description: e.description,
    startDate: chinaDate(e.startAt),
    startTime: chinaTime(e.startAt),
    endDate: chinaDate(e.endAt),
    endTime: chinaTime(e.endAt),
    place: e.place,
    capacity: e.capacity === null ? '' : String(e.capacity),
    unlimited: e.capacity === null,
    deadlineDate: chinaDate(e.signupDeadline),
    deadlineTime: chinaTime(e.signupDeadline),
    deadlineTouched: true,
    audience: e.audience,
    isVolunteer: e.isVolunteer,
    coHostGroupId: null,
    coHostName: '',
    repeat: false,
    weeks: '8',
  };
}

/** A change of start moves the end by the same amount and, until picked by hand, the deadline with it. */
export function applyEventChange(form: TEventForm, patch: Partial<TEventForm>): TEventForm {
  const next = { ...form, ...patch };
  if (patch.startDate !== undefined || patch.startTime !== undefined) {
    const before = fromChina(form.startDate, form.startTime);
    const after = fromChina(next.startDate, next.startTime);
    const end = fromChina(form.endDate, form.endTime);
    if (Number.isFinite(before) && Number.isFinite(after) && Number.isFinite(end)) {
      const moved = end + (after - before);
      next.endDate = chinaDate(moved);
      next.endTime = chinaTime(moved);
    }
    if (!form.deadlineTouched) {
      next.deadlineDate = next.startDate;
      next.deadlineTime = next.startTime;
    }
  }
  if (patch.deadlineDate !== undefined || patch.deadlineTime !== undefined) next.deadlineTouched = true;
  return next;
}

export interface TEventTimes {
  startAt: number;
  endAt: number;
  signupDeadline: number;
}

export function timesOf(form: TEventForm): TEventTimes {
  return {
    startAt: fromChina(form.startDate, form.startTime),
    endAt: fromChina(form.endDate, form.endTime),
    signupDeadline: fromChina(form.deadlineDate, form.deadlineTime),
  };
}

/** Capacity as the contract wants it: a whole number, or null for 不限人数; undefined when not a number yet. */
export function capacityOf(form: TEventForm): number | null | undefined {
  if (form.unlimited) return null;
  const t = form.capacity.trim();
  return /^\d{1,6}$/.test(t) ? Number(t) : undefined;
}

/** Which form row shows a server field error (`repeat.weeks` → `repeat`). */
export function rowOf(path: string): string {
  const head = path.split('.')[0] ?? '_';
  if (head === 'groupId' || head === 'communityId' || head === 'requestId' || head === 'eventId') return '_';
  return head;
}
