import type { TIncubationFunction } from '../../../types/incubation';
import { invalidFields, invalidState, notFound } from '../app-error';
import { C } from '../collections';
import { checkPublicText } from '../content';
import type { TActionImpl } from '../dispatch';
import { authed, type TAuthedContext } from '../guards';
import { requireStaffInTx } from './access';
import type { TNeedDoc, TSupportDoc } from './docs';
import { supportIdFor } from './ids';
import { addSupportInTx } from './needs';
import { toNeedRow } from './views';
import { moveNeedTallies } from '../stats/need-tallies';

/** A social worker answers a need (收集中 / 已安排 / 暂不能安排 with a reason) or folds a duplicate into another. */
type TImpl = TActionImpl<TIncubationFunction['actions']>;

/** Supporters moved per transaction when merging: a bounded number of steps in each. */
const MOVE_PAGE = 40;

async function callerWants(ctx: TAuthedContext, needId: string): Promise<boolean> {
  return Boolean(await ctx.store.collection<TSupportDoc>(C.needsupports).get(supportIdFor(needId, ctx.caller.openid)));
}

export const answerNeed: TImpl['answerNeed'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  const answer = input.answer.trim() || null;
  if (input.status === 'declined' && !answer) throw invalidFields({ answer: '请写明暂不能安排的原因，居民会看到这段答复' });
  if (answer) await checkPublicText(ctx, [['answer', answer]]);
  const need = await ctx.store.transaction(async (tx) => {
    const need = await tx.get<TNeedDoc>(C.needs, input.needId);
    if (!need) throw notFound();
    await requireStaffInTx(tx, ctx, need.communityId);
    if (need.status === 'merged') throw invalidState('这条需求已合并到其他需求，请答复保留的那条');
    const patch = { status: input.status, answer, answeredBy: ctx.caller.openid };
    await tx.update(C.needs, need._id, patch);
    await moveNeedTallies(tx, need.communityId, need.status, input.status);
    return { ...need, ...patch };
  });
  return { need: toNeedRow(need, await callerWants(ctx, need._id)) };
};

/**
 * 合并重复需求. First one transaction marks the duplicate merged (so no new 我也想 lands on it: a support writes
 * the need document too, so the two serialize, and later ones go to the kept need). Then its supporters move page
 * by page, each page one transaction over the kept need and the supports it inserts: a supporter who already
 * wanted the kept need is skipped, so each person counts once. Sending the same merge again resumes where an
 * interrupted one stopped and moves nobody twice.
 */
export const mergeNeeds: TImpl['mergeNeeds'] = async (rawCtx, input) => {
  const ctx = authed(rawCtx);
  if (input.keepId === input.mergeId) throw invalidFields({ mergeId: '请选择另一条需求来合并' });
  await ctx.store.transaction(async (tx) => {
    const keep = await tx.get<TNeedDoc>(C.needs, input.keepId);
    const merge = await tx.get<TNeedDoc>(C.needs, input.mergeId);
    if (!keep || !merge) throw notFound();
    await requireStaffInTx(tx, ctx, keep.communityId);
    if (merge.communityId !== keep.communityId) throw notFound();
    if (keep.status === 'merged') throw invalidState('保留的需求已合并到其他需求，请选择最终保留的那条');
    if (merge.status === 'merged') {
      if (merge.mergedInto === keep._id) return; // resuming an interrupted merge
      throw invalidState('这条需求已合并到其他需求');
    }
    if (merge.courseId || merge.circle) throw invalidState('这条需求已开设课程或兴趣小组，不能合并，请把它作为保留的需求');
    await tx.update(C.needs, merge._id, { status: 'merged', listed: false, mergedInto: keep._id });
    await moveNeedTallies(tx, merge.communityId, merge.status, 'merged');
  });

  let moved = 0;
  let cursor: string | undefined;
  let keep: TNeedDoc;
  do {
    const page = await ctx.store.collection<TSupportDoc>(C.needsupports).find({
      where: { needId: input.mergeId },
      orderBy: [['at', 'asc']],
      limit: MOVE_PAGE,
      cursor,
    });
    const step = await ctx.store.transaction(async (tx) => {
      const current = (await tx.get<TNeedDoc>(C.needs, input.keepId))!;
      let added = 0;
      for (const s of page.items) if (await addSupportInTx(tx, current, s.openid, s.at, input.mergeId)) added += 1;
      if (added > 0) await tx.update(C.needs, current._id, { demand: current.demand + added });
      return { added, keep: { ...current, demand: current.demand + added } };
    });
    moved += step.added;
    keep = step.keep;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);

  return { need: toNeedRow(keep, await callerWants(ctx, keep._id)), moved };
};
