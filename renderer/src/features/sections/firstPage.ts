/**
 * The start-up front's first page, asked for by main.tsx before React renders: the request then
 * travels while the components mount instead of after. usePagedArticles takes it (once) for the
 * same query; it is dropped at the first page fetch of any front, and never used once older than
 * MAX_AGE_MS (the front was not shown at once, so the answer may be stale).
 */
import type { NewsBridge } from '../../../../electron/shared/contract';
import type { ArticleQuery, ArticleSort, ArticleSummary } from '../../../../electron/shared/models';

export const PAGE_SIZE = 48;
const MAX_AGE_MS = 10_000;

let primed: { key: string; at: number; list: Promise<ArticleSummary[]>; value?: ArticleSummary[] } | null = null;

/** The query of a front's page (one shape for the prefetch and the front, so they match). */
export function pageQuery(section: string | null, sort: ArticleSort, page: number): ArticleQuery {
  return { ...(section === null ? {} : { section }), sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE };
}

/** Asks for this front's first page now (main.tsx, before the first render); resolves once it is
 * here (takeArrived then hands it over), or failed. */
export function primeFirstPage(news: NewsBridge, section: string | null, sort: ArticleSort): Promise<void> {
  const query = pageQuery(section, sort, 0);
  const list = news.listArticles(query);
  const entry: NonNullable<typeof primed> = { key: JSON.stringify(query), at: performance.now(), list };
  primed = entry;
  return list.then(
    (value) => {
      entry.value = value;
    },
    () => undefined, // the front asks again when it takes nothing
  );
}

function fresh(query: ArticleQuery): NonNullable<typeof primed> | null {
  const taken = primed;
  if (!taken || taken.key !== JSON.stringify(query) || performance.now() - taken.at > MAX_AGE_MS) return null;
  return taken;
}

/** The primed page itself when it has already arrived (the front then renders it in its first
 * render, with no empty pass); clears it when taken. */
export function takeArrived(query: ArticleQuery): ArticleSummary[] | null {
  const value = fresh(query)?.value ?? null;
  if (value) primed = null;
  return value;
}

/** The primed answer for this query, if it is the one asked for and fresh; clears it either way. */
export function takePrimed(query: ArticleQuery): Promise<ArticleSummary[]> | null {
  const taken = fresh(query);
  primed = null;
  return taken?.list ?? null;
}
