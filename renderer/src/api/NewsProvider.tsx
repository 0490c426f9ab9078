/**
 * React access to the host: <NewsProvider> puts the bridge in context; useNews() returns it;
 * useStoreVersion() is a counter that moves whenever stored data may have changed (store:changed,
 * sync:finished, or a change made through this page), so lists reload without knowing each other.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { NewsBridge } from '../../../electron/shared/contract';
import { getNewsBridge } from './bridge';

interface NewsContextValue {
  news: NewsBridge;
  version: number;
  /** Call after a change made through this page so other screens reload. */
  changed: () => void;
}

const NewsContext = createContext<NewsContextValue | null>(null);

export function NewsProvider({ bridge, children }: { bridge?: NewsBridge; children: ReactNode }) {
  const news = useMemo(() => bridge ?? getNewsBridge(), [bridge]);
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    const offStore = news.on('store:changed', changed);
    const offSync = news.on('sync:finished', changed);
    return () => {
      offStore();
      offSync();
    };
  }, [news, changed]);
  const value = useMemo(() => ({ news, version, changed }), [news, version, changed]);
  return <NewsContext.Provider value={value}>{children}</NewsContext.Provider>;
}

function useNewsContext(): NewsContextValue {
  const ctx = useContext(NewsContext);
  if (!ctx) throw new Error('useNews() outside <NewsProvider>');
  return ctx;
}

/** The host bridge (window.news or the HTTP bridge). */
export function useNews(): NewsBridge {
  return useNewsContext().news;
}

/** A number that changes whenever stored data may have changed, and the function to bump it. */
export function useStoreVersion(): { version: number; changed: () => void } {
  const { version, changed } = useNewsContext();
  return { version, changed };
}
