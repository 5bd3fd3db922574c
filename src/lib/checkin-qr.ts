/** What the host's QR code encodes: `ccf1:<eventId>:<code>` (types/events.ts ZCheckInCode.qrText). */
export function parseCheckInQr(text: string): { eventId: string; code: string } | null {
  const m = /^ccf1:([A-Za-z0-9_-]{1,64}):(\d{6})$/.exec(text.trim());
  return m ? { eventId: m[1]!, code: m[2]! } : null;
}
