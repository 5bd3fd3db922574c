import type { TEventsFunction } from '../../../types/events';
import { forbidden, invalidState, notFound } from '../app-error';
import { C, type TEventDoc, type TEventRecordDoc } from '../collections';
import { checkPublicText } from '../content';
import type { TActionImpl } from '../dispatch';
import { authed, type TAuthedContext } from '../guards';
import { loadEventAccess, type TEventAccess } from './access';
import { toEventDetail } from './detail-view';
import { runsEventInTx } from './host-access';
import { checkRecordPhotos } from './photos';
import { bumpEventStats, volunteerMinutesPerAttendance } from './stats';

type TImpl = TActionImpl<TEventsFunction['actions']>;

export const RECORD_MESSAGES = {
  cancelled: '已取消的活动不能填写活动记录',
  notStarted: '活动开始后才能填写活动记录',
} as const;

function recordProblem(event: TEventDoc, now: number): string | null {
  if (event.status === 'cancelled') return RECORD_MESSAGES.cancelled;
  if (now < event.startAt) return RECORD_MESSAGES.notStarted;
  return null;
}

/**
 * Writes (or replaces) an event's record and moves the counters by the difference, in one transaction over the
 * event and the stat documents: the first record counts the event as held; attendance is the event's
 * checked-in count (codes and hand marks); volunteer minutes are attendance × duration for volunteer events.
 * Allowed from the start on, so a leader can record at the close. Everything that can refuse (who, when, the
 * summary's content, each photo) is checked before anything is written.
 */
export async function saveRecord(
  ctx: TAuthedContext,
  { eventId, summary, photos }: { eventId: string; summary: string; photos: string[] },
): Promise<TEventAccess> {
  // Read as the event page reads it (event, user, own registration, host memberships): the same access answers.
  const access = await loadEventAccess(ctx, eventId);
  const before = access.event;
  if (!access.canManage) throw forbidden();
  const problem = recordProblem(before, ctx.clock.now());
  if (problem) throw invalidState(problem);
  await checkPublicText(ctx, [['summary', summary]], 'social');
  await checkRecordPhotos(ctx, photos, before.record?.photos ?? []);

  const { event, replaced } = await ctx.store.transaction(async (tx) => {
    const current = await tx.get<TEventDoc>(C.events, eventId);
    if (!current) throw notFound();
    if (!(await runsEventInTx(tx, ctx, current))) throw forbidden();
    const now = ctx.clock.now();
    const again = recordProblem(current, now);
    if (again) throw invalidState(again);
    const attendance = current.checkedInCount;
    const record: TEventRecordDoc = {
      summary,
      photos,
      attendance,
      volunteerMinutes: attendance * volunteerMinutesPerAttendance(current),
      recordedAt: now,
      recordedBy: ctx.caller.openid,
    };
    const old = current.record;
    await tx.update(C.events, eventId, { record });
    await bumpEventStats(tx, current, {
      eventsHeld: old ? 0 : 1,
      attendances: record.attendance - (old?.attendance ?? 0),
      volunteerMinutes: record.volunteerMinutes - (old?.volunteerMinutes ?? 0),
    });
    return { event: { ...current, record }, replaced: (old?.photos ?? []).filter((p) => !photos.includes(p)) };
  });
  // Photos the new record dropped: after the commit, so a rolled-back record never loses its photos.
  await ctx.files.remove(replaced);
  return { ...access, event };
}

export const recordEvent: TImpl['record'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  // The event page with the record in it: the same projection as `detail`, from what was just written.
  return { event: await toEventDetail(ctx, await saveRecord(ctx, input)) };
};
