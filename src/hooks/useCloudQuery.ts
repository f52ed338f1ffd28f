import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '@/services/cloud';

export interface CloudQueryOptions {
  /** How a failure is shown; the plain message by default. */
  errorText?: (err: unknown) => string;
  /**
   * For data that refreshes in the background (e.g. whenever a page is shown again): a reload keeps showing
   * what is there instead of loading, and one already under way is not sent twice.
   */
  quiet?: boolean;
}

export interface CloudQuery<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
  reload: () => Promise<void>;
  /** Replace the data after an action answered with a fresher copy. */
  setData: (data: T) => void;
}

/**
 * Data loaded on mount and again whenever `fetch` changes identity (`null`: nothing to load yet). Answers for a
 * fetch the component has moved on from, or that arrive after it is gone, are dropped.
 */
export function useCloudQuery<T>(fetch: (() => Promise<T>) | null, options: CloudQueryOptions = {}): CloudQuery<T> {
  const { errorText: toText = errorText, quiet = false } = options;
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(Boolean(fetch));
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const inFlight = useRef(false);

  const reload = useCallback(async () => {
    if (!fetch || (quiet && inFlight.current)) return;
    const gen = generation.current;
    inFlight.current = true;
    if (!quiet) setLoading(true);
    setError(null);
    try {
      const next = await fetch();
      if (gen === generation.current) setData(next);
    } catch (err) {
      if (gen === generation.current) setError(toText(err));
    } finally {
      if (gen === generation.current) {
        inFlight.current = false;
        setLoading(false);
      }
    }
  }, [fetch, quiet, toText]);

  useEffect(() => {
    setData(null);
    if (fetch) void reload();
    else setLoading(false);
    return () => {
      generation.current += 1;
      inFlight.current = false;
    };
  }, [fetch, reload]);

  return { data, loading, error, reload, setData };
}
