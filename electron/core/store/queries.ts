/**
 * Pure queries over the index's article summaries (filtering, ordering, sections) and the shapes
 * the contract returns. No I/O.
 */
import type { ArticleQuery, ArticleSummary, Section, Source } from '../../shared/models';
import type { StoredSource, StoredSummary } from './schema';

export function toSource(s: StoredSource, articleCount: number): Source {
  return {
    id: s.id,
    url: s.url,
    title: s.title,
    siteUrl: s.siteUrl,
    addedAt: s.addedAt,
    lastSyncAt: s.lastSyncAt,
    lastError: s.lastError,
    articleCount,
    section: s.section ? [...s.section] : null,
    consecutiveFailures: s.consecutiveFailures ?? 0,
    retryAfter: s.retryAfter ?? null,
  };
}

export function toPublicSummary(s: StoredSummary): ArticleSummary {
  return {
    id: s.id,
    url: s.url,
    sourceId: s.sourceId,
    sourceTitle: s.sourceTitle,
    sectionPath: [...s.sectionPath],
    title: s.title,
    dek: s.dek,
    byline: s.byline,
    publishedAt: s.publishedAt,
    updatedAt: s.updatedAt,
    thumbnail: s.thumbnail,
    saved: s.saved,
    savedAt: s.savedAt,
    read: s.read,
    offline: s.offline,
    fetchedAt: s.fetchedAt,
  };
}

export function newestFirst(a: ArticleSummary, b: ArticleSummary): number {
  const da = a.publishedAt ?? a.fetchedAt;
  const db = b.publishedAt ?? b.fetchedAt;
  return db.localeCompare(da) || a.title.localeCompare(b.title);
}

/** Newest first (or oldest first with sort: 'oldest'); `section` matches the key and everything below it ("News" includes "News > City").
 * `presorted`: `all` is already newest first (the store keeps that order cached). */
export function queryArticles(all: readonly StoredSummary[], query: ArticleQuery, options: { presorted?: boolean } = {}): ArticleSummary[] {
  const list = filteredArticles(all, query, options);
  const offset = query.offset ?? 0;
  const end = query.limit !== undefined ? offset + query.limit : undefined;
  if (query.sort === 'oldest') {
    // Slice from the far end of the newest-first list, then reverse that slice only.
    const from = end === undefined ? 0 : Math.max(0, list.length - end);
    return list.slice(from, Math.max(0, list.length - offset)).reverse().map(toPublicSummary);
  }
  return list.slice(offset, end).map(toPublicSummary);
}

/** The articles a query selects (no paging), newest first. */
export function filteredArticles(all: readonly StoredSummary[], query: ArticleQuery, options: { presorted?: boolean } = {}): readonly StoredSummary[] {
  let list = all;
  if (query.section !== undefined && query.section !== '') {
    const key = query.section;
    list = list.filter((a) => {
      const own = a.sectionPath.join(' > ');
      return own === key || own.startsWith(`${key} > `);
    });
  }
  if (query.saved !== undefined) list = list.filter((a) => a.saved === query.saved);
  if (!options.presorted) list = [...list].sort(newestFirst);
  return list;
}

/** Saved articles, most recently saved first. */
export function savedArticles(all: StoredSummary[]): ArticleSummary[] {
  return all
    .filter((a) => a.saved)
    .sort((a, b) => (b.savedAt ?? '').localeCompare(a.savedAt ?? '') || newestFirst(a, b))
    .map(toPublicSummary);
}

/** One section per distinct section path, with article and unread counts, sorted by key. */
export function sectionsOf(all: readonly StoredSummary[]): Section[] {
  const sections = new Map<string, Section>();
  for (const a of all) {
    if (a.sectionPath.length === 0) continue;
    const key = a.sectionPath.join(' > ');
    const section = sections.get(key) ?? { key, path: [...a.sectionPath], count: 0, unread: 0 };
    section.count++;
    if (!a.read) section.unread++;
    sections.set(key, section);
  }
  return [...sections.values()].sort((a, b) => a.key.localeCompare(b.key));
}
