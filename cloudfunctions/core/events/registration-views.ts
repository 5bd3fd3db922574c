import type { TMyRegistration, TRegistrationRow } from '../../../types/events';
import type { TEventDoc, TRegistrationDoc } from '../collections';

/** 1-based place in the event's waitlist, or null when not waiting. */
function waitlistPosition(event: TEventDoc, reg: TRegistrationDoc): number | null {
  const at = event.waitlist.indexOf(reg._id);
  return reg.status === 'waitlisted' && at >= 0 ? at + 1 : null;
}

/** The caller's own registration (never another person's fields). */
export function myRegistrationView(event: TEventDoc, reg: TRegistrationDoc): TMyRegistration {
  return {
    id: reg._id,
    status: reg.status,
    waitlistPosition: waitlistPosition(event, reg),
    checkedInAt: reg.checkedInAt,
    lateCancel: reg.lateCancel,
  };
}

/** A row of the registration list: for the hosts' managers and the community's social workers only (phones). */
export function registrationRowView(event: TEventDoc, reg: TRegistrationDoc): TRegistrationRow {
  return {
    id: reg._id,
    name: reg.name,
    mobile: reg.mobile,
    status: reg.status,
    waitlistPosition: waitlistPosition(event, reg),
    onBehalf: reg.onBehalfBy !== null,
    checkedInAt: reg.checkedInAt,
    checkInMethod: reg.checkInMethod,
    lateCancel: reg.lateCancel,
    registeredAt: reg.registeredAt,
  };
}
