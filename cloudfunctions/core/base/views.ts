import type { TBase, TBooking, TRoom } from '../../../types/base';
import type { TBaseDoc, TBookingDoc, TRoomDoc } from './docs';

/** Projections of stored bases, rooms and bookings onto the contract (types/base.ts). */

export function toRoom(r: TRoomDoc): TRoom {
  return {
    id: r._id,
    baseId: r.baseId,
    name: r.name,
    capacity: r.capacity,
    equipment: r.equipment,
    hours: r.hours,
    needsApproval: r.needsApproval,
    active: r.active,
  };
}

export function toBase(b: TBaseDoc, rooms: TRoomDoc[]): TBase {
  return { id: b._id, name: b.name, address: b.address, communityId: b.communityId, communityName: b.communityName, rooms: rooms.map(toRoom) };
}

export function toBooking(b: TBookingDoc): TBooking {
  return {
    id: b._id,
    roomId: b.roomId,
    roomName: b.roomName,
    groupId: b.groupId,
    holderName: b.holderName,
    title: b.title,
    ranges: b.ranges,
    status: b.status,
    eventId: b.eventId,
    bookedByName: b.bookedByName,
    reason: b.reason,
  };
}

/** The lists' index key: the group, or the community for its own use. */
export const ownerKeyFor = (groupId: string | null, communityId: string) => groupId ?? `c:${communityId}`;
