import { accountFunction } from '../../../types/account';
import { getFilingForm } from '../account/filing-form';
import { getHome, getWaiting } from '../account/home';
import { setMyPrefs } from '../account/prefs';
import { getMe, listCommunities, setMyCommunity } from '../account/queries';
import { createHandler } from '../dispatch';
import { takeOver, takeoverOffers, verifyPhone } from '../behalf/takeover';

export const handleAccount = createHandler(accountFunction, {
  me: getMe,
  communities: listCommunities,
  setCommunity: setMyCommunity,
  setPrefs: setMyPrefs,
  home: getHome,
  waiting: getWaiting,
  filingForm: getFilingForm,
  verifyPhone,
  takeoverOffers,
  takeover: takeOver,
});
