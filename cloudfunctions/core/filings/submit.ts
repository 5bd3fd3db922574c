import type { z } from 'zod';
import { ZFilingFields, type filingsFunction } from '../../../types/filings';
import { toFieldErrors } from '../../../types/validation';
import { AppError, invalidFields, invalidState } from '../app-error';
import type { TFilingDoc } from '../collections';
import type { TContext } from '../context';
import { authed, findUser } from '../guards';
import { checkPublicText } from '../content';
import { circleFilingProblem } from '../growth/upgrade';
import { consumeRate, RATE_RULES } from '../rate-limit';
import { onBehalfSubmit } from '../behalf/submit-check';
import { loadOwnFiling } from './load';
import { isEditable } from './state';
import { transitionFiling } from './transition';
import { toFilingView } from './view';

type TInput = z.output<(typeof filingsFunction)['actions']['submit']['input']>;

/** Filed text that residents will read once the group is approved. */
const PUBLIC_FIELDS = ['name', 'purpose', 'venue', 'activityTime', 'charter'] as const;

/**
 * Sends a complete filing for review. Repeating the request after it went through answers the same filing
 * without a second transition, so a double tap or a retried call never writes twice.
 */
export async function submitFiling(context: TContext, input: TInput) {
  const ctx = authed(context);
  const owner = { isOwner: true, isReviewer: false };
  const doc = await loadOwnFiling(ctx, input.filingId);
  if (doc.status === 'submitted') return { filing: toFilingView(doc, owner) };
  if (doc.kind !== 'initial') throw invalidState('变更和注销报备被退回后，请重新提交一份');
  if (!isEditable(doc.status)) throw invalidState('该报备已办结，不能再次提交');
  await consumeRate(ctx, RATE_RULES.filing);

  const parsed = ZFilingFields.safeParse(doc.fields);
  if (!parsed.success) throw invalidFields(toFieldErrors(parsed.error));
  const user = await findUser(ctx);
  const behalf = doc.onBehalfOf ? await onBehalfSubmit(ctx, user, doc, parsed.data) : null;
  const circleProblem = behalf ? null : await circleFilingProblem(ctx.store, ctx.caller.openid, parsed.data); // docs/growth.md
  if (circleProblem) throw invalidFields(circleProblem);
  // Counted once, against the filing rule above (20 an hour), not a second time against the content rule.
  await checkPublicText(ctx, PUBLIC_FIELDS.map((key) => [key, String(parsed.data[key])] as const), 'profile', null);

  const submitted = await transitionFiling(ctx, {
    filingId: doc._id,
    to: 'submitted',
    actorName: user?.displayName ?? parsed.data.leaderName,
    reason: behalf?.reason ?? null,
    // Under review again: the earlier decision (a return) is history now, so its time must not read as this one's
    // review (「提交于 23:54 / 审核于 23:53」). The history keeps when it was returned.
    patch: { submittedAt: ctx.clock.now(), decidedAt: null, fields: parsed.data, ...behalf?.patch },
    check(current): asserts current is TFilingDoc {
      if (!current) throw new AppError('NOT_FOUND');
      if (current.version !== doc.version) throw new AppError('CONFLICT');
    },
  });
  return { filing: toFilingView(submitted, owner) };
}
