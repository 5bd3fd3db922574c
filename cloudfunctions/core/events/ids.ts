import { createHash } from 'node:crypto';

/**
 * Event ids derived from the creator and the request id (like draftIdFor), one per date of a series: a double tap
 * or a retried create lands on the same documents instead of making a second set.
 */
function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}

export function eventIdFor(openid: string, requestId: string, index: number): string {
  return 'e_' + digest(`${openid}:${requestId}:${index}`);
}

export function seriesIdFor(openid: string, requestId: string): string {
  return 's_' + digest(`${openid}:${requestId}`);
}
