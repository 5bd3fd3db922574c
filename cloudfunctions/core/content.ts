import { AppError } from './app-error';
import type { TContentScene } from './context';
import type { TAuthedContext } from './guards';

/**
 * Runs the content-check port over text that others will read, before it is stored or published.
 * Every rejected field is named, so the form can mark all of them at once.
 */
export async function checkPublicText(
  ctx: TAuthedContext,
  entries: ReadonlyArray<readonly [field: string, text: string]>,
  scene: TContentScene = 'profile',
): Promise<void> {
  const verdicts = await Promise.all(
    entries.map(async ([field, text]) =>
      text.trim() && !(await ctx.contentCheck.isAllowed(text, scene, ctx.caller.openid)) ? field : null,
    ),
  );
  const rejected = verdicts.filter((f): f is string => f !== null);
  if (rejected.length > 0) {
    throw new AppError('CONTENT_REJECTED', Object.fromEntries(rejected.map((f) => [f, '这段文字未通过内容安全检查，请修改'])));
  }
}
