import { useEffect } from 'react';
import { useCloudQuery } from '@/hooks/useCloudQuery';

const ROTATE_MS = 30_000;

/**
 * A code that changes every 30 seconds: loads it, and again at the `refreshAt` the server named (bounded to 30 s,
 * so a phone whose clock is off still refreshes in time). `fetch` null: nothing to show yet.
 */
export function useRotating<T extends { refreshAt: string }>(fetch: (() => Promise<T>) | null) {
  const query = useCloudQuery(fetch, { quiet: true });
  const { data, reload } = query;
  useEffect(() => {
    if (!data) return undefined;
    const wait = Math.min(ROTATE_MS, Math.max(1_000, new Date(data.refreshAt).getTime() - Date.now()));
    const timer = setTimeout(() => void reload(), wait);
    return () => clearTimeout(timer);
  }, [data, reload]);
  return query;
}
