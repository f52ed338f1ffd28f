import { useCallback, useEffect, useState } from 'react';
import type { OutputOf } from '@shared/catalogue';
import { gridsApi, gridsErrorText } from './api';

export type Overview = OutputOf<'grids', 'overview'>;

/** The 居民区's grids and 总格长. */
export function useGridsOverview() {
  const [data, setData] = useState<Overview | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setData(await gridsApi.overview());
    } catch (err) {
      setError(gridsErrorText(err));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, loading, error, reload };
}
