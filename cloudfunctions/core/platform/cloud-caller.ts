import tcb from '@cloudbase/node-sdk';
import type { TCaller } from '../context';

type TScfContext = Parameters<typeof tcb.getCloudbaseContext>[0];

/**
 * The caller as CloudBase vouches for them: WX_OPENID from the invocation context (its `environment` JSON,
 * listed in WX_CONTEXT_KEYS), read through the SDK. A context the SDK cannot parse means no identity —
 * the action answers UNAUTHENTICATED instead of crashing.
 */
export function callerFromContext(context: unknown): TCaller | null {
  try {
    const { WX_OPENID: openid } = tcb.getCloudbaseContext(context as TScfContext);
    return typeof openid === 'string' && openid.length > 0 ? { openid } : null;
  } catch {
    return null;
  }
}
