/**
 * Tests' builder of an article as the sync hands it to NewsStore.upsertArticle: one link, a plain
 * body and no photo unless overridden. Dedupe keys follow the (overridden) source, guid and link.
 * Used by the store, search and export tests.
 */
import { dedupeKeys } from './ids';
import type { ArticleInput } from './store';

export function articleInput(link: string, overrides: Partial<ArticleInput> & { guid?: string | null } = {}): ArticleInput {
  const { guid = null, ...rest } = overrides;
  const sourceId = rest.sourceId ?? 's1';
  return {
    keys: dedupeKeys({ sourceId, guid, link }),
    url: link,
    canonicalUrl: link,
    sourceId,
    sourceTitle: 'Example News',
    sectionPath: ['News', 'City'],
    title: 'A story',
    dek: '',
    byline: '',
    publishedAt: '2024-02-16T00:00:00.000Z',
    updatedAt: null,
    thumbnail: null,
    offline: true,
    photo: null,
    bodyHtml: '<p>Body</p>',
    bodyText: 'Body',
    related: [],
    contentSource: 'page',
    siteName: 'Example',
    language: 'en',
    ...rest,
  };
}
