import type { TPorts } from '../context';
import type { THandler } from '../dispatch';
import { createCloudbaseStoreFromEnv } from '../storage/cloudbase';
import { randomIds, systemClock } from './basic-ports';
import { callerFromContext } from './cloud-caller';
import { wechatContentCheck, wechatNotifier } from './wechat-ports';

/** One set of ports per instance: the SDK is initialised once and reused across invocations. */
let ports: TPorts | null = null;
function cloudPorts(): TPorts {
  ports ??= {
    store: createCloudbaseStoreFromEnv(),
    clock: systemClock,
    ids: randomIds,
    contentCheck: wechatContentCheck,
    notifier: wechatNotifier(process.env.SUBSCRIBE_TEMPLATE_ID),
  };
  return ports;
}

function withoutPlatformKeys(event: unknown): unknown {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return event;
  const { userInfo: _untrusted, ...rest } = event as Record<string, unknown>;
  return rest;
}

/**
 * The cloud function entry: the caller is whoever the platform says invoked us (OPENID in the CloudBase
 * context). `event.userInfo` is also injected by the platform for mini program calls, but it sits in the
 * client-controlled event, so it is dropped and never trusted.
 */
export function makeCloudMain(handler: THandler) {
  return async function main(event: unknown, context: unknown) {
    return handler(withoutPlatformKeys(event), { ...cloudPorts(), caller: callerFromContext(context) });
  };
}
