import type { TEventAudience, TEventCard, TMyRegistration } from '../../types';

/**
 * Words for an event's state, shared by the 活动 tab, the event page, 我的活动 and the group page. Values only by
 * `import type` from types/events (the schemas carry zod, which must stay out of the main package), so the few
 * labels and limits are repeated here; types/events.ts is the source (EVENT_AUDIENCE_LABELS, EVENT_LIMITS).
 */
export const AUDIENCE_LABELS: Record<TEventAudience, string> = {
  members: '仅本组织成员',
  community: '本社区居民',
  anyone: '所有人',
};

/** EVENT_LIMITS.lateCancelHours: cancelling later than this before the start is recorded as late. */
export const LATE_CANCEL_HOURS = 2;

export type TPlacesTone = 'open' | 'waitlist' | 'full' | 'cancelled' | 'closed' | 'past';

/** 剩余 3 个名额 / 已满，可报名候补 / 已满 / 已取消 / 报名已截止 / 不限人数, with a tone for its colour. */
export function placesLabel(e: Pick<TEventCard, 'status' | 'capacity' | 'placesLeft' | 'registeredCount' | 'signupDeadline' | 'startAt' | 'endAt'>, now = Date.now()): { text: string; tone: TPlacesTone } {
  if (e.status === 'cancelled') return { text: '已取消', tone: 'cancelled' };
  if (e.endAt <= now) return { text: '已结束', tone: 'past' };
  const closed = e.signupDeadline <= now || e.startAt <= now;
  if (e.capacity === null || e.placesLeft === null) {
    return closed ? { text: '报名已截止', tone: 'closed' } : { text: `不限人数 · 已报名${e.registeredCount}人`, tone: 'open' };
  }
  if (e.placesLeft > 0) return closed ? { text: '报名已截止', tone: 'closed' } : { text: `剩余${e.placesLeft}个名额`, tone: 'open' };
  return closed ? { text: '已满', tone: 'full' } : { text: '已满，可报名候补', tone: 'waitlist' };
}

/** 已报名 / 候补第2位 / 已签到 / 已取消报名. */
export function myRegistrationLabel(r: Pick<TMyRegistration, 'status' | 'waitlistPosition' | 'checkedInAt'>): string {
  if (r.checkedInAt) return '已签到';
  if (r.status === 'registered') return '已报名';
  if (r.status === 'waitlisted') return r.waitlistPosition ? `候补第${r.waitlistPosition}位` : '候补中';
  return '已取消报名';
}
