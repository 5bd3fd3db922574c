import type { TNotice } from '../context';
import { C } from '../collections';
import type { TAuthedContext } from '../guards';
import type { TSupportDoc } from './docs';

/**
 * Tells everyone who wants a need (the poster and each 我也想, merged ones included), after the commit that
 * answered it: page by page through the needsupports_need index. A notice never fails the action.
 */
export async function tellSupporters(ctx: TAuthedContext, needId: string, notice: (to: string) => TNotice): Promise<number> {
  let cursor: string | undefined;
  let told = 0;
  do {
    const page = await ctx.store.collection<TSupportDoc>(C.needsupports).find({
      where: { needId },
      orderBy: [['at', 'asc']],
      limit: 100,
      cursor,
    });
    for (const s of page.items) {
      await ctx.notifier.send(notice(s.openid));
      told += 1;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return told;
}

export const coursePage = (courseId: string) => `/package-base/pages/course/index?id=${courseId}`;
