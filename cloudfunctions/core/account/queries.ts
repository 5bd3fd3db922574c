import type { z } from 'zod';
import type { accountFunction, TCommunity, TMe } from '../../../types/account';
import { invalidFields } from '../app-error';
import { C, type TCommunityDoc, type TUserDoc } from '../collections';
import type { TContext } from '../context';
import { authed, findUser, type TAuthedContext } from '../guards';
import { upsertOwnUser } from './own-user';
import { staffScopeOf, type TStaffScope } from '../scope';

type TIn = z.output<(typeof accountFunction)['actions']['setCommunity']['input']>;

/** Communities are few per deployment (a district's worth); one page covers them. */
const COMMUNITY_LIMIT = 100;

export function toCommunity(doc: TCommunityDoc): TCommunity {
  return { id: doc._id, name: doc.name, streetName: doc.streetName, districtName: doc.districtName, cityName: doc.cityName };
}

export async function toMe(
  ctx: TAuthedContext,
  user: TUserDoc | null,
  community?: TCommunityDoc | null,
  knownScope?: TStaffScope | null,
): Promise<TMe> {
  const scope = knownScope !== undefined ? knownScope : await staffScopeOf(ctx, user);
  const communityDoc =
    community !== undefined
      ? community
      : user?.communityId
        ? await ctx.store.collection<TCommunityDoc>(C.communities).get(user.communityId)
        : null;
  return {
    displayName: user?.displayName ?? '微信用户',
    roles: user?.roles ?? [],
    // Derived from the assignments (core/scope.ts): the client's shape is unchanged.
    reviewCommunityIds: scope?.communityIds ?? [],
    community: communityDoc ? toCommunity(communityDoc) : null,
    prefs: { elderMode: user?.prefs?.elderMode ?? null },
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
  // A retired community is no longer offered to residents (docs/administration.md).
  return { items: page.items.filter((c) => !c.retiredAt).map(toCommunity) };
}

/** Remembers the resident's community for the directory; the first choice creates their user record. */
export async function setMyCommunity(context: TContext, input: TIn) {
  const ctx = authed(context);
  const community = await ctx.store.collection<TCommunityDoc>(C.communities).get(input.communityId);
  if (!community || community.retiredAt) throw invalidFields({ communityId: '请从列表中选择社区' });
  return { me: await toMe(ctx, await upsertOwnUser(ctx, { communityId: community._id }), community) };
}
