import { createHash } from 'node:crypto';

/**
 * One person, one membership per group, on both backends without a unique index. Hashed, because leaders see
 * membership ids in the roster and must not learn members' openids from them.
 */
export function membershipIdFor(groupId: string, openid: string): string {
  return 'm_' + createHash('sha256').update(`${groupId}:${openid}`).digest('hex').slice(0, 24);
}
