import { filingsFunction } from '../../../types/filings';
import { createHandler } from '../dispatch';
import { decideFiling } from '../filings/decide';
import { getFiling, listMyFilings, listReviewQueue } from '../filings/queries';
import { saveDraft } from '../filings/save-draft';
import { submitFiling } from '../filings/submit';
import { withdrawFiling } from '../filings/withdraw';
import { startOnBehalf } from '../behalf/start';

export const handleFilings = createHandler(filingsFunction, {
  saveDraft,
  submit: submitFiling,
  withdraw: withdrawFiling,
  get: getFiling,
  mine: listMyFilings,
  queue: listReviewQueue,
  decide: decideFiling,
  startOnBehalf,
});
