import { useCloudQuery } from '@/hooks/useCloudQuery';
import { streetApi } from './api';

/** The 街道 overview, loaded once and on demand. */
export function useStreetCounts() {
  const { data, loading, error, reload } = useCloudQuery(streetApi.viewCounts);
  return { data, loading, error, reload };
}
