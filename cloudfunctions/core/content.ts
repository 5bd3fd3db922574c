import { AppError } from './app-error';
import type { TContentScene } from './context';
import type { TAuthedContext } from './guards';
import { consumeRate, RATE_RULES, type TRateRule } from './rate-limit';
import { normalizeForCheck } from './text-normalize';

/**
 * Runs the content-check port over text that others will read, before it is stored or published. The port
 * judges the normalized form (look-alikes folded, invisible characters removed), so `赌\u200b博` is judged as
 * `赌博`. Checks are rate-limited per caller: each one is a call against WeChat's quota.
 * Every rejected field is named, so the form can mark all of them at once.
 */
export async function checkPublicText(
  ctx: TAuthedContext,
  entries: ReadonlyArray<readonly [field: string, text: string]>,
  scene: TContentScene = 'profile',
  /** Null when the action already counted this call against a stricter rule of its own (filing). */
  rate: TRateRule | null = RATE_RULES.contentCheck,
): Promise<void> {
  const texts = entries.map(([field, text]) => [field, normalizeForCheck(text).trim()] as const).filter(([, text]) => text);
  if (texts.length === 0) return;
  if (rate) await consumeRate(ctx, rate);
  const verdicts = await Promise.all(
    texts.map(async ([field, text]) => ((await ctx.contentCheck.isAllowed(text, scene, ctx.caller.openid)) ? null : field)),
  );
  const rejected = verdicts.filter((f): f is string => f !== null);
  if (rejected.length > 0) {
    throw new AppError('CONTENT_REJECTED', Object.fromEntries(rejected.map((f) => [f, '这段文字未通过内容安全检查，请修改'])));
  }
}
