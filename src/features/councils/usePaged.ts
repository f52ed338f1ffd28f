import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@shared/result';
import { errorText } from './api';

/**
 * A list 20 a page with "load more". `fetchPage` changes identity when what is listed changes, which starts over;
 * answers for a list the page has moved on from are dropped.
 */
export function usePaged<P extends Page<unknown>>(fetchPage: ((page: number) => Promise<P>) | null) {
  const [items, setItems] = useState<P['items']>([]);
  const [last, setLast] = useState<P | null>(null);
  const [loading, setLoading] = useState(Boolean(fetchPage));
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const load = useCallback(
    async (page: number) => {
      if (!fetchPage) return;
      const gen = generation.current;
      setLoading(true);
      setError(null);
      try {
        const res = await fetchPage(page);
        if (gen !== generation.current) return;
        setItems((prev) => (page === 1 ? res.items : [...prev, ...res.items]));
        setLast(res);
      } catch (err) {
        if (gen === generation.current) setError(errorText(err));
      } finally {
        if (gen === generation.current) setLoading(false);
      }
    },
    [fetchPage],
  );

  const reload = useCallback(() => {
    generation.current += 1;
    return load(1);
  }, [load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const loadMore = useCallback(() => {
    if (!loading && last?.hasMore) void load(last.page + 1);
  }, [last, load, loading]);

  return { items, last, hasMore: Boolean(last?.hasMore), loading, error, reload, loadMore };
}
