import { DAY_MS, chinaDayStart, type TCalendarEntry } from '../../../types/base';
import type { TBaseFunction } from '../../../types/base';
import { notFound } from '../app-error';
import { C, type TUserDoc } from '../collections';
import type { TActionImpl } from '../dispatch';
import { authed, reviewsCommunity } from '../guards';
import type { TRoomDoc, TRoomSlotDoc } from './docs';
import { titleIsPublic } from './slots';
import { toRoom } from './views';

type TImpl = TActionImpl<TBaseFunction['actions']>;

/** A week of 30-minute ranges is at most 336 heads: four pages. */
const MAX_PAGES = 4;

async function headsBetween(ctx: Parameters<TImpl['calendar']>[0], roomId: string, from: number, to: number): Promise<TRoomSlotDoc[]> {
  const heads: TRoomSlotDoc[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const found = await ctx.store.collection<TRoomSlotDoc>(C.roomslots).find({
      where: { roomId, head: true, unitStart: { gte: from, lt: to } },
      orderBy: [['unitStart', 'asc']],
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    heads.push(...found.items);
    if (!found.nextCursor) break;
    cursor = found.nextCursor;
  }
  return heads;
}

/**
 * A room's day or week at a glance (anyone): each claimed range with its holder's name; the title of an event or
 * a course (public anyway) and of the community's own use; a group's own booking shows the group's name alone
 * unless the caller is staff of the room's community. Three reads side by side (room, claimed ranges, caller).
 */
export const roomCalendar: TImpl['calendar'] = async (rawCtx, { roomId, from, days }) => {
  const ctx = authed(rawCtx);
  const start = chinaDayStart(from);
  const [room, heads, user] = await Promise.all([
    ctx.store.collection<TRoomDoc>(C.rooms).get(roomId),
    headsBetween(ctx, roomId, start, start + days * DAY_MS),
    ctx.store.collection<TUserDoc>(C.users).get(ctx.caller.openid),
  ]);
  if (!room) throw notFound();
  const staff = await reviewsCommunity(ctx, user, room.communityId);
  const entries: TCalendarEntry[] = heads.map((s) => ({
    startAt: s.rangeStartAt,
    endAt: s.rangeEndAt,
    kind: s.holderKind,
    holderName: s.holderName,
    title: titleIsPublic(s) || staff ? s.title : null,
    manageable: staff,
    bookingId: s.holderId.startsWith('bk_') ? s.holderId : null,
  }));
  return { room: toRoom(room), baseName: room.baseName, from: start, days, entries };
};
