import type { z } from 'zod';
import type { filingsFunction } from '../../../types/filings';
import { AppError, forbidden, invalidFields } from '../app-error';
import { C, type TCommunityDoc, type TFilingDoc } from '../collections';
import type { TContext } from '../context';
import { draftIdFor } from '../filings/save-draft';
import { toFilingView } from '../filings/view';
import { authed, findUser } from '../guards';
import { consumeRate, RATE_RULES } from '../rate-limit';
import { refuseOutsideScope, staffScopeOf } from '../scope';
import { enteredByOf } from './staff-label';

type TInput = z.output<(typeof filingsFunction)['actions']['startOnBehalf']['input']>;

/**
 * 代办 (docs/on-behalf.md): staff of the community start a 成立 draft for a leader who cannot use a phone. The staff
 * member owns it (edits, submits, withdraws) like any draft; the leader's name and mobile are filed fields, and the
 * filing records who entered it and for whom. The same request id always lands on the same draft.
 */
export async function startOnBehalf(context: TContext, input: TInput) {
  const ctx = authed(context);
  const user = await findUser(ctx);
  const scope = await staffScopeOf(ctx, user);
  if (!user || !scope) throw forbidden();
  await refuseOutsideScope(ctx, scope, input.communityId, { action: 'filings.startOnBehalf', entity: 'community', entityId: input.communityId });
  await consumeRate(ctx, RATE_RULES.filing);

  const id = draftIdFor(ctx.caller.openid, input.requestId);
  const saved = await ctx.store.transaction(async (tx) => {
    const current = await tx.get<TFilingDoc>(C.filings, id);
    if (current) {
      // A repeated tap answers the draft it already made; the id of a draft of another kind is not this request's.
      if (!current.onBehalfOf) throw new AppError('REQUEST_REUSED');
      return current;
    }
    const community = await tx.get<TCommunityDoc>(C.communities, input.communityId);
    if (!community) throw invalidFields({ communityId: '请从列表中选择所属社区' });
    return tx.insert<TFilingDoc>(C.filings, {
      _id: id,
      openid: ctx.caller.openid,
      kind: 'initial',
      status: 'draft',
      // 指导单位 defaults to the community's residents' committee, as the form presets it for a leader.
      fields: { communityId: community._id, leaderName: input.leaderName, leaderMobile: input.leaderMobile, supervisor: `${community.name}居民委员会` },
      communityId: community._id,
      communityName: community.name,
      groupId: null,
      submittedAt: null,
      decidedAt: null,
      lastComment: null,
      reviewedBy: null,
      enteredBy: enteredByOf(user),
      onBehalfOf: { name: input.leaderName, mobile: input.leaderMobile, claimedAt: null },
      behalfMobile: null,
    });
  });
  return { filing: toFilingView(saved, { isOwner: true, isReviewer: false }) };
}
