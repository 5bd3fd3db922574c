import type { TEventsFunction } from '../../../types/events';
import { C, type TEventDoc, type TMembershipDoc, type TRegistrationDoc, type TStatDoc, type TUserDoc } from '../collections';
import type { TActionImpl } from '../dispatch';
import { authed, type TAuthedContext } from '../guards';
import { loadEventAccess } from './access';
import { toEventDetail } from './detail-view';
import { registrationIdFor } from './registration-id';
import { myRegistrationView } from './registration-views';
import { audienceRefusal, closedReason, RUNNING_LOOKBACK_MS } from './rules';
import { PAGE_SIZE, scanPages } from './scan';
import { seatFor } from './seats';
import { personStatId } from './stats';
import { toEventCard } from './views';

type TImpl = TActionImpl<TEventsFunction['actions']>;

const WEEK_MS = 7 * 86_400_000;
/** A person belongs to few groups; more than this many memberships are not considered for 我能报名的. */
const MEMBERSHIPS_READ = 100;

const holds = (r: TRegistrationDoc | undefined) => r?.status === 'registered' || r?.status === 'waitlisted';

/**
 * The rows of one index page the caller may sign up to now: open, for their audience, with a place or a place in
 * line, and not already theirs. Reads their registrations for the page's candidates by id (one request).
 */
function eligibleFilter(ctx: TAuthedContext, user: TUserDoc | null, myGroups: Set<string>) {
  return async (events: TEventDoc[]): Promise<TEventDoc[]> => {
    const now = ctx.clock.now();
    const open = events.filter(
      (e) =>
        closedReason(e, now) === null &&
        seatFor(e) !== 'full' &&
        audienceRefusal(e, { user, isHostMember: e.hostGroupIds.some((g) => myGroups.has(g)) }) === null,
    );
    if (open.length === 0) return [];
    const ids = open.map((e) => registrationIdFor(e._id, ctx.caller.openid));
    const mine = await ctx.store.collection<TRegistrationDoc>(C.registrations).find({ where: { _id: { in: ids } }, limit: ids.length });
    const byEvent = new Map(mine.items.map((r) => [r.eventId, r]));
    return open.filter((e) => !holds(byEvent.get(e._id)));
  };
}

/**
 * The 活动 tab: a community's events that have not ended, soonest first (index events_community_start); 本周 is
 * those starting within 7 days; 我能报名的 keeps only what the caller may sign up to now. Cancelled events stay
 * listed (marked 已取消) except under 我能报名的.
 */
export const listEvents: TImpl['list'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const now = ctx.clock.now();
  const filter = input.filter ?? 'all';
  const startAt = filter === 'week' ? { gte: now - RUNNING_LOOKBACK_MS, lt: now + WEEK_MS } : { gte: now - RUNNING_LOOKBACK_MS };
  const events = ctx.store.collection<TEventDoc>(C.events);
  const read = (limit: number, cursor: string | undefined) =>
    events.find({ where: { communityId: input.communityId, startAt }, orderBy: [['startAt', 'asc']], limit, cursor });

  let keep = (rows: TEventDoc[]): TEventDoc[] | Promise<TEventDoc[]> => rows.filter((e) => e.endAt > now);
  if (filter === 'eligible') {
    const [user, memberships] = await Promise.all([
      ctx.store.collection<TUserDoc>(C.users).get(ctx.caller.openid),
      ctx.store.collection<TMembershipDoc>(C.memberships).find({
        where: { openid: ctx.caller.openid },
        orderBy: [['updatedAt', 'desc']],
        limit: MEMBERSHIPS_READ,
      }),
    ]);
    const myGroups = new Set(memberships.items.filter((m) => m.status === 'active').map((m) => m.groupId));
    const eligible = eligibleFilter(ctx, user, myGroups);
    keep = (rows) => eligible(rows.filter((e) => e.endAt > now));
  }
  const page = await scanPages(read, keep, input.cursor);
  return { items: page.items.map(toEventCard), nextCursor: page.nextCursor };
};

export { groupEvents } from './group-events';

/** The event page: the event, the caller's registration and place in line, what they may do, the record. */
export const eventDetail: TImpl['detail'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  return { event: await toEventDetail(ctx, await loadEventAccess(ctx, input.eventId)) };
};

const MINE_WHERE = {
  upcoming: { status: 'registered' },
  waitlisted: { status: 'waitlisted' },
  attended: { attended: true },
} as const;

/**
 * 我的活动 from the caller's registrations (indexes registrations_person_status / _attended, on the start time
 * copied onto each registration): 已报名 and 候补中 until the event ends, soonest first; 已参加 latest first. The
 * events are read by id for each page; volunteer hours come from the person's counter (0 before any).
 */
export const myEvents: TImpl['mine'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const now = ctx.clock.now();
  const attended = input.tab === 'attended';
  const regs = ctx.store.collection<TRegistrationDoc>(C.registrations);
  const read = (limit: number, cursor: string | undefined) =>
    regs.find({
      where: { openid: ctx.caller.openid, ...MINE_WHERE[input.tab], ...(attended ? {} : { startAt: { gte: now - RUNNING_LOOKBACK_MS } }) },
      orderBy: [['startAt', attended ? 'desc' : 'asc']],
      limit,
      cursor,
    });
  const withEvents = async (rows: TRegistrationDoc[]) => {
    if (rows.length === 0) return [];
    const ids = [...new Set(rows.map((r) => r.eventId))];
    const found = await ctx.store.collection<TEventDoc>(C.events).find({ where: { _id: { in: ids } }, limit: ids.length });
    const byId = new Map(found.items.map((e) => [e._id, e]));
    return rows.flatMap((r) => {
      const event = byId.get(r.eventId);
      if (!event || (!attended && event.endAt <= now)) return [];
      return [{ event: toEventCard(event), registration: myRegistrationView(event, r) }];
    });
  };
  const [page, stats] = await Promise.all([
    scanPages(read, withEvents, input.cursor),
    ctx.store.collection<TStatDoc>(C.stats).get(personStatId(ctx.caller.openid)),
  ]);
  return { items: page.items, nextCursor: page.nextCursor, volunteerHours: Math.round((stats?.volunteerMinutes ?? 0) / 6) / 10 };
};

