import type { z } from 'zod';
import type { accountFunction, TCommunity, TMe } from '../../../types/account';
import { AppError, invalidFields } from '../app-error';
import { C, type TCommunityDoc, type TUserDoc } from '../collections';
import type { TContext } from '../context';
import { authed, findUser, type TAuthedContext } from '../guards';
import { DuplicateIdError } from '../storage/port';

type TIn = z.output<(typeof accountFunction)['actions']['setCommunity']['input']>;

/** Communities are few per deployment (a district's worth); one page covers them. */
const COMMUNITY_LIMIT = 100;

export function toCommunity(doc: TCommunityDoc): TCommunity {
  return { id: doc._id, name: doc.name, streetName: doc.streetName, districtName: doc.districtName, cityName: doc.cityName };
}

export async function toMe(ctx: TAuthedContext, user: TUserDoc | null, community?: TCommunityDoc | null): Promise<TMe> {
  const communityDoc =
    community !== undefined
      ? community
      : user?.communityId
        ? await ctx.store.collection<TCommunityDoc>(C.communities).get(user.communityId)
        : null;
  return {
    displayName: user?.displayName ?? '微信用户',
    roles: user?.roles ?? [],
    reviewCommunityIds: user?.reviewCommunityIds ?? [],
    community: communityDoc ? toCommunity(communityDoc) : null,
  };
}

export async function getMe(context: TContext) {
  const ctx = authed(context);
  return { me: await toMe(ctx, await findUser(ctx)) };
}

export async function listCommunities(ctx: TContext) {
  const page = await ctx.store
    .collection<TCommunityDoc>(C.communities)
    .find({ orderBy: [['name', 'asc']], limit: COMMUNITY_LIMIT });
  return { items: page.items.map(toCommunity) };
}

/** Remembers the resident's community for the directory; the first choice creates their user record. */
export async function setMyCommunity(context: TContext, input: TIn) {
  const ctx = authed(context);
  const community = await ctx.store.collection<TCommunityDoc>(C.communities).get(input.communityId);
  if (!community) throw invalidFields({ communityId: '请从列表中选择社区' });
  const users = ctx.store.collection<TUserDoc>(C.users);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const user = await users.get(ctx.caller.openid);
    if (user) {
      if (await users.updateIfVersion(user._id, user.version, { communityId: community._id })) {
        return { me: await toMe(ctx, { ...user, communityId: community._id }, community) };
      }
      continue;
    }
    try {
      const created = await users.insert({
        _id: ctx.caller.openid,
        displayName: '微信用户',
        roles: [],
        reviewCommunityIds: [],
        communityId: community._id,
      });
      return { me: await toMe(ctx, created, community) };
    } catch (error) {
      if (!(error instanceof DuplicateIdError)) throw error; // a concurrent first choice won: update it instead
    }
  }
  throw new AppError('CONFLICT');
}
