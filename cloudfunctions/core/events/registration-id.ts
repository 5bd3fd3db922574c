import { createHash } from 'node:crypto';

/**
 * One person, one registration per event, on both backends without a unique index: signing up twice is the same
 * document, and check-in finds the caller's own registration by id (nobody names someone else's). Hashed, because
 * managers see registration ids in the list and must not learn attendees' openids from them. 代报名 (someone
 * without WeChat) is keyed by the phone number instead.
 */
export function registrationIdFor(eventId: string, openid: string): string {
  return 'rg_' + createHash('sha256').update(`${eventId}:${openid}`).digest('hex').slice(0, 24);
}

export function onBehalfRegistrationIdFor(eventId: string, mobile: string): string {
  return 'rg_' + createHash('sha256').update(`${eventId}:tel:${mobile}`).digest('hex').slice(0, 24);
}
