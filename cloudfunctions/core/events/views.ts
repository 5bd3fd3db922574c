import type { TEventCard } from '../../../types/events';
import type { TEventDoc } from '../collections';

/** Projections of stored events onto the contract (types/events.ts): never the check-in secret. Registrations: registration-views.ts. */

export function placesLeft(e: Pick<TEventDoc, 'capacity' | 'registeredCount'>): number | null {
  return e.capacity === null ? null : Math.max(0, e.capacity - e.registeredCount);
}

export function toEventCard(e: TEventDoc): TEventCard {
  return {
    id: e._id,
    title: e.title,
    startAt: e.startAt,
    endAt: e.endAt,
    place: e.place,
    hostNames: e.hostNames,
    status: e.status,
    audience: e.audience,
    isVolunteer: e.isVolunteer,
    capacity: e.capacity,
    registeredCount: e.registeredCount,
    placesLeft: placesLeft(e),
    signupDeadline: e.signupDeadline,
    seriesId: e.seriesId,
    hasRecord: Boolean(e.record),
    courseId: e.courseId ?? null,
  };
}
