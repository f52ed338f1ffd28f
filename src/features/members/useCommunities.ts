import { useCallback, useEffect, useState } from 'react';
import type { CommunityOption } from '@shared/domain/community';
import { errorText, membersApi } from './api';

/** The 居民区 a newcomer may choose from; loads only while `enabled`. */
export function useCommunities(enabled: boolean) {
  const [items, setItems] = useState<CommunityOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const res = await membersApi.listCommunities();
      setItems(res.items);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (enabled) void load();
  }, [enabled, load]);

  return { items, loading, error, reload: load };
}
