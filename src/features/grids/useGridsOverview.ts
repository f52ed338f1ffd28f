import type { OutputOf } from '@shared/catalogue';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { gridsApi, gridsErrorText } from './api';

export type Overview = OutputOf<'grids', 'overview'>;

/** The 居民区's grids and 总格长. */
export function useGridsOverview() {
  const { data, loading, error, reload } = useCloudQuery(gridsApi.overview, { errorText: gridsErrorText });
  return { data, loading, error, reload };
}
