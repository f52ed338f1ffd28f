import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { OutputOf } from '@shared/catalogue';
import { errorText, membersApi } from './api';

export type MeData = OutputOf<'members', 'me'>;

export interface MeState {
  data: MeData | null;
  loading: boolean;
  error: string | null;
  reload: () => Promise<void>;
  /** Replace the cached record after an action answered with a fresher one. */
  setData: (data: MeData) => void;
}

/** The caller's own record and 居民区; loads on mount and refreshes whenever the page is shown again. */
export function useMe(): MeState {
  const [data, setData] = useState<MeData | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const alive = useRef(true);

  const reload = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setError(null);
    try {
      const next = await membersApi.me();
      if (alive.current) setData(next);
    } catch (err) {
      if (alive.current) setError(errorText(err));
    } finally {
      inFlight.current = false;
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

  // Coming back from the profile or apply page: show what changed there.
  useDidShow(() => {
    void reload();
  });

  return { data, loading, error, reload, setData };
}
