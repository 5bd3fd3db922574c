import { AppError } from '../app-error';
import { C, type TUserDoc } from '../collections';
import type { TAuthedContext } from '../guards';
import { DuplicateIdError } from '../storage/port';

type TOwnPatch = Partial<Pick<TUserDoc, 'communityId' | 'prefs' | 'verifiedMobile'>>;

/**
 * Writes the caller's own choices to their user document by compare-and-set, creating it on the first choice (a
 * resident has no document until then). Losing a race to the same person's other tap retries on what they wrote.
 */
export async function upsertOwnUser(ctx: TAuthedContext, patch: TOwnPatch): Promise<TUserDoc> {
  const users = ctx.store.collection<TUserDoc>(C.users);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const user = await users.get(ctx.caller.openid);
    if (user) {
      if (await users.updateIfVersion(user._id, user.version, patch)) return { ...user, ...patch };
      continue;
    }
    try {
      return await users.insert({
        _id: ctx.caller.openid,
        displayName: '微信用户',
        roles: [],
        communityId: null,
        ...patch,
      });
    } catch (error) {
      if (!(error instanceof DuplicateIdError)) throw error; // a concurrent first choice won: update it instead
    }
  }
  throw new AppError('CONFLICT');
}
