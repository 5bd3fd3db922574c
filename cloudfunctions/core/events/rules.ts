import { EVENT_LIMITS } from '../../../types/events';
import { formatNoticeTime } from '../../../types/notices';
import type { TEventDoc, TUserDoc } from '../collections';

/** Who may sign up, and until when: the sentences a refused person reads, shared by signUp, detail and the list. */

const HOUR = 3_600_000;

/** Why sign-up is closed for everyone right now, or null while it is open. */
export function closedReason(e: Pick<TEventDoc, 'status' | 'startAt' | 'signupDeadline' | 'courseId'>, now: number): string | null {
  if (e.status === 'cancelled') return '活动已取消，不能报名';
  if (e.courseId) return '这是课程中的一节课，请到课程页面报名整门课程';
  if (now >= e.startAt) return '活动已开始，报名已结束';
  if (now > e.signupDeadline) return `报名已于${formatNoticeTime(e.signupDeadline)}截止`;
  return null;
}

/** Why this person may not sign up to this event's audience, or null if they may. */
export function audienceRefusal(
  e: Pick<TEventDoc, 'audience' | 'communityId' | 'communityName'>,
  who: { user: TUserDoc | null; isHostMember: boolean },
): string | null {
  if (e.audience === 'members' && !who.isHostMember) return '本活动仅限主办组织的成员报名，可先在组织页面申请加入';
  if (e.audience === 'community') {
    if (!who.user?.communityId) return '本活动仅限本社区居民报名，请先在「我的」页面选择您所在的社区';
    if (who.user.communityId !== e.communityId) return `本活动仅限${e.communityName}居民报名`;
  }
  return null;
}

export const WAITLIST_FULL = `名额已满，候补也已满（${EVENT_LIMITS.waitlist}人），请关注其他活动`;

/** Cancelling a place this close to the start is allowed, and recorded as late. */
export function isLateCancel(e: Pick<TEventDoc, 'startAt'>, now: number): boolean {
  return e.startAt - now < EVENT_LIMITS.lateCancelHours * HOUR;
}

/** Check-in is open from shortly before the start until the end (the code itself is the other engineer's). */
export function checkInOpen(e: Pick<TEventDoc, 'status' | 'startAt' | 'endAt'>, now: number): boolean {
  return e.status === 'scheduled' && now >= e.startAt - EVENT_LIMITS.checkInOpensMinutes * 60_000 && now <= e.endAt;
}

/**
 * Lists show events until they end (one in progress is still where its attendees look for it): the query reads
 * from this far back by start and the use case drops those already over.
 */
export const RUNNING_LOOKBACK_MS = EVENT_LIMITS.maxHours * HOUR;
