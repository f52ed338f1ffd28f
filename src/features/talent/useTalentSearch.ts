import { useCallback, useEffect, useRef, useState } from 'react';
import type { TalentCard, TalentOptions } from '@shared/domain/talent';
import { talentApi, talentErrorText, type TalentQuery } from './api';

/** The search form's choices (councils, buildings); a refusal here means the caller may not search. */
export function useTalentOptions() {
  const [data, setData] = useState<TalentOptions | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setData(await talentApi.options());
    } catch (err) {
      setError(talentErrorText(err));
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return { data, loading, error, reload: load };
}

/** Results of the last search sent, 20 a page, with "load more". */
export function useTalentSearch() {
  const [query, setQuery] = useState<TalentQuery | null>(null);
  const [items, setItems] = useState<TalentCard[]>([]);
  const [page, setPage] = useState(0);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const fetchPage = useCallback(async (q: TalentQuery, nextPage: number) => {
    const gen = generation.current;
    setLoading(true);
    setError(null);
    try {
      const res = await talentApi.search({ ...q, page: nextPage });
      if (gen !== generation.current) return;
      setItems((prev) => (nextPage === 1 ? res.items : [...prev, ...res.items]));
      setPage(res.page);
      setHasMore(res.hasMore);
    } catch (err) {
      if (gen === generation.current) setError(talentErrorText(err));
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, []);

  const search = useCallback(
    (q: TalentQuery) => {
      generation.current += 1;
      setQuery(q);
      setItems([]);
      return fetchPage(q, 1);
    },
    [fetchPage],
  );

  const loadMore = useCallback(() => {
    if (query && !loading && hasMore) void fetchPage(query, page + 1);
  }, [fetchPage, hasMore, loading, page, query]);

  return { searched: query !== null, items, hasMore, loading, error, search, loadMore };
}
