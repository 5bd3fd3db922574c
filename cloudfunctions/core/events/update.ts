import type { z } from 'zod';
import { eventTimesProblems, type TEventsFunction, type ZUpdateEvent } from '../../../types/events';
import { formatNoticeTime } from '../../../types/notices';
import { forbidden, invalidFields, invalidState, notFound } from '../app-error';
import { C, type TEventDoc } from '../collections';
import { checkPublicText } from '../content';
import type { TActionImpl } from '../dispatch';
import { authed } from '../guards';
import { loadEventAccess } from './access';
import { toEventDetail } from './detail-view';
import { eventPage, tellPromoted, tellRegistrants } from './fanout';
import { runsEventInTx } from './host-access';
import { promote } from './seats';
import { promoteInTx } from './signup';

type TImpl = TActionImpl<TEventsFunction['actions']>;
type TUpdate = z.output<typeof ZUpdateEvent>;

const TIME_FIELDS = ['startAt', 'endAt', 'signupDeadline'] as const;

/**
 * Time rules on the event as it would be after the edit. A time the manager did not touch is not blamed for
 * having passed (the deadline of an event already open for sign-up is usually behind us); a touched one is, and
 * so is any clash between them (a start moved before the deadline names the deadline, which must move too).
 */
function timeProblems(event: TEventDoc, input: TUpdate, now: number): Record<string, string> {
  const merged = { startAt: input.startAt ?? event.startAt, endAt: input.endAt ?? event.endAt, signupDeadline: input.signupDeadline ?? event.signupDeadline };
  const problems = eventTimesProblems(merged, now);
  if (input.startAt === undefined) delete problems.startAt;
  if (input.signupDeadline === undefined && merged.signupDeadline <= now) delete problems.signupDeadline;
  if (!TIME_FIELDS.some((f) => input[f] !== undefined)) return {};
  return problems;
}

/** What a registrant is told changed, in words (time and/or place). */
function changeWords(before: TEventDoc, after: TEventDoc): string | null {
  const parts: string[] = [];
  if (before.startAt !== after.startAt || before.endAt !== after.endAt) parts.push(`时间改为${formatNoticeTime(after.startAt)}`);
  if (before.place !== after.place) parts.push(`地点改为${after.place}`);
  return parts.length ? parts.join('，') : null;
}

/**
 * Edits one date (a series' other dates stay as they are). Decided on the event and the caller's role as read in
 * the transaction: a started or cancelled event is not edited; capacity cannot drop below those already
 * registered; raising it gives the new places to the waitlist in the same transaction. After the commit, a change
 * of time or place is told to everyone registered or waitlisted, and the promoted hear they have a place.
 */
export const updateEvent: TImpl['update'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  await checkPublicText(ctx, [
    ['title', input.title ?? ''],
    ['description', input.description ?? ''],
    ['place', input.place ?? ''],
  ]);
  const { before, after, promoted } = await ctx.store.transaction(async (tx) => {
    const now = ctx.clock.now();
    const before = await tx.get<TEventDoc>(C.events, input.eventId);
    if (!before) throw notFound();
    if (!(await runsEventInTx(tx, ctx, before))) throw forbidden();
    if (before.status === 'cancelled') throw invalidState('活动已取消，不能再修改');
    if (now >= before.startAt) throw invalidState('活动已开始，不能再修改；结束后可以填写活动记录');
    const problems = timeProblems(before, input, now);
    const capacity = input.capacity === undefined ? before.capacity : input.capacity;
    if (capacity !== null && capacity < before.registeredCount) {
      problems.capacity = `已有${before.registeredCount}人报名，人数上限不能少于${before.registeredCount}人`;
    }
    // Attendance already counted volunteer minutes for this duration (events/stats.ts): the times stay as they were.
    const movesTimes = (input.startAt ?? before.startAt) !== before.startAt || (input.endAt ?? before.endAt) !== before.endAt;
    if (before.checkedInCount > 0 && movesTimes) problems.startAt = '已有人签到，不能再修改活动时间；如需调整请取消后重新发起';
    // A booked room holds the old time (docs/base.md): moving the time or the place would leave its slots behind.
    const heldBy = before.courseId ? '这是课程的一次课，房间随课程预订：不能单独改时间或地点，如需调整，请取消这一次课' : null;
    if (before.roomId && movesTimes) problems.startAt = heldBy ?? '这个活动预订了房间：要改时间，请先取消房间预订，改好后再重新预订';
    if (before.roomId && input.place !== undefined && input.place !== before.place) problems.place = heldBy ?? '这个活动的地点是预订的房间：要换地点，请先取消房间预订';
    if (Object.keys(problems).length > 0) throw invalidFields(problems);

    const { eventId: _id, ...fields } = input;
    const { promoted: ids, seats } = promote({ capacity, registeredCount: before.registeredCount, waitlist: before.waitlist });
    const patch = { ...fields, capacity, registeredCount: seats.registeredCount, waitlist: seats.waitlist };
    const promoted = await promoteInTx(tx, ids, now);
    await tx.update(C.events, before._id, patch);
    return { before, after: { ...before, ...patch } as TEventDoc, promoted };
  });

  await tellPromoted(ctx, after, promoted);
  const change = changeWords(before, after);
  if (change) {
    await tellRegistrants(
      ctx,
      after,
      (to) => ({
        to,
        kind: 'event_changed',
        title: '活动有变更',
        body: `「${after.title}」${change}`,
        page: eventPage(after._id),
        data: { eventTitle: after.title, startAt: after.startAt, place: after.place, change },
      }),
      { skip: new Set(promoted.map((r) => r._id)), startAtChanged: before.startAt !== after.startAt },
    );
  }
  return { event: await toEventDetail(ctx, await loadEventAccess(ctx, after)) };
};
