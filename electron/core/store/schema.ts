/**
 * The on-disk shapes of the store (schema version 2), documented in docs/STORAGE.md.
 * index.json holds sources, settings and sync state; summaries/<day>.json the article summaries
 * (see summaries.ts); articles/<id>.json one article's body. Version 1 shapes are kept for the
 * migration (migrations.ts).
 */
import type { ArticleSummary, Photo, RelatedLink } from '../../shared/models';

export const SCHEMA_VERSION = 2;

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
  /** Section path the reader moved this source to, or null (absent in older files = null). */
  section?: string[] | null;
  /** Failed syncs in a row (absent = 0) and, while backed off, when to try again (ISO). */
  consecutiveFailures?: number;
  retryAfter?: string | null;
}

/** A summary plus what the store needs to find the article again. */
export interface StoredSummary extends ArticleSummary {
  canonicalUrl: string;
  contentSource: 'page' | 'feed';
  /** Dedupe keys ("guid:<source>:<guid>", "url:<cleaned link>", …). */
  keys: string[];
  /** Hash of the feed item's title/link/dates/content when last stored (change detection). */
  feedFingerprint: string | null;
  /** Photo cache files the article shows (lead photo and body images); schema 2. */
  photos: string[];
  /** The section path the feed or page gave (kept while the reader has moved the source to a
   * section, which then is `sectionPath`). Absent in older files: equal to sectionPath. */
  feedSectionPath?: string[];
}

export interface StoreSettings {
  /** Days to keep unsaved articles (retention, see retention.ts). */
  keepDays: number;
  /** Most unsaved articles kept per source (schema 2). */
  maxPerSource: number;
  /** The newest articles of each source that are always kept, whatever their age (schema 2). */
  keepNewest: number;
  /** Disk budget in MB for the data folder, or null for none (budget.ts). Added without a schema
   * bump: a store that lacks it reads as null (the defaults are merged in on open). */
  storageBudgetMb: number | null;
  /** Section keys whose new articles raise a desktop notification (electron/core/notify.ts); empty
   * = off. Added without a schema bump, like storageBudgetMb. */
  notifySections: string[];
  /** Minutes between scheduled syncs, 0 = off (added without a schema bump, like storageBudgetMb). */
  refreshMinutes: number;
  /** Whether syncs download photos (added without a schema bump). */
  downloadPhotos: boolean;
}

export const DEFAULT_SETTINGS: StoreSettings = {
  keepDays: 30,
  maxPerSource: 500,
  keepNewest: 20,
  storageBudgetMb: null,
  notifySections: [],
  refreshMinutes: 30,
  downloadPhotos: true,
};

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

/** index.json (schema 2): everything but the article summaries, which live in summaries/. */
export interface IndexDoc {
  schemaVersion: typeof SCHEMA_VERSION;
  sources: Record<string, StoredSource>;
  settings: StoreSettings;
  sync: SyncState;
  /** When the bundled first-run edition was seeded (null when it was not). */
  firstRunSeededAt: string | null;
  /** Offline queue (absent in index files written before it existed). */
  queue?: QueuedLink[];
  /** The days summaries/ holds a partition for (absent before checksums): a listed day whose file
   * is gone was lost, an unlisted one was never written (recovery.ts). */
  days?: string[];
}

/** index.json as schema 1 wrote it (summaries inside, no `photos` per summary). */
export interface IndexDocV1 extends Omit<IndexDoc, 'schemaVersion' | 'settings'> {
  schemaVersion: 1;
  settings: { keepDays: number };
  articles: Record<string, Omit<StoredSummary, 'photos'>>;
}

/** Unchanged between schema 1 and 2: a body keeps the version that wrote it. */
export interface BodyDoc {
  schemaVersion: number;
  id: string;
  photo: Photo | null;
  bodyHtml: string;
  bodyText: string;
  related: RelatedLink[];
  siteName: string;
  language: string;
  /** A copy of the article's summary as of the last write of this body (bodies written since
   * checksums; absent in older ones). It rebuilds the summary when its day file is lost
   * (recovery.ts); the saved flag is kept current here (setSaved rewrites the body), the read flag
   * and a moved section path are as of the body's last write. */
  summary?: StoredSummary;
}

/** What a summaries partition keeps of each source it names, so a lost index.json can be rebuilt
 * (recovery.ts): everything but the sync state. */
export type SourceCopy = Pick<StoredSource, 'id' | 'url' | 'title' | 'siteUrl' | 'addedAt' | 'feedUrl' | 'section'>;

export function sourceCopyOf(source: StoredSource): SourceCopy {
  const { id, url, title, siteUrl, addedAt, feedUrl, section } = source;
  return { id, url, title, siteUrl, addedAt, feedUrl, section: section ?? null };
}

export function emptyIndex(): IndexDoc {
  return {
    schemaVersion: SCHEMA_VERSION,
    sources: {},
    settings: { ...DEFAULT_SETTINGS },
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
  if ((doc.schemaVersion as number) === 1 && (typeof (doc as Partial<IndexDocV1>).articles !== 'object' || (doc as Partial<IndexDocV1>).articles === null)) {
    return 'no articles';
  }
  return null;
}

/** Photo cache files an article shows: its lead photo and every /photos/<file> in its body. */
export function photoFilesOf(photoFile: string | null | undefined, bodyHtml: string): string[] {
  const files = new Set<string>();
  if (photoFile) files.add(photoFile);
  // Copied, not kept as matched: V8 keeps a match of 13+ characters as a slice of the whole body,
  // so every summary would hold its article's body in memory.
  for (const match of bodyHtml.matchAll(/\/photos\/([A-Za-z0-9_-]{1,128}\.[a-z0-9]{1,5})/g)) files.add(Buffer.from(match[1]!, 'latin1').toString('latin1'));
  return [...files];
}

export function checkBody(value: unknown): string | null {
  const doc = value as Partial<BodyDoc>;
  if (typeof doc.id !== 'string' || typeof doc.bodyHtml !== 'string') return 'not an article body';
  return null;
}
