/**
 * The on-disk shapes of the store (schema version 1), documented in docs/STORAGE.md.
 * index.json holds everything lists need; articles/<id>.json holds one article's body.
 */
import type { ArticleSummary, Photo, RelatedLink } from '../../shared/models';

export const SCHEMA_VERSION = 1;

export interface StoredSource {
  id: string;
  url: string;
  title: string;
  siteUrl: string;
  addedAt: string;
  lastSyncAt: string | null;
  lastError: string | null;
  /** Conditional GET validators from the last successful feed fetch. */
  etag: string | null;
  lastModified: string | null;
  /** The feed found by auto-discovery when `url` is a web page, else null. */
  feedUrl: string | null;
}

/** A summary plus what the store needs to find the article again. */
export interface StoredSummary extends ArticleSummary {
  canonicalUrl: string;
  contentSource: 'page' | 'feed';
  /** Dedupe keys ("guid:<source>:<guid>", "url:<cleaned link>", …). */
  keys: string[];
  /** Hash of the feed item's title/link/dates/content when last stored (change detection). */
  feedFingerprint: string | null;
}

export interface StoreSettings {
  /** Days to keep unsaved articles (retention; not enforced yet). */
  keepDays: number;
}

export interface SyncState {
  lastSyncAt: string | null;
  /** Whether the last sync reached at least one host (the offline heuristic). */
  lastSyncReachedHost: boolean | null;
}

/** A link the reader asked for while offline; the next sync fetches it and saves the article. */
export interface QueuedLink {
  url: string;
  title: string;
  queuedAt: string;
  /** Why the last attempt failed, or null before the first attempt. */
  lastError: string | null;
}

export interface IndexDoc {
  schemaVersion: typeof SCHEMA_VERSION;
  sources: Record<string, StoredSource>;
  articles: Record<string, StoredSummary>;
  settings: StoreSettings;
  sync: SyncState;
  /** When the bundled first-run edition was seeded (null when it was not). */
  firstRunSeededAt: string | null;
  /** Offline queue (absent in index files written before it existed). */
  queue?: QueuedLink[];
}

export interface BodyDoc {
  schemaVersion: typeof SCHEMA_VERSION;
  id: string;
  photo: Photo | null;
  bodyHtml: string;
  bodyText: string;
  related: RelatedLink[];
  siteName: string;
  language: string;
}

export function emptyIndex(): IndexDoc {
  return {
    schemaVersion: SCHEMA_VERSION,
    sources: {},
    articles: {},
    settings: { keepDays: 30 },
    sync: { lastSyncAt: null, lastSyncReachedHost: null },
    firstRunSeededAt: null,
  };
}

/** Problem with a parsed index.json, or null when it is usable. */
export function checkIndex(value: unknown): string | null {
  const doc = value as Partial<IndexDoc>;
  if (typeof doc !== 'object' || doc === null) return 'not an object';
  if (typeof doc.schemaVersion !== 'number') return 'no schemaVersion';
  if (typeof doc.sources !== 'object' || doc.sources === null) return 'no sources';
  if (typeof doc.articles !== 'object' || doc.articles === null) return 'no articles';
  return null;
}

export function checkBody(value: unknown): string | null {
  const doc = value as Partial<BodyDoc>;
  if (typeof doc.id !== 'string' || typeof doc.bodyHtml !== 'string') return 'not an article body';
  return null;
}
