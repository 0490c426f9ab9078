/**
 * <meta> tags as one map (property / name / itemprop, lower case, first one wins), and the keys
 * pages use for each field, most trusted first. Published never falls back to a modified key.
 */
import { squash, type Doc } from './dom';

export function metaMap(document: Doc): Map<string, string> {
  const map = new Map<string, string>();
  for (const meta of Array.from(document.querySelectorAll('meta[content]'))) {
    const content = squash(meta.getAttribute('content'));
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = (meta.getAttribute(attr) ?? '').toLowerCase().trim();
      if (key && !map.has(key)) map.set(key, content);
    }
  }
  // parse.ly's JSON in one tag: {"pub_date": "...", "author": "..."}
  const parsely = map.get('parsely-page');
  if (parsely) {
    try {
      const page = JSON.parse(parsely) as Record<string, unknown>;
      if (typeof page.pub_date === 'string' && !map.has('parsely-pub-date')) map.set('parsely-pub-date', page.pub_date);
      if (typeof page.author === 'string' && !map.has('parsely-author')) map.set('parsely-author', page.author);
    } catch {
      // not JSON: ignored like any unknown tag
    }
  }
  return map;
}

/** Publish-date keys: Open Graph / article:, schema.org itemprop on <meta>, Dublin Core, parse.ly, and the common bare names. */
export const PUBLISHED_KEYS = [
  'article:published_time', 'article:published', 'og:article:published_time', 'og:published_time', 'published_time',
  'datepublished', 'dcterms.created', 'dc.date.created', 'dcterms.issued', 'dc.date.issued', 'dc.created',
  'parsely-pub-date', 'sailthru.date', 'publishdate', 'publish-date', 'publish_date', 'published-date', 'published_date',
  'pubdate', 'article.published', 'article_date_original', 'original-publish-date', 'datecreated', 'citation_publication_date',
  'citation_date', 'og:pubdate', 'dcterms.date', 'dc.date', 'date',
];

export const MODIFIED_KEYS = ['article:modified_time', 'og:updated_time', 'article:modified', 'datemodified', 'dcterms.modified', 'dc.date.modified', 'last-modified', 'lastmod'];

export const AUTHOR_KEYS = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl'];

export const TITLE_KEYS = ['og:title', 'twitter:title', 'headline', 'dc.title', 'dcterms.title', 'parsely-title', 'sailthru.title'];

export const IMAGE_KEYS = ['og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src', 'image', 'thumbnailurl', 'parsely-image-url'];

export const SITE_NAME_KEYS = ['og:site_name', 'application-name', 'apple-mobile-web-app-title', 'publisher'];

/** The first value among `keys` that `accept` takes. */
export function firstMeta<T>(meta: Map<string, string>, keys: string[], accept: (value: string) => T | null | undefined): T | null {
  for (const key of keys) {
    const value = meta.get(key);
    if (value === undefined) continue;
    const accepted = accept(value);
    if (accepted !== null && accepted !== undefined) return accepted;
  }
  return null;
}
