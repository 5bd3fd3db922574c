import type { z } from 'zod';
import type { accountFunction } from '../../../types/account';
import type { TContext } from '../context';
import { authed } from '../guards';
import { upsertOwnUser } from './own-user';
import { toMe } from './queries';

type TIn = z.output<(typeof accountFunction)['actions']['setPrefs']['input']>;

/** Remembers 长辈模式 with the person, so it follows them to another phone and the first-visit offer shows once. */
export async function setMyPrefs(context: TContext, input: TIn) {
  const ctx = authed(context);
  return { me: await toMe(ctx, await upsertOwnUser(ctx, { prefs: { elderMode: input.elderMode } })) };
}
