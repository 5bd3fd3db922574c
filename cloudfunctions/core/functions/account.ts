import { accountFunction } from '../../../types/account';
import { setMyPrefs } from '../account/prefs';
import { getMe, listCommunities, setMyCommunity } from '../account/queries';
import { createHandler } from '../dispatch';

export const handleAccount = createHandler(accountFunction, {
  me: getMe,
  communities: listCommunities,
  setCommunity: setMyCommunity,
  setPrefs: setMyPrefs,
});
