import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { EVENT_LIMITS } from '../../../types/events';

/**
 * Check-in codes, TOTP-style (RFC 6238 with HMAC-SHA256): the code of a 30-second window is derived on the server
 * from the event's secret and the window number, so it cannot be computed without the secret, and a photo of an
 * old code is useless once its window (plus the grace) has passed. The secret never leaves the server.
 */
const WINDOW_MS = EVENT_LIMITS.codeWindowSeconds * 1000;
const GRACE_MS = EVENT_LIMITS.codeGraceSeconds * 1000;

/** A fresh per-event secret (stored as event.checkInSecret when the event is created). */
export function newCheckInSecret(): string {
  return randomBytes(32).toString('hex');
}

export function codeWindowAt(now: number): number {
  return Math.floor(now / WINDOW_MS);
}

/** When the window `n` ends (the client fetches the next code then). */
export function codeWindowEnd(window: number): number {
  return (window + 1) * WINDOW_MS;
}

/** The 6-digit code of one window: HMAC over the 8-byte window counter, then RFC 4226 dynamic truncation. */
export function codeFor(secret: string, window: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(window));
  const mac = createHmac('sha256', secret).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 1_000_000).padStart(6, '0');
}

function same(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Whether `code` is the current window's code, or the previous window's within the grace after the switch (someone
 * typed it just as the screen changed). Never older than that.
 */
export function acceptsCode(secret: string, code: string, now: number): boolean {
  const window = codeWindowAt(now);
  if (same(codeFor(secret, window), code)) return true;
  const intoWindow = now - window * WINDOW_MS;
  return intoWindow < GRACE_MS && same(codeFor(secret, window - 1), code);
}

/** What the QR code on the host's screen encodes; the mini program's scanner reads it back (types/check-in-qr.ts). */
export function qrTextFor(eventId: string, code: string): string {
  return `ccf1:${eventId}:${code}`;
}
