import type { TEventDetail } from '../../../types/events';
import type { TAuthedContext } from '../guards';
import type { TEventAccess } from './access';
import { recordView } from './record-view';
import { audienceRefusal, checkInOpen, closedReason, WAITLIST_FULL } from './rules';
import { seatFor } from './seats';
import { myRegistrationView } from './registration-views';
import { toEventCard } from './views';

/**
 * The event page for one caller: the card, the caller's own registration with their place in line, what they may
 * do now and, when sign-up is closed to them, why. Shared by detail, update and record.
 */
export async function toEventDetail(ctx: TAuthedContext, access: TEventAccess): Promise<TEventDetail> {
  const { event: e, registration: r } = access;
  const now = ctx.clock.now();
  const holds = r !== null && (r.status === 'registered' || r.status === 'waitlisted');
  const refusal = holds
    ? null
    : (closedReason(e, now) ?? audienceRefusal(e, access) ?? (seatFor(e) === 'full' ? WAITLIST_FULL : null));
  return {
    ...toEventCard(e),
    description: e.description,
    communityId: e.communityId,
    communityName: e.communityName,
    hostGroupIds: e.hostGroupIds,
    cancelReason: e.cancelReason,
    waitlistCount: e.waitlist.length,
    checkedInCount: e.checkedInCount,
    myRegistration: r ? myRegistrationView(e, r) : null,
    record: await recordView(ctx, e, access.canManage),
    can: {
      signUp: !holds && refusal === null,
      cancel: holds && e.status === 'scheduled' && now < e.startAt,
      checkIn: r?.status === 'registered' && r.checkedInAt === null && checkInOpen(e, now),
      manage: access.canManage,
    },
    signupClosedReason: refusal,
    hasRoomBooking: Boolean(e.bookingId),
  };
}
