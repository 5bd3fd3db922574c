import { formatNoticeTime } from '../../../types/notices';
import { C, type TEventDoc, type TRegistrationDoc } from '../collections';
import type { TNotice } from '../context';
import type { TAuthedContext } from '../guards';

/**
 * What happens after an event's transaction commits and reaches many registrations: notices to everyone holding
 * or waiting for a place, and the registrations' copy of the start time (the sort key of 我的活动). Neither can
 * run inside the transaction (it cannot query), and neither may undo it: a notice never fails the action, and a
 * copy that lags shows the event's own time anyway, because every view reads the event.
 */
const PAGE = 100;
const CAS_TRIES = 3;

/** Every registration of the event, page by page through the registrations_event index. */
async function* registrationsOf(ctx: TAuthedContext, eventId: string): AsyncGenerator<TRegistrationDoc> {
  let cursor: string | undefined;
  do {
    const page = await ctx.store.collection<TRegistrationDoc>(C.registrations).find({
      where: { eventId },
      orderBy: [['registeredAt', 'asc']],
      limit: PAGE,
      cursor,
    });
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

const holdsOrWaits = (r: TRegistrationDoc) => r.status === 'registered' || r.status === 'waitlisted';

export const eventPage = (eventId: string) => `/package-event/pages/detail/index?id=${eventId}`;

/**
 * Tells everyone registered or waitlisted (who has WeChat: 代报名 elders are phoned by the hosts), except `skip`.
 * Also refreshes their start-time copy when `startAtChanged`.
 */
export async function tellRegistrants(
  ctx: TAuthedContext,
  event: TEventDoc,
  notice: (to: string) => TNotice,
  options: { skip?: ReadonlySet<string>; startAtChanged?: boolean } = {},
): Promise<void> {
  // Nobody holds or waits for a place: no one to tell, and a cancelled registration's start copy is rewritten
  // when its person signs up again (and 我的活动 never lists it meanwhile).
  if (event.registeredCount === 0 && event.waitlist.length === 0) return;
  for await (const r of registrationsOf(ctx, event._id)) {
    if (options.startAtChanged && r.startAt !== event.startAt) await refreshStartAt(ctx, r, event.startAt);
    if (!holdsOrWaits(r) || !r.openid || options.skip?.has(r._id)) continue;
    await ctx.notifier.send(notice(r.openid));
  }
}

/** Compare-and-set on the registration's version: a sign-up racing this write wins, and is read again. */
async function refreshStartAt(ctx: TAuthedContext, first: TRegistrationDoc, startAt: number): Promise<void> {
  const regs = ctx.store.collection<TRegistrationDoc>(C.registrations);
  let current: TRegistrationDoc | null = first;
  for (let i = 0; i < CAS_TRIES && current && current.startAt !== startAt; i++) {
    if (await regs.updateIfVersion(current._id, current.version, { startAt })) return;
    current = await regs.get(current._id);
  }
}

/** The person promoted from the waitlist, after the commit that gave them the place. */
export async function tellPromoted(ctx: TAuthedContext, event: TEventDoc, promoted: TRegistrationDoc[]): Promise<void> {
  for (const r of promoted) {
    if (!r.openid) continue;
    await ctx.notifier.send({
      to: r.openid,
      kind: 'event_promoted',
      title: '候补成功',
      body: `您已从候补转为正式报名：「${event.title}」，${formatNoticeTime(event.startAt)}，${event.place}`,
      page: eventPage(event._id),
      data: { eventTitle: event.title, startAt: event.startAt, place: event.place, result: '候补成功' },
    });
  }
}
