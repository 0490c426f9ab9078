/**
 * Loads data from the host and reloads it when `key` or the store version changes. Keeps the
 * previous data while reloading the same key (no flicker), clears it when the key changes.
 */
import { errorMessage } from './errors';
import { useEffect, useRef, useState } from 'react';
import type { NewsBridge } from '../../../electron/shared/contract';
import { useNews, useStoreVersion } from './NewsProvider';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
}

export function useLoad<T>(key: string, load: (news: NewsBridge) => Promise<T>): Loaded<T> {
  const news = useNews();
  const { version } = useStoreVersion();
  const [state, setState] = useState<Loaded<T> & { key: string }>({ key, data: undefined, error: null, loading: true });
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let cancelled = false;
    setState((s) => (s.key === key ? { ...s, loading: true } : { key, data: undefined, error: null, loading: true }));
    loadRef.current(news).then(
      (data) => {
        if (!cancelled) setState({ key, data, error: null, loading: false });
      },
      (err: unknown) => {
        if (!cancelled)
          setState((s) => ({ ...s, key, error: errorMessage(err), loading: false }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [news, key, version]);

  if (state.key !== key) return { data: undefined, error: null, loading: true };
  return { data: state.data, error: state.error, loading: state.loading };
}
