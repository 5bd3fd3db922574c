import { forbidden, notFound } from '../app-error';
import { C, type TGroupDoc, type TUserDoc } from '../collections';
import type { TAuthedContext } from '../guards';
import { requireCovers } from '../scope';
import type { TTransaction } from '../storage/port';

/** A group that exists for the incubation path: filed (active) or a circle; a dissolved group is NOT_FOUND. */
export function isLiveGroup(group: TGroupDoc | null): group is TGroupDoc {
  return Boolean(group && (group.status === 'active' || group.status === 'circle'));
}

type TRefusal = 'hidden' | 'public';

/**
 * The group and the caller, who must be a social worker (or admin) of its community. `hidden` (notes): everyone
 * else gets NOT_FOUND. `public` (the group is public, so acting on it is refused): FORBIDDEN. Read through
 * `tx` inside a write's transaction, so a scope removed meanwhile cannot act.
 */
export async function staffGroup(
  ctx: TAuthedContext,
  groupId: string,
  refusal: TRefusal,
  tx?: TTransaction,
): Promise<{ group: TGroupDoc; user: TUserDoc }> {
  const [group, user] = tx
    ? [await tx.get<TGroupDoc>(C.groups, groupId), await tx.get<TUserDoc>(C.users, ctx.caller.openid)]
    : await Promise.all([
        ctx.store.collection<TGroupDoc>(C.groups).get(groupId),
        ctx.store.collection<TUserDoc>(C.users).get(ctx.caller.openid),
      ]);
  if (!isLiveGroup(group)) throw notFound();
  await requireCovers(ctx, user, group.communityId, { entity: 'group', entityId: group._id }, refusal === 'hidden' ? 'notFound' : 'forbidden', tx);
  return { group, user: user! };
}

/** A community's staff only (the 90-day list, the counts): everyone else FORBIDDEN. */
export async function requireCommunityStaff(ctx: TAuthedContext, communityId: string): Promise<TUserDoc> {
  const user = await ctx.store.collection<TUserDoc>(C.users).get(ctx.caller.openid);
  return requireCovers(ctx, user, communityId, { entity: 'community', entityId: communityId });
}
