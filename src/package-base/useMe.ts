import { useCallback, useState } from 'react';
import type { TMe } from '../../types';
import { api, errorMessage } from '../api';
import { writeCachedCommunity } from '../lib/community';

/** The caller and their community (the server's account.me is the truth), for the base's pages. */
export function useMe() {
  const [me, setMe] = useState<TMe | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async (): Promise<TMe | null> => {
    setError(null);
    try {
      const { me: fresh } = await api.account.me({});
      if (fresh.community) writeCachedCommunity({ id: fresh.community.id, name: fresh.community.name });
      setMe(fresh);
      return fresh;
    } catch (err) {
      setError(errorMessage(err));
      return null;
    }
  }, []);
  const isStaff = !!me && (me.roles.includes('social_worker') || me.roles.includes('admin'));
  return { me, error, load, isStaff };
}
