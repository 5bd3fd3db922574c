/**
 * The check-in QR code's text, `ccf1:<eventId>:<code>`: the host's screen shows it, attendees scan it in the mini
 * program (Taro.scanCode) and send eventId and code to `events.checkIn`. No zod here: the client bundles this file.
 */
export const CHECK_IN_QR_PREFIX = 'ccf1';

export function parseCheckInQr(text: string): { eventId: string; code: string } | null {
  const match = /^ccf1:([A-Za-z0-9_-]{1,64}):(\d{6})$/.exec(text.trim());
  return match ? { eventId: match[1]!, code: match[2]! } : null;
}
