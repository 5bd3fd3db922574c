import type { TCaller } from '../../cloudfunctions/core/context';

/** Dev identities look like openids: short, URL-safe. Anything else is no identity at all. */
const DEV_OPENID = /^[A-Za-z0-9_-]{1,64}$/;

/** The local gateway's only source of identity: the `X-Dev-User` header. Never the request body. */
export function devCaller(header: string | string[] | undefined): TCaller | null {
  const value = Array.isArray(header) ? header[0] : header;
  return value && DEV_OPENID.test(value) ? { openid: value } : null;
}
