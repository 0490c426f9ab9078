/**
 * A front's articles, fetched a page at a time as the reader scrolls: the total comes from
 * countArticles, pages of PAGE_SIZE from listArticles({offset, limit}) and are cached. When stored
 * data changes (store:changed, sync, a change made here) the pages in view are fetched again and
 * replace the old ones in place (no flicker, focus kept); the rest are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleQuery, ArticleSort, ArticleSummary } from '../../../../electron/shared/models';
import { useNews, useStoreVersion } from '../../api/NewsProvider';
import { errorMessage } from '../../api/errors';
import { pageQuery, PAGE_SIZE, takeArrived, takePrimed } from './firstPage';

export { PAGE_SIZE };
/** Pages kept in memory; the ones farthest from the view go first. */
const MAX_PAGES = 40;

export interface PagedArticles {
  /** Known total; before countArticles answers, what the first page implies (at least). */
  count: number;
  /** True once countArticles has answered for the current data. */
  counted: boolean;
  /** True once the first page has arrived. */
  ready: boolean;
  error: string | null;
  at(index: number): ArticleSummary | undefined;
  /** Makes sure the pages covering [from, to) are loaded or on their way. */
  ensure(from: number, to: number): void;
  /** Ids of the loaded articles in list order (for previous/next in the article view). */
  loadedIds(): string[];
}

export function usePagedArticles(section: string | null, sort: ArticleSort): PagedArticles {
  const news = useNews();
  const { version } = useStoreVersion();
  const key = `${section ?? ''}\u0000${sort}`;
  const pages = useRef<Map<number, ArticleSummary[]>>(null!);
  // Pages already here at the first render (the start-up prefetch, firstPage.ts): not fetched again.
  const arrived = useRef(new Set<number>());
  if (pages.current === null) {
    pages.current = new Map();
    const first = takeArrived(pageQuery(section, sort, 0));
    if (first) {
      pages.current.set(0, first);
      arrived.current.add(0);
    }
  }
  const loading = useRef(new Set<number>());
  const wanted = useRef({ from: 0, to: PAGE_SIZE });
  const generation = useRef(0);
  const [, setTick] = useState(0);
  const [count, setCount] = useState<{ key: string; value: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rerender = useCallback(() => setTick((t) => t + 1), []);

  const query = useCallback(
    (extra: ArticleQuery): ArticleQuery => ({ ...(section === null ? {} : { section }), sort, ...extra }),
    [section, sort],
  );

  const fetchPage = useCallback(
    (page: number, gen: number) => {
      if (loading.current.has(page)) return;
      loading.current.add(page);
      // The first page may already be on its way (asked for by main.tsx before the first render).
      const pageOf = pageQuery(section, sort, page);
      (takePrimed(pageOf) ?? news.listArticles(pageOf)).then(
        (list) => {
          if (gen !== generation.current) return;
          loading.current.delete(page);
          pages.current.set(page, list);
          rerender();
        },
        (err: unknown) => {
          if (gen !== generation.current) return;
          loading.current.delete(page);
          setError(errorMessage(err));
        },
      );
    },
    [news, section, sort, rerender],
  );

  const ensure = useCallback(
    (from: number, to: number) => {
      wanted.current = { from, to };
      const last = Math.max(from, to - 1);
      const firstPage = Math.floor(from / PAGE_SIZE);
      const lastPage = Math.floor(last / PAGE_SIZE);
      for (let page = firstPage; page <= lastPage; page++) {
        if (!pages.current.has(page)) fetchPage(page, generation.current);
      }
      if (pages.current.size > MAX_PAGES) {
        const distance = (page: number) => (page === 0 ? -1 : Math.max(firstPage - page, page - lastPage, 0));
        const far = [...pages.current.keys()].sort((a, b) => distance(b) - distance(a));
        for (const page of far.slice(0, pages.current.size - MAX_PAGES)) pages.current.delete(page);
      }
    },
    [fetchPage],
  );

  // A new list (section or sort): start empty.
  const lastKey = useRef(key);
  if (lastKey.current !== key) {
    lastKey.current = key;
    pages.current = new Map();
  }

  // New list or changed data: count again, refetch the pages in view (old ones stay until then).
  useEffect(() => {
    const gen = ++generation.current;
    loading.current = new Set();
    setError(null);
    const { from, to } = wanted.current;
    const keep = new Set<number>();
    for (let page = Math.floor(from / PAGE_SIZE); page <= Math.floor(Math.max(from, to - 1) / PAGE_SIZE); page++) keep.add(page);
    keep.add(0);
    for (const page of [...pages.current.keys()]) if (!keep.has(page)) pages.current.delete(page);
    for (const page of keep) if (!arrived.current.has(page)) fetchPage(page, gen);
    arrived.current.clear();
  }, [news, key, version, fetchPage, query]);

  // The count only after the first page: at start-up countArticles waits for the store's full read,
  // and a browser allows 6 connections per host, so asking early could queue the first page
  // behind it (the browser host) and hold up the first paint.
  const first = pages.current.get(0);
  const haveFirst = first !== undefined;
  useEffect(() => {
    if (!haveFirst) return;
    const gen = generation.current;
    news.countArticles(query({})).then(
      (value) => {
        if (gen === generation.current) setCount({ key, value });
      },
      (err: unknown) => {
        if (gen === generation.current) setError(errorMessage(err));
      },
    );
  }, [news, key, version, query, haveFirst]);

  const counted = count !== null && count.key === key;
  const provisional = first ? (first.length < PAGE_SIZE ? first.length : PAGE_SIZE) : 0;
  return {
    count: counted ? count.value : provisional,
    counted,
    ready: first !== undefined,
    error,
    at: (index) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    ensure,
    loadedIds: () => {
      const ids: string[] = [];
      for (const page of [...pages.current.keys()].sort((a, b) => a - b)) for (const a of pages.current.get(page)!) ids.push(a.id);
      return ids;
    },
  };
}
