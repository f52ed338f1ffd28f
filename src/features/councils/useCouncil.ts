import { useMemo } from 'react';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import type { OutputOf } from '@shared/catalogue';
import { councilsApi } from './api';

export type CouncilData = OutputOf<'councils', 'detail'>;

/** One council with what the caller may do there; `reload` after a change. */
export function useCouncil(councilId: string | null) {
  const fetch = useMemo(() => (councilId ? () => councilsApi.detail(councilId) : null), [councilId]);
  const { data, loading, error, reload } = useCloudQuery(fetch);
  return { data, loading, error, reload };
}
