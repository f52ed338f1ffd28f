import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { errorText } from '@/services/cloud';
import type { Page } from '@shared/result';

export interface PagedListOptions {
  /** How a failure is shown; the plain message by default. */
  errorText?: (err: unknown) => string;
}

export interface PagedList<P extends Page<unknown>> {
  items: P['items'];
  /** The last page answered, for what the function sends along with the rows (e.g. the server's clock). */
  last: P | null;
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  /** Start again from page 1 with an empty list. */
  reload: () => Promise<void>;
  loadMore: () => void;
  /**
   * After a change: drop matching rows at once, then fetch the first page again while the rows stay shown, so the
   * paging stays exact (a removed row would otherwise shift the next page by one).
   */
  refreshAfter: (drop?: (item: P['items'][number]) => boolean) => Promise<void>;
  /** Change rows in place after an action answered (e.g. a new colour), without fetching. */
  setItems: Dispatch<SetStateAction<P['items']>>;
}

/**
 * A list fetched 20 a page with "load more". A new `fetchPage` (another tab, another filter) starts again from
 * page 1; answers for a list the viewer already left are dropped. `null` fetches nothing.
 */
export function usePagedList<P extends Page<unknown>>(
  fetchPage: ((page: number) => Promise<P>) | null,
  options: PagedListOptions = {},
): PagedList<P> {
  const { errorText: toText = errorText } = options;
  const [items, setItems] = useState<P['items']>([]);
  const [last, setLast] = useState<P | null>(null);
  const [hasMore, setHasMore] = useState(false);
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
        setHasMore(res.hasMore);
      } catch (err) {
        if (gen === generation.current) setError(toText(err));
      } finally {
        if (gen === generation.current) setLoading(false);
      }
    },
    [fetchPage, toText],
  );

  const reload = useCallback(() => {
    generation.current += 1;
    setItems([]);
    setHasMore(false);
    return load(1);
  }, [load]);

  useEffect(() => {
    if (fetchPage) void reload();
  }, [fetchPage, reload]);

  const loadMore = useCallback(() => {
    if (!loading && hasMore && last) void load(last.page + 1);
  }, [hasMore, last, load, loading]);

  const refreshAfter = useCallback(
    (drop?: (item: P['items'][number]) => boolean) => {
      if (drop) setItems((prev) => prev.filter((item) => !drop(item)));
      generation.current += 1;
      return load(1);
    },
    [load],
  );

  return { items, last, hasMore, loading, error, reload, loadMore, refreshAfter, setItems };
}
