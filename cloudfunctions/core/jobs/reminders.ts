import { formatNoticeTime } from '../../../types/notices';
import { C, type TEventDoc, type TRegistrationDoc, type TReminderDoc } from '../collections';
import type { TNotice, TPorts } from '../context';
import { DuplicateIdError, type TStore } from '../storage/port';

/**
 * Event reminders, sent by the timer-only `jobs` function every 10 minutes (and by the local gateway on an
 * interval). Each registered person gets one reminder before the start:
 * - signed up before 20:00 China time on the evening before the start day: at that evening's 20:00;
 * - signed up later (a same-day event, a late sign-up): 2 hours before the start, or at the next run if that
 *   has passed already.
 * Never twice: a reminder is claimed by inserting a marker with a deterministic id (`rm_<registrationId>`) inside a
 * transaction that also re-reads the registration and the event, and it is sent only after that commits. A late,
 * repeated or concurrent run finds the marker and skips; a run after the start sends nothing for that event.
 * A send that fails after the claim is not retried (at most once is the promise: a second message is worse).
 */
const HOUR = 3_600_000;
const CHINA_OFFSET_MS = 8 * HOUR;
/** The farthest a reminder can be due before the start: 20:00 the evening before a 23:59 start. */
const HORIZON_MS = 28 * HOUR;
export const SAME_DAY_LEAD_MS = 2 * HOUR;
const PAGE = 100;
/** One run looks at this many upcoming events at most; the next run (10 minutes later) carries on from the start. */
const MAX_EVENT_PAGES = 20;

/** 20:00 China time on the day before the day (China time) the event starts. */
export function eveningBefore(startAt: number): number {
  const chinaMidnight = Math.floor((startAt + CHINA_OFFSET_MS) / (24 * HOUR)) * 24 * HOUR - CHINA_OFFSET_MS;
  return chinaMidnight - 4 * HOUR;
}

/** When this registration's reminder is due. */
export function reminderDueAt(startAt: number, registeredAt: number): number {
  const evening = eveningBefore(startAt);
  return registeredAt <= evening ? evening : startAt - SAME_DAY_LEAD_MS;
}

export const reminderIdFor = (registrationId: string) => `rm_${registrationId}`;

export function reminderNotice(event: TEventDoc, openid: string): TNotice {
  return {
    to: openid,
    kind: 'event_reminder',
    title: '活动开始提醒',
    body: `您报名的「${event.title}」将于${formatNoticeTime(event.startAt)}在${event.place}开始，请准时参加。`,
    page: `/package-event/pages/detail/index?id=${event._id}`,
    data: { eventTitle: event.title, startAt: event.startAt, place: event.place },
  };
}

async function* pages<T extends TEventDoc | TRegistrationDoc | TReminderDoc>(
  store: TStore,
  collection: string,
  options: Omit<Parameters<ReturnType<TStore['collection']>['find']>[0], 'cursor' | 'limit'>,
  maxPages = Infinity,
): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  for (let n = 0; n < maxPages; n++) {
    const page = await store.collection<T>(collection).find({ ...options, limit: PAGE, cursor });
    yield page.items;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

/** Claims one reminder; false if it was claimed already or no longer applies. No outside effects (it may be retried). */
async function claim(store: TStore, reg: TRegistrationDoc, now: number): Promise<TEventDoc | null> {
  try {
    return await store.transaction(async (tx) => {
      const current = await tx.get<TRegistrationDoc>(C.registrations, reg._id);
      const event = await tx.get<TEventDoc>(C.events, reg.eventId);
      if (!current || current.status !== 'registered' || !current.openid) return null;
      if (!event || event.status !== 'scheduled' || event.startAt <= now) return null;
      await tx.insert<TReminderDoc>(C.reminders, { _id: reminderIdFor(reg._id), registrationId: reg._id, eventId: reg.eventId, sentAt: now });
      return event;
    });
  } catch (error) {
    if (error instanceof DuplicateIdError) return null; // another run claimed it first
    throw error;
  }
}

export interface TReminderRun {
  events: number;
  sent: number;
}

export async function runReminders(ports: Pick<TPorts, 'store' | 'clock' | 'notifier'>): Promise<TReminderRun> {
  const { store, clock, notifier } = ports;
  const now = clock.now();
  const run: TReminderRun = { events: 0, sent: 0 };
  const upcoming = pages<TEventDoc>(
    store,
    C.events,
    { where: { status: 'scheduled', startAt: { gt: now, lte: now + HORIZON_MS } }, orderBy: [['startAt', 'asc']] },
    MAX_EVENT_PAGES,
  );
  for await (const events of upcoming) {
    for (const event of events) {
      // Nobody's reminder can be due before the earlier of the evening before and two hours before.
      if (now < Math.min(eveningBefore(event.startAt), event.startAt - SAME_DAY_LEAD_MS)) continue;
      run.events++;
      const sent = new Set<string>();
      for await (const items of pages<TReminderDoc>(store, C.reminders, { where: { eventId: event._id }, orderBy: [['_id', 'asc']] })) {
        for (const r of items) sent.add(r.registrationId);
      }
      const registered = pages<TRegistrationDoc>(store, C.registrations, {
        where: { eventId: event._id, status: 'registered' },
        orderBy: [['registeredAt', 'asc']],
      });
      for await (const regs of registered) {
        for (const reg of regs) {
          if (!reg.openid || sent.has(reg._id) || reminderDueAt(event.startAt, reg.registeredAt) > now) continue;
          const claimed = await claim(store, reg, now);
          if (!claimed) continue;
          await notifier.send(reminderNotice(claimed, reg.openid));
          run.sent++;
        }
      }
    }
  }
  return run;
}
