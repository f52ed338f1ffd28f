import { useCallback, useMemo, useState } from 'react';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { usePagedList } from '@/hooks/usePagedList';
import { talentApi, type TalentQuery } from './api';

/** The search form's choices (councils, buildings); a refusal here means the caller may not search. */
export function useTalentOptions() {
  const { data, loading, error, reload } = useCloudQuery(talentApi.options);
  return { data, loading, error, reload };
}

/** Results of the last search sent, 20 a page, with "load more". */
export function useTalentSearch() {
  const [query, setQuery] = useState<TalentQuery | null>(null);
  const fetchPage = useMemo(() => (query ? (page: number) => talentApi.search({ ...query, page }) : null), [query]);
  const { items, hasMore, loading, error, loadMore } = usePagedList(fetchPage);
  /** Each search sent starts again from page 1, even with the same choices. */
  const search = useCallback((q: TalentQuery) => setQuery({ ...q }), []);
  return { searched: query !== null, items, hasMore, loading, error, search, loadMore };
}
