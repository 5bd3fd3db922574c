import type { TIncubationFunction } from '../../../types/incubation';
import { AppError, invalidState, notFound } from '../app-error';
import { C, type TUserDoc } from '../collections';
import { checkPublicText } from '../content';
import type { TActionImpl } from '../dispatch';
import { authed, type TAuthedContext } from '../guards';
import { requestFingerprint } from '../manage/change-filing';
import { RATE_RULES } from '../rate-limit';
import { DuplicateIdError, type TTransaction } from '../storage/port';
import type { TNeedDoc, TSupportDoc } from './docs';
import { needIdFor, supportIdFor } from './ids';
import { toNeedRow } from './views';
import { moveNeedTallies } from '../stats/need-tallies';

/**
 * Needs (需求/心愿) and 我也想. The need document holds `demand`, moved in the same transaction that inserts a
 * support; a support's id is derived from need and person, so a person counts once however often (or however
 * simultaneously) they tap: the second insert is a duplicate id, and the transaction that finds the support
 * already there changes nothing.
 */
type TImpl = TActionImpl<TIncubationFunction['actions']>;
const PAGE = 20;

export const listNeeds: TImpl['needs'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const page = await ctx.store.collection<TNeedDoc>(C.needs).find({
    where: { communityId: input.communityId, listed: true },
    orderBy: [['demand', 'desc']],
    limit: PAGE,
    cursor: input.cursor,
  });
  const mine = await wantedByCaller(ctx, page.items.map((n) => n._id));
  return { items: page.items.map((n) => toNeedRow(n, mine.has(n._id))), nextCursor: page.nextCursor };
};

/** Which of these needs the caller posted or said 我也想 to: one read of their own supports by derived id. */
async function wantedByCaller(ctx: TAuthedContext, needIds: string[]): Promise<Set<string>> {
  if (needIds.length === 0) return new Set();
  const ids = needIds.map((id) => supportIdFor(id, ctx.caller.openid));
  const found = await ctx.store.collection<TSupportDoc>(C.needsupports).find({ where: { _id: { in: ids } }, limit: ids.length });
  return new Set(found.items.map((s) => s.needId));
}

export const postNeed: TImpl['postNeed'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const user = await ctx.store.collection<TUserDoc>(C.users).get(ctx.caller.openid);
  if (!user?.communityId) throw invalidState('请先在「我的」页面选择您所在的社区，再发布需求');
  const communityId = user.communityId;
  await checkPublicText(ctx, [['title', input.title], ['description', input.description]], 'profile', RATE_RULES.needPost);

  const { requestId, ...request } = input;
  const fingerprint = requestFingerprint({ ...request, communityId });
  const id = needIdFor(ctx.caller.openid, requestId);
  try {
    const need = await ctx.store.transaction(async (tx) => {
      const need = await tx.insert<TNeedDoc>(C.needs, {
        _id: id,
        communityId,
        openid: ctx.caller.openid,
        title: input.title,
        description: input.description,
        category: input.category,
        status: 'collecting',
        listed: true,
        answer: null,
        answeredBy: null,
        demand: 1,
        mergedInto: null,
        courseId: null,
        circle: null,
        requestFingerprint: fingerprint,
      });
      await tx.insert<TSupportDoc>(C.needsupports, { _id: supportIdFor(id, ctx.caller.openid), needId: id, openid: ctx.caller.openid, fromNeedId: null, at: ctx.clock.now() });
      await moveNeedTallies(tx, communityId, null, 'collecting');
      return need;
    });
    return { need: toNeedRow(need, true) };
  } catch (error) {
    // The same request id again: answer the need it made, if it asked the same thing.
    if (!(error instanceof DuplicateIdError)) throw error;
    const need = await ctx.store.collection<TNeedDoc>(C.needs).get(id);
    if (!need || need.openid !== ctx.caller.openid || need.requestFingerprint !== fingerprint) throw new AppError('REQUEST_REUSED');
    return { need: toNeedRow(need, true) };
  }
};

/** Adds the person's support to a need inside the caller's transaction; false when it was already there. */
export async function addSupportInTx(tx: TTransaction, need: TNeedDoc, openid: string, at: number, fromNeedId: string | null): Promise<boolean> {
  const id = supportIdFor(need._id, openid);
  if (await tx.get<TSupportDoc>(C.needsupports, id)) return false;
  await tx.insert<TSupportDoc>(C.needsupports, { _id: id, needId: need._id, openid, fromNeedId, at });
  return true;
}

/** 我也想. A need merged into another counts for the one kept. */
export const support: TImpl['support'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const run = () => ctx.store.transaction(async (tx) => {
    let need = await tx.get<TNeedDoc>(C.needs, input.needId);
    if (need?.status === 'merged' && need.mergedInto) need = await tx.get<TNeedDoc>(C.needs, need.mergedInto);
    if (!need) throw notFound();
    if (!(await addSupportInTx(tx, need, ctx.caller.openid, ctx.clock.now(), null))) return need;
    await tx.update(C.needs, need._id, { demand: need.demand + 1 });
    return { ...need, demand: need.demand + 1 };
  });
  // A simultaneous tap of the same person inserted the support first: run again, and find it there.
  const need = await run().catch((error: unknown) => {
    if (error instanceof DuplicateIdError) return run();
    throw error;
  });
  return { need: toNeedRow(need, true) };
};
