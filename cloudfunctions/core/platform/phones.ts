import type { TPhoneVerifier } from '../context';

/**
 * Locally there is no WeChat to vouch for a phone number: the gateway's dev identities have fixed numbers, so a
 * demo user "verifies" theirs with any code. Everyone else has none (the action then says so).
 */
export const DEV_PHONES: Readonly<Record<string, string>> = {
  // 孙桂兰, the elderly leader a social worker filed for (scripts/seed/demo-behalf.ts).
  'demo-elder': '13803110021',
};

export function devPhoneTable(table: Readonly<Record<string, string>> = DEV_PHONES): TPhoneVerifier {
  return { mobileFor: async (_code, openid) => table[openid] ?? null };
}
