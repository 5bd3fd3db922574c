import type { TFilingDoc } from '../collections';

type TAwaiting = TFilingDoc & { onBehalfOf: { name: string; mobile: string; claimedAt: null } };

/** A 代办 whose named leader has not taken it over in the app yet. */
export function isAwaitingTakeover(filing: TFilingDoc): filing is TAwaiting {
  return Boolean(filing.onBehalfOf && filing.onBehalfOf.claimedAt === null);
}
