import type { z } from 'zod';
import type { filingsFunction } from '../../../types/filings';
import { AppError, invalidState } from '../app-error';
import type { TFilingDoc } from '../collections';
import type { TContext } from '../context';
import { authed, findUser } from '../guards';
import { applyOutcome } from './effects';
import { loadOwnFiling } from './load';
import { isDecided } from './state';
import { transitionFiling } from './transition';
import { toFilingView } from './view';

type TInput = z.output<(typeof filingsFunction)['actions']['withdraw']['input']>;

/** The leader takes a submitted filing back before anyone decides it; repeating it is harmless. */
export async function withdrawFiling(context: TContext, input: TInput) {
  const ctx = authed(context);
  const owner = { isOwner: true, isReviewer: false };
  const doc = await loadOwnFiling(ctx, input.filingId);
  if (doc.status === 'withdrawn') return { filing: toFilingView(doc, owner) };
  if (doc.status !== 'submitted') throw invalidState('只有待审核的报备可以撤回');

  const user = await findUser(ctx);
  const withdrawn = await transitionFiling(ctx, {
    filingId: doc._id,
    to: 'withdrawn',
    actorName: user?.displayName ?? doc.fields.leaderName ?? '报备人',
    check(current): asserts current is TFilingDoc {
      if (!current) throw new AppError('NOT_FOUND');
      if (isDecided(current.status)) throw new AppError('ALREADY_DECIDED');
      if (current.status !== 'submitted') throw invalidState('只有待审核的报备可以撤回');
    },
    alongside: (tx, current, now) => applyOutcome(tx, current, 'withdrawn', now),
  });
  return { filing: toFilingView(withdrawn, owner) };
}
