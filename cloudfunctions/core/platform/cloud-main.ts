import tcb from '@cloudbase/node-sdk';
import type { TPorts } from '../context';
import type { THandler } from '../dispatch';
import { cloudFileStore } from '../files/cloud-files';
import { IMAGE_CONTENT_TYPES } from '../files/image-type';
import { createCloudbaseStore, requestTimeoutMs } from '../storage/cloudbase';
import { randomIds, systemClock } from './basic-ports';
import { callerFromContext } from './cloud-caller';
import { withoutPlatformKeys } from './event-keys';
import { templateIdsFromEnv, wechatContentCheck, wechatImageAllowed, wechatNotifier, wechatPhones } from './wechat-ports';

/** One set of ports per instance: the SDK is initialised once and reused across invocations. */
let ports: TPorts | null = null;
export function cloudPorts(): TPorts {
  if (ports) return ports;
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV, timeout: requestTimeoutMs() });
  ports = {
    store: createCloudbaseStore({ db: app.database() }),
    files: cloudFileStore(app, (bytes, type) => wechatImageAllowed(bytes, IMAGE_CONTENT_TYPES[type])),
    clock: systemClock,
    ids: randomIds,
    contentCheck: wechatContentCheck,
    notifier: wechatNotifier(templateIdsFromEnv(process.env)),
    phones: wechatPhones,
  };
  return ports;
}

/**
 * The cloud function entry: the caller is whoever the platform says invoked us (OPENID in the CloudBase
 * context). The platform's own event keys (`userInfo`, `tcbContext`) are dropped and never trusted; any other
 * unknown top-level key is refused by the strict input schema (and logged by the dispatcher).
 */
export function makeCloudMain(handler: THandler) {
  return async function main(event: unknown, context: unknown) {
    return handler(withoutPlatformKeys(event), { ...cloudPorts(), caller: callerFromContext(context) });
  };
}
