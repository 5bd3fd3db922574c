import { EVENT_LIMITS } from '../../../types/events';
import type { TEventDoc } from '../collections';

/**
 * Places and the waitlist, as pure arithmetic on the event document. Every use case that moves a registration runs
 * these inside one transaction over the event and the registrations it touches, so they serialize on the event.
 *
 * Invariants (tests/integration/events-concurrency.test.ts checks them after every race):
 * - registeredCount ≤ capacity (capacity null = unlimited);
 * - nobody waits while a place is free: waitlist non-empty ⇒ registeredCount = capacity;
 * - the waitlist holds each registration id once, in arrival order, at most EVENT_LIMITS.waitlist of them.
 */
export type TSeats = Pick<TEventDoc, 'capacity' | 'registeredCount' | 'waitlist'>;

export function hasFreePlace(e: TSeats): boolean {
  return e.capacity === null || e.registeredCount < e.capacity;
}

/** Where a new sign-up goes, or 'full' when the place and the waitlist are both taken. */
export function seatFor(e: TSeats): 'registered' | 'waitlisted' | 'full' {
  if (e.waitlist.length === 0 && hasFreePlace(e)) return 'registered';
  return e.waitlist.length < EVENT_LIMITS.waitlist ? 'waitlisted' : 'full';
}

/** Fills free places from the head of the waitlist: who moves up, and the seats afterwards. */
export function promote(e: TSeats): { promoted: string[]; seats: TSeats } {
  const free = e.capacity === null ? e.waitlist.length : Math.max(0, e.capacity - e.registeredCount);
  const promoted = e.waitlist.slice(0, free);
  return {
    promoted,
    seats: { capacity: e.capacity, registeredCount: e.registeredCount + promoted.length, waitlist: e.waitlist.slice(promoted.length) },
  };
}

/** A registered person leaves: their place goes to the first in line. */
export function releasePlace(e: TSeats): { promoted: string[]; seats: TSeats } {
  return promote({ ...e, registeredCount: Math.max(0, e.registeredCount - 1) });
}

/** A waitlisted person leaves the line. */
export function leaveWaitlist(e: TSeats, registrationId: string): TSeats {
  return { ...e, waitlist: e.waitlist.filter((id) => id !== registrationId) };
}
