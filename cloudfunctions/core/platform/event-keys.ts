/**
 * Keys the platform itself adds to a `callFunction` event, next to what the client sent. Public logs of real
 * CloudBase invocations show `{ ...data, userInfo: { appId, openId }, tcbContext: {} }`. They are stripped at
 * the cloud entry only (the gateway never adds them), and never trusted: identity comes from the SCF context.
 * Every other unknown key still reaches the strict input schema and is refused by name.
 */
export const PLATFORM_EVENT_KEYS = ['userInfo', 'tcbContext'] as const;

/** The event as the client sent it: platform keys removed. Non-objects pass through for the dispatcher to refuse. */
export function withoutPlatformKeys(event: unknown): unknown {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return event;
  const rest: Record<string, unknown> = { ...(event as Record<string, unknown>) };
  for (const key of PLATFORM_EVENT_KEYS) delete rest[key];
  return rest;
}
