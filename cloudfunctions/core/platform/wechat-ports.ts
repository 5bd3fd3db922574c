import { NOTICE_KIND_LIST, NOTICE_KINDS, toTemplateData, type TNoticeKind } from '../../../types/notices';
import type { TContentCheck, TContentScene, TNotifier, TPhoneVerifier } from '../context';

/**
 * Production content check and notices through WeChat's open APIs (cloud calls, no access token needed).
 * The function folder's config.json grants `security.msgSecCheck` and `subscribeMessage.send`.
 */
interface TWxCloud {
  init(options: { env: unknown }): void;
  DYNAMIC_CURRENT_ENV: unknown;
  openapi: {
    security: {
      msgSecCheck(req: object): Promise<{ result?: { suggest?: string } }>;
      imgSecCheck(req: object): Promise<{ errCode?: number }>;
    };
    subscribeMessage: { send(req: object): Promise<unknown> };
    phonenumber: { getPhoneNumber(req: { code: string }): Promise<{ phoneInfo?: { purePhoneNumber?: string } }> };
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

/** imgSecCheck takes images up to 1 MB; the phone compresses photos well below that. */
export const IMAGE_CHECK_MAX_BYTES = 1024 * 1024;

/**
 * WeChat's synchronous image check (`security.imgSecCheck`, granted in the function's config.json). A risky image
 * answers errCode 87014, which the SDK throws: that is a refusal. An image over 1 MB cannot be checked, so it is
 * refused too (the record asks for a smaller photo). Any other failure reaches the dispatcher as INTERNAL.
 */
export async function wechatImageAllowed(bytes: Buffer, contentType: string): Promise<boolean> {
  if (bytes.length > IMAGE_CHECK_MAX_BYTES) return false;
  try {
    const res = await wx().openapi.security.imgSecCheck({ media: { contentType, value: bytes } });
    return (res.errCode ?? 0) === 0;
  } catch (error) {
    if ((error as { errCode?: unknown }).errCode === 87014) return false;
    throw error;
  }
}

/** Template id per notice kind, as configured for this function (see templateIdsFromEnv). */
export type TTemplateIds = Partial<Record<TNoticeKind, string>>;

/**
 * Reads `NOTICE_TEMPLATE_<KIND>` for every kind from the function's environment (set in the CloudBase console,
 * never in cloudbaserc.json). Blank values count as unset.
 */
export function templateIdsFromEnv(env: Record<string, string | undefined>): TTemplateIds {
  const ids: TTemplateIds = {};
  for (const kind of NOTICE_KIND_LIST) {
    const value = env[NOTICE_KINDS[kind].templateEnv]?.trim();
    if (value) ids[kind] = value;
  }
  return ids;
}

/**
 * Subscribe messages: each kind fills its own template from the notice's structured `data` (types/notices.ts).
 * Without a template id for the kind the notice is logged as not sent. A refused send (most often 43101: the
 * person gave no consent) is logged and never fails the action.
 */
export function wechatNotifier(templateIds: TTemplateIds): TNotifier {
  return {
    async send(notice) {
      const templateId = templateIds[notice.kind];
      if (!templateId) {
        console.info(`[notice] not sent: ${NOTICE_KINDS[notice.kind].templateEnv} is not set for this function`, notice.kind);
        return;
      }
      try {
        await wx().openapi.subscribeMessage.send({
          touser: notice.to,
          templateId,
          page: notice.page,
          data: toTemplateData(notice.kind, notice.data as never),
          miniprogramState: 'formal',
        });
      } catch (error) {
        const { errCode, errMsg } = (error ?? {}) as { errCode?: unknown; errMsg?: unknown };
        console.warn('[notice] not sent (43101: the person has not subscribed)', notice.kind, errCode ?? '', errMsg ?? error);
      }
    },
  };
}

/**
 * The caller's phone number from the one-time code of a `getPhoneNumber` button (cloud call
 * `phonenumber.getPhoneNumber`, granted in the function's config.json). WeChat ties the code to the user who
 * tapped, so it needs no openid. A code that is used or expired throws (errcode 40029): no number, null.
 */
export const wechatPhones: TPhoneVerifier = {
  async mobileFor(code) {
    try {
      const res = await wx().openapi.phonenumber.getPhoneNumber({ code });
      return res.phoneInfo?.purePhoneNumber ?? null;
    } catch (error) {
      const { errCode } = (error ?? {}) as { errCode?: unknown };
      console.warn('[phone] code not exchanged', errCode ?? error);
      return null;
    }
  },
};
