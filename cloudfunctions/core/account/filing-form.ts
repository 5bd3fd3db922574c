import type { z } from 'zod';
import type { accountFunction } from '../../../types/account';
import { AppError } from '../app-error';
import type { TContext } from '../context';
import { loadVisibleFiling } from '../filings/load';
import { toFilingView } from '../filings/view';
import { authed, findUser, type TAuthedContext } from '../guards';
import type { TUserDoc } from '../collections';
import { listCommunities } from './queries';

type TIn = z.output<(typeof accountFunction)['actions']['filingForm']['input']>;

async function visibleView(ctx: TAuthedContext, filingId: string, user: TUserDoc | null) {
  const { doc, viewer } = await loadVisibleFiling(ctx, filingId, user);
  return toFilingView(doc, viewer);
}

/**
 * The filing form's first screen: the communities to choose from, the caller's own community (preset on a fresh
 * form) and the filing to edit. The filing is read after the user, who decides whether the caller may see it.
 * A remembered draft that vanished or is no longer theirs is not an error: the form starts afresh.
 */
export async function getFilingForm(context: TContext, input: TIn) {
  const ctx = authed(context);
  const [communities, user] = await Promise.all([listCommunities(ctx), findUser(ctx)]);
  let filing = null;
  if (input.filingId) filing = await visibleView(ctx, input.filingId, user);
  else if (input.draftId) {
    filing = await visibleView(ctx, input.draftId, user).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
      throw err;
    });
  }
  return { communities: communities.items, homeCommunityId: user?.communityId ?? null, filing };
}
