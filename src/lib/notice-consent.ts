import Taro from '@tarojs/taro';
import type { TNoticeKind } from '../../types/notices';

/** WeChat takes at most three template ids per request. */
const MAX_TEMPLATES_PER_REQUEST = 3;

export type TConsentOutcome =
  /** The dialog was shown (or answered by the person's saved choice); `accepted` says for which kinds. */
  | 'asked'
  /** Nothing to ask: H5, or no template id for these kinds in this build. */
  | 'skipped'
  /** The platform has no requestSubscribeMessage (old base library). */
  | 'unavailable'
  /** The request failed (switched off in settings, not from a tap…). Logged; the action goes on. */
  | 'failed';

export interface TConsentResult {
  outcome: TConsentOutcome;
  accepted: TNoticeKind[];
}

type TRequest = (options: { tmplIds: string[] }) => Promise<Record<string, unknown>>;

export interface TConsentDeps {
  templateIds: Partial<Record<TNoticeKind, string>>;
  request: TRequest | undefined;
  warn?: (...args: unknown[]) => void;
}

/**
 * The consent request itself, with its platform passed in. Never throws. `request` is called synchronously
 * (before any await), so it still counts as part of the tap that called us — WeChat shows the dialog only then.
 */
export function requestNoticeConsent(kinds: readonly TNoticeKind[], deps: TConsentDeps): Promise<TConsentResult> {
  const wanted = [...new Set(kinds)].filter((kind) => !!deps.templateIds[kind]?.trim()).slice(0, MAX_TEMPLATES_PER_REQUEST);
  if (wanted.length === 0) return Promise.resolve({ outcome: 'skipped', accepted: [] });
  if (typeof deps.request !== 'function') return Promise.resolve({ outcome: 'unavailable', accepted: [] });
  const ids = wanted.map((kind) => deps.templateIds[kind]!.trim());
  let pending: Promise<Record<string, unknown>>;
  try {
    pending = Promise.resolve(deps.request({ tmplIds: ids }));
  } catch (error) {
    pending = Promise.reject(error);
  }
  return pending.then(
    (answer) => ({ outcome: 'asked' as const, accepted: wanted.filter((_, i) => answer?.[ids[i]!] === 'accept') }),
    (error: unknown) => {
      const { errCode, errMsg } = (error ?? {}) as { errCode?: unknown; errMsg?: unknown };
      (deps.warn ?? console.warn)('[notice consent] not granted', errCode ?? '', errMsg ?? error);
      return { outcome: 'failed' as const, accepted: [] };
    },
  );
}

const BUILD_TEMPLATE_IDS: Partial<Record<TNoticeKind, string>> = typeof NOTICE_TEMPLATE_IDS === 'object' ? NOTICE_TEMPLATE_IDS : {};

/**
 * Asks the person to allow the notices a tap will lead to (提交报备 → filing_decided, 申请加入 → join_decided…).
 * Call it first thing in the tap handler, before the function call; await it, and carry on whatever it answers:
 * refusing, a missing API or a build without template ids never blocks the action. H5 has no subscribe messages.
 */
export function askNoticeConsent(kinds: readonly TNoticeKind[]): Promise<TConsentResult> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve({ outcome: 'skipped', accepted: [] });
  const api = Taro as unknown as { requestSubscribeMessage?: TRequest };
  return requestNoticeConsent(kinds, {
    templateIds: BUILD_TEMPLATE_IDS,
    request: typeof api.requestSubscribeMessage === 'function' ? (options) => api.requestSubscribeMessage!(options) : undefined,
  });
}
