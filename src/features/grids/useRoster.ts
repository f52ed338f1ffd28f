import { useCallback, useEffect, useRef, useState } from 'react';
import type { RosterRow } from '@shared/domain/grid';
import { gridsApi, gridsErrorText } from './api';

/** One grid's residents (the caller's first grid when `gridId` is null), 20 a page, with "load more". */
export function useRoster(gridId: string | null, building: string, enabled = true) {
  const [items, setItems] = useState<RosterRow[]>([]);
  const [shownGridId, setShownGridId] = useState<string | null>(gridId);
  const [page, setPage] = useState(0);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState<string | null>(null);
  // Answers for a grid or building the viewer already left are dropped.
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (nextPage: number) => {
      const gen = generation.current;
      setLoading(true);
      setError(null);
      try {
        const res = await gridsApi.roster({ ...(gridId ? { gridId } : {}), ...(building ? { building } : {}), page: nextPage });
        if (gen !== generation.current) return;
        setItems((prev) => (nextPage === 1 ? res.items : [...prev, ...res.items]));
        setShownGridId(res.gridId);
        setPage(res.page);
        setHasMore(res.hasMore);
      } catch (err) {
        if (gen === generation.current) setError(gridsErrorText(err));
      } finally {
        if (gen === generation.current) setLoading(false);
      }
    },
    [gridId, building],
  );

  const reload = useCallback(() => {
    generation.current += 1;
    setItems([]);
    setPage(0);
    setHasMore(false);
    return fetchPage(1);
  }, [fetchPage]);

  useEffect(() => {
    if (enabled) void reload();
  }, [enabled, reload]);

  const loadMore = useCallback(() => {
    if (!loading && hasMore) void fetchPage(page + 1);
  }, [fetchPage, hasMore, loading, page]);

  /** After a change to one row (a colour), show it without refetching. */
  const patchRow = useCallback((memberId: string, patch: Partial<RosterRow>) => {
    setItems((prev) => prev.map((row) => (row.memberId === memberId ? { ...row, ...patch } : row)));
  }, []);

  return { items, gridId: shownGridId, hasMore, loading, error, reload, loadMore, patchRow };
}
