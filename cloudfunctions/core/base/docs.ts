import type { TStoredMeta } from '../storage/port';
import type { TWeekHours } from '../../../types/base-time';

/**
 * Stored shapes of the incubation base (孵化培育基地): bases, rooms, bookings and the slot documents that make
 * double booking impossible (docs/base.md). Collection names are in collections.ts's C.
 */

/** A base of a community (or a street, then `communityId` is the community that runs it). */
export interface TBaseDoc extends TStoredMeta {
  name: string;
  communityId: string;
  communityName: string;
  address: string;
}

export interface TRoomDoc extends TStoredMeta {
  baseId: string;
  baseName: string;
  communityId: string;
  communityName: string;
  name: string;
  capacity: number;
  equipment: string[];
  /** Seven entries, Monday first; null = closed that day. */
  hours: TWeekHours;
  needsApproval: boolean;
  /** A closed room keeps its bookings' history but takes no new ones. */
  active: boolean;
}

export type TSlotHolderKind = 'booking' | 'event' | 'course';

/**
 * One 30-minute unit of one room, held by one booking, event or course. `_id` is `slot_<roomId>_<unitStart>`, so
 * two claims of the same unit collide on insert (DuplicateIdError) inside the claiming transaction.
 */
export interface TRoomSlotDoc extends TStoredMeta {
  roomId: string;
  unitStart: number;
  /** The claimed range this unit belongs to; `head` marks its first unit, which the calendar lists. */
  rangeStartAt: number;
  rangeEndAt: number;
  head: boolean;
  holderKind: TSlotHolderKind;
  holderId: string;
  /** The group's name, or the community's (社区) for its own use. Shown to anyone. */
  holderName: string;
  /** Null for the community's own use. */
  holderGroupId: string | null;
  /** Shown to anyone for events and courses (public anyway); for a group's booking only to its managers and staff. */
  title: string;
}

export type TBookingStatus = 'pending' | 'approved' | 'declined' | 'cancelled';

export interface TBookingDoc extends TStoredMeta {
  roomId: string;
  roomName: string;
  baseId: string;
  communityId: string;
  /** Null: the community's own use (booked by a social worker). */
  groupId: string | null;
  /** The group's id, or `c:<communityId>` for the community's own use: the lists' index key (no null equality). */
  ownerKey: string;
  holderName: string;
  title: string;
  /** The dates it holds, in order (one, or one a week for a term). */
  ranges: Array<{ startAt: number; endAt: number }>;
  firstStartAt: number;
  status: TBookingStatus;
  /** The event this booking is the place of, if any. */
  eventId: string | null;
  bookedBy: string;
  bookedByName: string;
  decidedBy: string | null;
  decidedAt: number | null;
  /** Why it was declined (read by the group's managers). */
  reason: string | null;
  cancelledAt: number | null;
  requestFingerprint: string;
}
