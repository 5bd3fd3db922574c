import type { TContentCheck, TContentScene, TNotifier } from '../context';

/**
 * Production content check and notices through WeChat's open APIs (cloud calls, no access token needed).
 * The function folder's config.json grants `security.msgSecCheck` and `subscribeMessage.send`.
 */
interface TWxCloud {
  init(options: { env: unknown }): void;
  DYNAMIC_CURRENT_ENV: unknown;
  openapi: {
    security: { msgSecCheck(req: object): Promise<{ result?: { suggest?: string } }> };
    subscribeMessage: { send(req: object): Promise<unknown> };
  };
}

const SCENES: Record<TContentScene, number> = { profile: 1, comment: 2, forum: 3, social: 4 };
/** msgSecCheck takes at most 2500 characters: longer text (a charter) is checked in slices. */
const MAX_CHECK_LENGTH = 2500;

let cloud: TWxCloud | null = null;
function wx(): TWxCloud {
  if (!cloud) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cloud = require('wx-server-sdk') as TWxCloud;
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  }
  return cloud;
}

export const wechatContentCheck: TContentCheck = {
  async isAllowed(text, scene, openid) {
    for (let start = 0; start < text.length; start += MAX_CHECK_LENGTH) {
      const res = await wx().openapi.security.msgSecCheck({
        openid,
        scene: SCENES[scene],
        version: 2,
        content: text.slice(start, start + MAX_CHECK_LENGTH),
      });
      if (res.result?.suggest && res.result.suggest !== 'pass') return false;
    }
    return true;
  },
};

/** Template ids come from the mini program's console; without one, notices are only logged. */
export function wechatNotifier(templateId: string | undefined): TNotifier {
  return {
    async send(notice) {
      if (!templateId) {
        console.info('[notice] no SUBSCRIBE_TEMPLATE_ID set; not sent', notice.kind);
        return;
      }
      try {
        await wx().openapi.subscribeMessage.send({
          touser: notice.to,
          templateId,
          page: notice.page,
          data: { thing1: { value: notice.title.slice(0, 20) }, thing2: { value: notice.body.slice(0, 20) } },
          miniprogramState: 'formal',
        });
      } catch (error) {
        console.warn('[notice] not sent (the user may not have subscribed)', error); // never fails the action
      }
    },
  };
}
