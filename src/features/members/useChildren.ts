import { useCallback, useEffect, useState } from 'react';
import type { ChildView } from '@shared/domain/member';
import { errorText, membersApi } from './api';

/** The caller's children in the 小小梯队. */
export function useChildren() {
  const [items, setItems] = useState<ChildView[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setItems((await membersApi.listChildren()).items);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { items, loading, error, reload };
}
