import { useCallback, useState } from 'react';
import type { TMe } from '../../types';
import { api, errorMessage } from '../api';

/** The social worker and their community: every staff page of the base works on it. */
export function useStaffMe() {
  const [me, setMe] = useState<TMe | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    setError(null);
    try {
      const { me: fresh } = await api.account.me({});
      setMe(fresh);
      return fresh;
    } catch (err) {
      setError(errorMessage(err));
      return null;
    }
  }, []);
  const isStaff = !!me && (me.roles.includes('social_worker') || me.roles.includes('admin'));
  return { me, error, load, isStaff, communityId: me?.community?.id ?? '' };
}
