import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { WEEK_MS, type TBaseFunction, type ZBook } from '../../../types/base';
import { AppError, forbidden, invalidFields, invalidState, notFound } from '../app-error';
import { C, type TEventDoc, type TUserDoc } from '../collections';
import { checkPublicText } from '../content';
import type { TActionImpl } from '../dispatch';
import { authed, type TAuthedContext } from '../guards';
import { requireCovers } from '../scope';
import { managerAccessInTx } from '../groups/access';
import { requestFingerprint } from '../manage/change-filing';
import { RATE_RULES } from '../rate-limit';
import { DuplicateIdError, type TTransaction } from '../storage/port';
import type { TBookingDoc, TRoomDoc } from './docs';
import { asConflict, claimRoom, type TRange } from './slots';
import { ownerKeyFor, toBooking } from './views';
import { moveRoomUse } from '../stats/room-use';

type TImpl = TActionImpl<TBaseFunction['actions']>;
type TBook = z.output<typeof ZBook>;

export const bookingIdFor = (openid: string, requestId: string) =>
  'bk_' + createHash('sha256').update(`${openid}:${requestId}`).digest('hex').slice(0, 24);

/** The dates a booking asks for: `weeks` times the same time, a week apart. */
export const rangesOf = (input: Pick<TBook, 'startAt' | 'endAt' | 'weeks'>): TRange[] =>
  Array.from({ length: input.weeks ?? 1 }, (_, i) => ({ startAt: input.startAt + i * WEEK_MS, endAt: input.endAt + i * WEEK_MS }));

interface THolder {
  groupId: string | null;
  holderName: string;
  bookedByName: string;
  /** A social worker's booking for the community needs nobody's approval. */
  staff: boolean;
}

/**
 * Who books, decided on documents read in the booking's transaction: a leader or deputy of a filed group of the
 * room's community books for the group (a hobby circle not yet filed does not); a social worker (or admin) of the
 * room's community books for its own use.
 */
async function holderOf(tx: TTransaction, ctx: TAuthedContext, room: TRoomDoc, groupId: string | null): Promise<THolder> {
  if (groupId === null) {
    const user = await tx.get<TUserDoc>(C.users, ctx.caller.openid);
    await requireCovers(ctx, user, room.communityId, { entity: 'room', entityId: room._id }, 'forbidden', tx);
    return { groupId: null, holderName: room.communityName, bookedByName: user!.displayName, staff: true };
  }
  const { group, membership } = await managerAccessInTx(tx, ctx, groupId, 'manager');
  // A hobby circle (兴趣小组, not filed yet) is run like a group but books through the social workers.
  if (group.status !== 'active') throw new AppError('FORBIDDEN', undefined, `「${group.name}」还是兴趣小组，备案后才能自己预订房间；现在可请社工代为预订`);
  if (group.communityId !== room.communityId) {
    throw new AppError('FORBIDDEN', undefined, `「${room.name}」属于${room.communityName}，只能预订本社区基地的房间`);
  }
  return { groupId: group._id, holderName: group.name, bookedByName: membership!.name, staff: false };
}

/**
 * The event the booking is the place of: scheduled, hosted by the booking's group (or a community event of the
 * room's community for its own use), not booked yet, and at the booking's time. It takes the room as its place.
 */
async function eventFor(tx: TTransaction, input: TBook, room: TRoomDoc, holder: THolder): Promise<TEventDoc | null> {
  if (!input.eventId) return null;
  const event = await tx.get<TEventDoc>(C.events, input.eventId);
  const hosts = holder.groupId === null ? event?.hostGroupIds.length === 0 && event.communityId === room.communityId : event?.hostGroupId === holder.groupId;
  if (!event || !hosts) throw notFound();
  if (event.status !== 'scheduled') throw invalidState('这个活动已取消，不能再预订房间');
  if (event.roomId) throw invalidState('这个活动已经预订了房间；要换房间，请先取消原来的预订');
  if ((input.weeks ?? 1) !== 1 || event.startAt !== input.startAt || event.endAt !== input.endAt) {
    throw invalidFields({ startAt: '为活动预订房间时，时间需与活动的时间一致（只订一次）' });
  }
  return event;
}

/** The booking an earlier call with this request id made, if it asked the same thing (else REQUEST_REUSED). */
async function replay(ctx: TAuthedContext, bookingId: string, fingerprint: string): Promise<TBookingDoc> {
  const booking = await ctx.store.collection<TBookingDoc>(C.bookings).get(bookingId);
  if (!booking || booking.bookedBy !== ctx.caller.openid || booking.requestFingerprint !== fingerprint) throw new AppError('REQUEST_REUSED');
  return booking;
}

/**
 * 预订: once, or the same time weekly for a term; all its 30-minute slots are claimed in its transaction (all or
 * none), so it never overlaps anything. A room that needs approval holds the slots while the booking waits.
 * A taken slot is refused naming its holder and the first taken date; a retry of the same request answers the
 * booking it made.
 */
export const book: TImpl['book'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  await checkPublicText(ctx, [['title', input.title]], 'profile', RATE_RULES.roomBook);
  const { requestId, ...request } = input;
  const fingerprint = requestFingerprint(request);
  const bookingId = bookingIdFor(ctx.caller.openid, requestId);
  const ranges = rangesOf(input);

  try {
    const booking = await ctx.store.transaction(async (tx) => {
      const room = await tx.get<TRoomDoc>(C.rooms, input.roomId);
      if (!room) throw notFound();
      const holder = await holderOf(tx, ctx, room, input.groupId);
      const event = await eventFor(tx, input, room, holder);
      const created = await tx.insert<TBookingDoc>(C.bookings, {
        _id: bookingId,
        roomId: room._id,
        roomName: room.name,
        baseId: room.baseId,
        communityId: room.communityId,
        groupId: holder.groupId,
        ownerKey: ownerKeyFor(holder.groupId, room.communityId),
        holderName: holder.holderName,
        title: input.title,
        ranges,
        firstStartAt: ranges[0]!.startAt,
        status: room.needsApproval && !holder.staff ? 'pending' : 'approved',
        eventId: event?._id ?? null,
        bookedBy: ctx.caller.openid,
        bookedByName: holder.bookedByName,
        decidedBy: null,
        decidedAt: null,
        reason: null,
        cancelledAt: null,
        requestFingerprint: fingerprint,
      });
      await claimRoom(tx, ctx, {
        roomId: room._id,
        room,
        ranges,
        holder: { kind: event ? 'event' : 'booking', id: bookingId, name: holder.holderName, title: event?.title ?? input.title, groupId: holder.groupId },
      });
      if (event) await tx.update(C.events, event._id, { place: room.name, roomId: room._id, bookingId });
      await moveRoomUse(tx, room.communityId, ranges, 1);
      return created;
    });
    return { booking: toBooking(booking) };
  } catch (error) {
    if (error instanceof DuplicateIdError && error.collection === C.bookings) return { booking: toBooking(await replay(ctx, bookingId, fingerprint)) };
    throw await asConflict(ctx, error, input.roomId, ranges);
  }
};
