import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { GROUP_STAGE_LABELS, type TCircleCard, type TGrowthFunction, type ZCreateCircle } from '../../../types/growth';
import type { TGroupCategory } from '../../../types/domain';
import { invalidFields } from '../app-error';
import { C, type TCommunityDoc, type TGroupDoc, type TMembershipDoc } from '../collections';
import { checkPublicText } from '../content';
import type { TActionImpl } from '../dispatch';
import { authed, findUser, reviewsCommunity } from '../guards';
import { membershipIdFor } from '../groups/membership-id';
import { searchTokens } from '../groups/search';
import { consumeRate, RATE_RULES } from '../rate-limit';
import type { TTransaction } from '../storage/port';
import { moveGrowthCounters } from './counters';
import { stageOf } from './stages';

type TImpl = TActionImpl<TGrowthFunction['actions']>;
const PAGE_SIZE = 20;

/** The same creator and request id always name the same circle, so a double tap or a retry makes one. */
export function circleIdFor(createdBy: string, requestId: string): string {
  return 'g_c' + createHash('sha256').update(`circle:${createdBy}:${requestId}`).digest('hex').slice(0, 24);
}

export interface THobbyCircleInput {
  /** From circleIdFor (or any id derived from the request that creates it). */
  id: string;
  communityId: string;
  name: string;
  category: TGroupCategory;
  intro: string;
  activityTime?: string;
  contactName: string;
  contactMobile: string;
  /** The contact's openid when they use the app: they become the circle's leader (its first member). */
  contactOpenid: string | null;
  /** Who asked for it (a social worker, or the resident who is its contact). */
  createdBy: string;
  now: number;
}

/**
 * Creates a hobby circle (兴趣小组) inside the caller's transaction: a group document with status `circle`
 * (never in the filed directory, never counted as filed), open to join, with the contact as leader when they
 * use the app, and the community's counters moved. Already there (same id): answers it unchanged. For the
 * needs work: a need turned into an interest group seed calls this with the need's transaction.
 * Text must have passed the content check before (checkPublicText).
 */
export async function createHobbyCircle(tx: TTransaction, input: THobbyCircleInput): Promise<TGroupDoc> {
  const existing = await tx.get<TGroupDoc>(C.groups, input.id);
  if (existing) return existing;
  const community = await tx.get<TCommunityDoc>(C.communities, input.communityId);
  if (!community) throw invalidFields({ communityId: '请从列表中选择所属社区' });
  const group = await tx.insert<TGroupDoc>(C.groups, {
    _id: input.id,
    status: 'circle',
    name: input.name,
    category: input.category,
    communityId: community._id,
    communityName: community.name,
    intro: input.intro,
    coverText: '',
    activityTime: input.activityTime ?? '',
    venue: '',
    charter: '',
    supervisor: '',
    leaderOpenid: input.contactOpenid ?? '',
    leaderName: input.contactName,
    leaderMobile: input.contactMobile,
    memberCount: input.contactOpenid ? 1 : 0,
    partyMemberCount: 0,
    hasPartyBranch: false,
    joinPolicy: 'open',
    pendingFilingId: null,
    tokens: searchTokens(input.name, input.intro),
    dissolvedAt: null,
    filingId: '',
    filedAt: 0,
    lastActiveAt: input.now,
    stage: 'circle',
    stageSince: input.now,
    stageReason: null,
    createdBy: input.createdBy,
    partyLeaderCount: 0,
    nominatedPartyLeader: false,
    lastEventAt: null,
    quietSince: input.now,
  });
  if (input.contactOpenid) {
    await tx.insert<TMembershipDoc>(C.memberships, {
      _id: membershipIdFor(group._id, input.contactOpenid),
      groupId: group._id,
      groupName: group.name,
      communityId: group.communityId,
      openid: input.contactOpenid,
      name: input.contactName,
      mobile: input.contactMobile,
      role: 'leader',
      status: 'active',
      message: null,
      note: null,
      subCommitteeId: null,
      requestedAt: input.now,
      joinedAt: input.now,
    });
  }
  await moveGrowthCounters(tx, group.communityId, null, group);
  return group;
}

export function toCircleCard(doc: TGroupDoc): TCircleCard {
  const stage = stageOf(doc);
  return {
    id: doc._id,
    name: doc.name,
    category: doc.category,
    intro: doc.intro,
    stage,
    stageLabel: GROUP_STAGE_LABELS[stage],
    memberCount: doc.memberCount,
    activityTime: doc.activityTime,
    contactName: doc.leaderName,
  };
}

type TCreate = z.output<typeof ZCreateCircle>;

/**
 * 新建兴趣小组. A social worker of the community names a contact (who may not use the app); anyone else becomes
 * the contact and leader themselves. Counted against the filing rule (its text check too), and the text is
 * checked before anything is written.
 */
export const createCircle: TImpl['createCircle'] = async (rawCtx, input: TCreate) => {
  const ctx = authed(rawCtx);
  const user = await findUser(ctx);
  const staff = await reviewsCommunity(ctx, user, input.communityId);
  await consumeRate(ctx, RATE_RULES.filing);
  await checkPublicText(
    ctx,
    [['name', input.name], ['intro', input.intro], ['activityTime', input.activityTime ?? '']],
    'profile',
    null,
  );
  const circle = await ctx.store.transaction((tx) =>
    createHobbyCircle(tx, {
      ...input,
      id: circleIdFor(ctx.caller.openid, input.requestId),
      contactOpenid: staff ? null : ctx.caller.openid,
      createdBy: ctx.caller.openid,
      now: ctx.clock.now(),
    }),
  );
  return { circle: toCircleCard(circle) };
};

/** A community's circles (兴趣小组 and 培育中), most recently active first (index groups_directory, status `circle`). */
export const listCircles: TImpl['circles'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const page = await ctx.store.collection<TGroupDoc>(C.groups).find({
    where: { communityId: input.communityId, status: 'circle' },
    orderBy: [['lastActiveAt', 'desc']],
    limit: PAGE_SIZE,
    cursor: input.cursor,
  });
  return { items: page.items.map(toCircleCard), nextCursor: page.nextCursor };
};
