import { useCallback, useEffect, useState } from 'react';
import type { StreetOverview } from '@shared/domain/street';
import { errorText, streetApi } from './api';

/** The 街道 overview, loaded once and on demand. */
export function useStreetCounts() {
  const [data, setData] = useState<StreetOverview | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setData(await streetApi.viewCounts());
    } catch (err) {
      setError(errorText(err));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, loading, error, reload };
}
