import type { TNoticeKind } from '../../types/notices';

type TEventNoticeKind = Extract<TNoticeKind, `event_${string}`>;

/**
 * The event notices a person can allow when signing up (types/notices.ts: event_* kinds). WeChat asks for at most
 * three templates at once, so 报名 asks for what matters most to this sign-up: a place in the waitlist needs
 * 候补成功 most; a place now needs the reminder, and then a change or a cancellation.
 */
export function signUpNoticeKinds(willWait: boolean): TEventNoticeKind[] {
  return willWait ? ['event_promoted', 'event_reminder', 'event_cancelled'] : ['event_reminder', 'event_changed', 'event_cancelled'];
}
