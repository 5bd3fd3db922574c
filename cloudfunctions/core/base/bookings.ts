import type { TBaseFunction } from '../../../types/base';
import { AppError, forbidden, invalidFields, notFound } from '../app-error';
import { C, type TMembershipDoc, type TUserDoc } from '../collections';
import type { TActionImpl } from '../dispatch';
import { authed, reviewsCommunity, type TAuthedContext } from '../guards';
import { requireCovers } from '../scope';
import { managerAccessInTx } from '../groups/access';
import { membershipIdFor } from '../groups/membership-id';
import type { TTransaction } from '../storage/port';
import type { TBookingDoc } from './docs';
import { releaseRoom } from './slots';
import { ownerKeyFor, toBooking } from './views';
import { moveRoomUse } from '../stats/room-use';

type TImpl = TActionImpl<TBaseFunction['actions']>;

const PAGE = 20;

/** Staff of the booking's community, read in the transaction; null when the caller is not. */
async function staffInTx(tx: TTransaction, ctx: TAuthedContext, communityId: string): Promise<TUserDoc | null> {
  const user = await tx.get<TUserDoc>(C.users, ctx.caller.openid);
  return (await reviewsCommunity(ctx, user, communityId, tx)) ? user : null;
}

/**
 * Ends a live booking inside `tx`: frees every slot it holds and unlinks its event (which keeps the room's name as
 * its place text). Shared by cancel, decline and events.cancel's `freeRoom`.
 */
export async function endBooking(tx: TTransaction, booking: TBookingDoc, patch: Partial<TBookingDoc>): Promise<TBookingDoc> {
  await releaseRoom(tx, { roomId: booking.roomId, ranges: booking.ranges });
  // Room use on the dashboard counts live bookings only (docs/dashboards.md).
  if (isLive(booking)) await moveRoomUse(tx, booking.communityId, booking.ranges, -1);
  if (booking.eventId) await tx.update(C.events, booking.eventId, { roomId: null, bookingId: null });
  await tx.update(C.bookings, booking._id, patch);
  return { ...booking, ...patch };
}

const isLive = (b: TBookingDoc) => b.status === 'pending' || b.status === 'approved';

/**
 * 取消预订: its group's leader or deputy, or staff of its community. Frees its slots in the same transaction. A booking
 * already ended answers as it is (a double tap cancels once).
 */
export const cancelBooking: TImpl['cancelBooking'] = async (rawCtx, { bookingId }) => {
  const ctx = authed(rawCtx);
  const booking = await ctx.store.transaction(async (tx) => {
    const current = await tx.get<TBookingDoc>(C.bookings, bookingId);
    if (!current) throw notFound();
    // The booking is on the public calendar: someone who may not run it gets FORBIDDEN.
    if (!(await staffInTx(tx, ctx, current.communityId))) {
      if (current.groupId === null) throw forbidden();
      await managerAccessInTx(tx, ctx, current.groupId, 'manager');
    }
    if (!isLive(current)) return current;
    return endBooking(tx, current, { status: 'cancelled', cancelledAt: ctx.clock.now() });
  });
  return { booking: toBooking(booking) };
};

/**
 * 审批: staff of the booking's community decide a pending booking. Approving keeps its slots; declining frees them
 * and tells the group why (the reason is required then).
 */
export const decideBooking: TImpl['decideBooking'] = async (rawCtx, { bookingId, decision, reason }) => {
  const ctx = authed(rawCtx);
  const why = reason?.trim() || null;
  if (decision === 'decline' && !why) throw invalidFields({ reason: '请填写不同意的原因，组织负责人会看到' });
  const booking = await ctx.store.transaction(async (tx) => {
    const current = await tx.get<TBookingDoc>(C.bookings, bookingId);
    if (!current) throw notFound();
    if (!(await staffInTx(tx, ctx, current.communityId))) throw forbidden();
    if (current.status !== 'pending') throw new AppError('ALREADY_DECIDED', undefined, '这条预订已经处理过了，请刷新查看');
    const decided = { decidedBy: ctx.caller.openid, decidedAt: ctx.clock.now(), reason: why };
    if (decision === 'approve') {
      await tx.update(C.bookings, current._id, { status: 'approved', ...decided });
      return { ...current, status: 'approved' as const, ...decided };
    }
    return endBooking(tx, current, { status: 'declined', ...decided });
  });
  return { booking: toBooking(booking) };
};

/**
 * A group's bookings, latest first (its leader and deputies, and staff of its community), or with `groupId` null
 * the community's own bookings or its pending ones (staff). Reads run side by side; the caller's right is judged on
 * what they read, and someone without it gets FORBIDDEN.
 */
export const myBookings: TImpl['myBookings'] = async (rawCtx, { groupId, communityId, status, cursor }) => {
  const ctx = authed(rawCtx);
  const bookings = ctx.store.collection<TBookingDoc>(C.bookings);
  const paging = { limit: PAGE, ...(cursor ? { cursor } : {}) };
  if (groupId !== null) {
    const [membership, user, page] = await Promise.all([
      ctx.store.collection<TMembershipDoc>(C.memberships).get(membershipIdFor(groupId, ctx.caller.openid)),
      ctx.store.collection<TUserDoc>(C.users).get(ctx.caller.openid),
      bookings.find({ where: { ownerKey: groupId }, orderBy: [['firstStartAt', 'desc']], ...paging }),
    ]);
    const manager = membership?.status === 'active' && (membership.role === 'leader' || membership.role === 'deputy');
    // The group's community comes from its bookings (no fourth read): with none, any staff member sees the empty list.
    const staff = page.items.length === 0 ? Boolean(user?.roles.length) : await reviewsCommunity(ctx, user, page.items[0]!.communityId);
    if (!manager && !staff) throw forbidden();
    return { items: page.items.map(toBooking), nextCursor: page.nextCursor };
  }
  if (!communityId) throw invalidFields({ communityId: '请选择社区' });
  const [user, page] = await Promise.all([
    ctx.store.collection<TUserDoc>(C.users).get(ctx.caller.openid),
    status === 'pending'
      ? bookings.find({ where: { communityId, status: 'pending' }, orderBy: [['firstStartAt', 'asc']], ...paging })
      : bookings.find({ where: { ownerKey: ownerKeyFor(null, communityId) }, orderBy: [['firstStartAt', 'desc']], ...paging }),
  ]);
  await requireCovers(ctx, user, communityId, { entity: 'community', entityId: communityId });
  return { items: page.items.map(toBooking), nextCursor: page.nextCursor };
};
