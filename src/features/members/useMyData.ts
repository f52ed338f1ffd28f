import { useCallback, useEffect, useRef, useState } from 'react';
import type { MyData } from '@shared/domain/member';
import { errorText, membersApi } from './api';

/** Everything stored about the caller (我的数据 and the privacy page's "accepted on"). */
export function useMyData() {
  const [data, setData] = useState<MyData | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);

  const reload = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const next = await membersApi.myData();
      if (alive.current) setData(next);
    } catch (err) {
      if (alive.current) setError(errorText(err));
    } finally {
      if (alive.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    alive.current = true;
    void reload();
    return () => {
      alive.current = false;
    };
  }, [reload]);

  return { data, loading, error, reload };
}
