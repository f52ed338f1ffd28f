import { useCallback, useEffect, useRef, useState } from 'react';
import type { OutputOf } from '@shared/catalogue';
import { councilsApi, errorText } from './api';

export type CouncilData = OutputOf<'councils', 'detail'>;

/** One council with what the caller may do there; `reload` after a change. */
export function useCouncil(councilId: string | null) {
  const [data, setData] = useState<CouncilData | null>(null);
  const [loading, setLoading] = useState(Boolean(councilId));
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(councilId);
  latest.current = councilId;

  const reload = useCallback(async () => {
    if (!councilId) return;
    setLoading(true);
    setError(null);
    try {
      const res = await councilsApi.detail(councilId);
      if (latest.current === councilId) setData(res);
    } catch (err) {
      if (latest.current === councilId) setError(errorText(err));
    } finally {
      if (latest.current === councilId) setLoading(false);
    }
  }, [councilId]);

  useEffect(() => {
    setData(null);
    void reload();
  }, [reload]);

  return { data, loading, error, reload };
}
