import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@shared/result';
import { errorText } from './api';

/**
 * A list fetched 20 a page with "load more". A new `fetchPage` (another tab, another filter) starts again from
 * page 1; answers for a list the resident already left are dropped. `enabled: false` fetches nothing.
 */
export function usePagedList<T>(fetchPage: (page: number) => Promise<Page<T>>, enabled = true) {
  const [items, setItems] = useState<T[]>([]);
  const [page, setPage] = useState(0);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const load = useCallback(
    async (nextPage: number) => {
      const gen = generation.current;
      setLoading(true);
      setError(null);
      try {
        const res = await fetchPage(nextPage);
        if (gen !== generation.current) return;
        setItems((prev) => (nextPage === 1 ? res.items : [...prev, ...res.items]));
        setPage(res.page);
        setHasMore(res.hasMore);
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
    setItems([]);
    setPage(0);
    setHasMore(false);
    return load(1);
  }, [load]);

  useEffect(() => {
    if (enabled) void reload();
  }, [enabled, reload]);

  const loadMore = useCallback(() => {
    if (!loading && hasMore) void load(page + 1);
  }, [load, hasMore, loading, page]);

  /**
   * After a change: drop matching rows at once, then fetch the first page again so the paging stays exact
   * (a removed row would otherwise shift the next page by one).
   */
  const refreshAfter = useCallback(
    (drop?: (item: T) => boolean) => {
      if (drop) setItems((prev) => prev.filter((item) => !drop(item)));
      generation.current += 1;
      return load(1);
    },
    [load],
  );

  return { items, hasMore, loading, error, reload, loadMore, refreshAfter };
}
