import type { z } from 'zod';
import type { filingsFunction } from '../../../types/filings';
import { DECISION_LABELS } from '../../../types/domain';
import { AppError, forbidden, invalidState } from '../app-error';
import type { TFilingDoc } from '../collections';
import type { TContext } from '../context';
import { authed, requireReviewer } from '../guards';
import { requireCovers } from '../scope';
import { applyOutcome } from './effects';
import { DECISION_TO_STATUS, isDecided } from './state';
import { transitionFiling } from './transition';
import { toFilingView } from './view';

type TInput = z.output<(typeof filingsFunction)['actions']['decide']['input']>;

function assertWaiting(current: TFilingDoc | null): asserts current is TFilingDoc {
  if (!current) throw new AppError('NOT_FOUND');
  if (isDecided(current.status)) throw new AppError('ALREADY_DECIDED');
  if (current.status !== 'submitted') throw invalidState('该报备已被撤回或尚未提交，无需审核');
}

/**
 * A reviewer of the filing's community approves, returns or rejects it. Scope, authorship and status are all
 * checked on the filing as read inside the transaction (one read, no stale pre-check), so of two concurrent
 * decisions exactly one lands and the other gets ALREADY_DECIDED. Its effect on the group (create, change,
 * dissolve) commits in the same transaction.
 */
export async function decideFiling(context: TContext, input: TInput) {
  const ctx = authed(context);
  const reviewer = await requireReviewer(ctx);
  const to = DECISION_TO_STATUS[input.decision];
  const comment = input.comment?.trim() || null;
  const doc = await transitionFiling(ctx, {
    filingId: input.filingId,
    to,
    actorName: reviewer.displayName,
    reason: comment,
    patch: { decidedAt: ctx.clock.now(), lastComment: comment, reviewedBy: ctx.caller.openid },
    async guard(tx, current) {
      // Outside the reviewer's communities, or a draft: as if it did not exist (see docs/access.md); the attempt
      // outside their scope is logged.
      if (!current || current.status === 'draft') throw new AppError('NOT_FOUND');
      await requireCovers(ctx, reviewer, current.communityId, { entity: 'filing', entityId: current._id }, 'notFound', tx);
    },
    check(current): asserts current is TFilingDoc {
      if (!current) throw new AppError('NOT_FOUND');
      if (current.openid === ctx.caller.openid) throw forbidden(); // nobody reviews their own filing
      assertWaiting(current);
    },
    alongside: async (tx, current, now) => {
      const patch = await applyOutcome(tx, current, to, now);
      // Kept on the same document, so the reviewer of the resubmission sees what changed without another read.
      if (to !== 'returned' || current.kind !== 'initial') return patch;
      return { ...patch, returned: { fields: current.fields, communityName: current.communityName } };
    },
  });

  await ctx.notifier.send({
    to: doc.openid,
    kind: 'filing_decided',
    title: `报备${DECISION_LABELS[input.decision]}`,
    body: comment ?? `您的报备「${doc.fields.name ?? ''}」已审核：${DECISION_LABELS[input.decision]}`,
    page: `/package-filing/pages/detail/index?id=${doc._id}`,
    data: { groupName: doc.fields.name ?? '', result: DECISION_LABELS[input.decision], comment: comment ?? '', at: ctx.clock.now() },
  });
  return { filing: toFilingView(doc, { isOwner: false, isReviewer: true }) };
}
