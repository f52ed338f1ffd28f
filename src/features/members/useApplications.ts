import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApplicationView } from '@shared/domain/member';
import { errorText, membersApi } from './api';

export type ReviewTab = 'pending' | 'approved' | 'rejected';

/** The committee's review list of one status, 20 a page, with "load more". */
export function useApplications(status: ReviewTab) {
  const [items, setItems] = useState<ApplicationView[]>([]);
  const [page, setPage] = useState(0);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  // Answers of a tab the committee already left are dropped.
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (nextPage: number) => {
      const gen = generation.current;
      setLoading(true);
      setError(null);
      try {
        const res = await membersApi.listApplications({ status, page: nextPage });
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
    [status],
  );

  const reload = useCallback(() => {
    generation.current += 1;
    setItems([]);
    setPage(0);
    setHasMore(false);
    return fetchPage(1);
  }, [fetchPage]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const loadMore = useCallback(() => {
    if (!loading && hasMore) void fetchPage(page + 1);
  }, [fetchPage, hasMore, loading, page]);

  /**
   * After a review: drop the row at once, then fetch the first page again so the paging stays exact
   * (a removed row would otherwise shift the next page by one).
   */
  const refreshAfter = useCallback(
    (memberId?: string) => {
      if (memberId) setItems((prev) => prev.filter((item) => item.memberId !== memberId));
      generation.current += 1;
      return fetchPage(1);
    },
    [fetchPage],
  );

  return { items, hasMore, loading, error, reload, loadMore, refreshAfter };
}
