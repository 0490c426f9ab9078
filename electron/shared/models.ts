/**
 * Data shapes shared by the core, the Electron main process, the preload, the browser host and the
 * renderer. Pure types: this file imports nothing and runs nowhere.
 */

/** A photo as stored: `file` is the cache file name (e.g. "3f9a…c1.jpg") inside the data folder's
 * photos/ directory, or null while it has not been downloaded yet. */
export interface Photo {
  file: string | null;
  /** The remote URL it came from (never loaded by the renderer). */
  url: string;
  caption: string;
  credit: string;
  alt: string;
  width: number | null;
  height: number | null;
}

export interface RelatedLink {
  title: string;
  url: string;
  /** Id of the stored article this link points to, when it is stored. */
  articleId: string | null;
}

/** What lists show: everything but the body. */
export interface ArticleSummary {
  id: string;
  url: string;
  sourceId: string;
  sourceTitle: string;
  /** Outermost first, e.g. ["News", "Palestine"]. Empty when unknown. */
  sectionPath: string[];
  title: string;
  dek: string;
  byline: string;
  /** ISO 8601, or null when the item had no parseable date (never the fetch time). */
  publishedAt: string | null;
  updatedAt: string | null;
  /** Cache file name of the lead photo (for thumbnails), or null. */
  thumbnail: string | null;
  saved: boolean;
  savedAt: string | null;
  read: boolean;
  /** True only when the text and every photo it shows are stored. */
  offline: boolean;
  fetchedAt: string;
}

export interface Article extends ArticleSummary {
  canonicalUrl: string;
  photo: Photo | null;
  /** Sanitized HTML; cached <img> have src="/photos/<file>" (data-remote-src keeps the origin URL);
   * photos not yet downloaded have no src, only data-pending-src, so nothing remote ever loads. */
  bodyHtml: string;
  bodyText: string;
  related: RelatedLink[];
  /** Where the body came from. */
  contentSource: 'page' | 'feed';
  siteName: string;
  language: string;
}

export interface Section {
  /** Path joined with " > ", e.g. "News > Palestine"; the key used by listArticles. */
  key: string;
  path: string[];
  count: number;
  unread: number;
}

export interface Source {
  id: string;
  /** Feed URL. */
  url: string;
  title: string;
  siteUrl: string;
  addedAt: string;
  lastSyncAt: string | null;
  lastError: string | null;
  articleCount: number;
  /** Section the reader moved this source's articles to (outermost first), or null: the feed's own
   * categories decide. */
  section: string[] | null;
  /** Syncs in a row that failed (0 after a success). */
  consecutiveFailures: number;
  /** While a failing source is backed off: when scheduled syncs try it again (ISO); null otherwise.
   * "Sync now" always tries every source. */
  retryAfter: string | null;
}

export type SyncPhase = 'queued' | 'fetching' | 'parsed' | 'articles' | 'done' | 'error';

export interface SyncProgress {
  sourceId: string;
  sourceTitle: string;
  url: string;
  phase: SyncPhase;
  /** New and updated article counts once parsed. */
  added: number;
  updated: number;
  /** Articles whose page/photos are processed so far, out of total. */
  done: number;
  total: number;
  error: string | null;
  /** Non-fatal problems (a page or photo that failed). */
  warnings: string[];
}

/** How one source's part of a sync ended. Read this, never the words of `error`. */
export type SourceOutcome =
  | { kind: 'synced' }
  | { kind: 'failed' }
  /** The sync was cancelled before this source finished: nobody's failure. */
  | { kind: 'cancelled' }
  /** A scheduled run skipped the source: it failed `failures` times in a row and waits until `retryAfter` (ISO). */
  | { kind: 'backed-off'; failures: number; retryAfter: string };

export interface SourceResult {
  sourceId: string;
  url: string;
  title: string;
  /** outcome.kind === 'synced'. */
  ok: boolean;
  outcome: SourceOutcome;
  /** Why it did not sync, in words for the reader (null when it did). */
  error: string | null;
  added: number;
  updated: number;
  warnings: string[];
}

export interface SyncSummary {
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  sources: SourceResult[];
  /** Articles this run added (after retention), for the new-articles notification; absent from
   * older hosts. */
  newArticles?: NewArticleNote[];
}

/** An article a sync added, as the new-articles notification needs it (electron/core/notify.ts). */
export interface NewArticleNote {
  id: string;
  title: string;
  sectionPath: string[];
}

export interface AppStatus {
  online: boolean;
  syncing: boolean;
  lastSyncAt: string | null;
  /** Articles stored (while older summaries still load at start-up: those read so far). */
  articleCount: number;
  dataDir: string;
  /** Damaged store files found at start-up and what was done (restored from .bak or set aside),
   * in words for the user; empty when the store opened cleanly. */
  recoveryNotes: string[];
  /** When the next scheduled sync runs (ISO), or null when none is scheduled (interval off, or the
   * host does not schedule: the CLI). */
  nextSyncAt: string | null;
}

/** The reader's settings kept in the store (docs/STORAGE.md): retention, storage, sync. */
export interface AppSettings {
  /** Days to keep an unsaved article after it was last fetched. */
  keepDays: number;
  /** Most unsaved articles kept per source. */
  maxPerSource: number;
  /** The newest articles of each source that always stay. */
  keepNewest: number;
  /** Disk budget for the data folder in MB (whole number 50-1000000), or null for no budget. */
  storageBudgetMb: number | null;
  /** Section keys ("News > City"; prefix match) whose new articles raise a desktop notification
   * after a sync; empty (the default) = no notifications. */
  notifySections: string[];
  /** Minutes between scheduled syncs (whole number 5-1440), or 0 for no scheduled sync. Default 30. */
  refreshMinutes: number;
  /** Whether syncs download photos (lead and inline). Off: text only, photos stay remote and are
   * never shown. Default true. */
  downloadPhotos: boolean;
}

/** The settings' earlier name (they started as retention settings only). */
export type RetentionSettings = AppSettings;

/** Disk used by the data folder, in bytes, by part. */
export interface StorageInfo {
  indexBytes: number;
  /** The full-text search index (derived data, rebuilt when deleted; not counted by the budget). */
  searchBytes: number;
  summariesBytes: number;
  bodiesBytes: number;
  photosBytes: number;
  totalBytes: number;
  articles: number;
  photos: number;
}

export interface ArticleQuery {
  /** A Section.key; prefix match ("News" includes "News > Palestine"). Omit for all. */
  section?: string;
  saved?: boolean;
  limit?: number;
  offset?: number;
  /** Default 'newest' (publishedAt, falling back to fetchedAt). */
  sort?: ArticleSort;
}

export type ArticleSort = 'newest' | 'oldest';

/** Offline full-text search (headline, dek, byline, body): typo-tolerant, accent-insensitive. */
export interface SearchQuery {
  text: string;
  /** A Section.key, prefix match as in ArticleQuery. */
  section?: string;
  /** true: saved articles only. */
  saved?: boolean;
  /** Default 50, at most 500. */
  limit?: number;
}

export interface SearchHit {
  article: ArticleSummary;
  /** The stored words that matched (as they appear in the text, e.g. "café" for "cafe"), for
   * highlighting. */
  terms: string[];
  /** Plain text around the first match in the body or dek (at most ~240 characters). */
  snippet: string;
  score: number;
}

export interface SearchResults {
  hits: SearchHit[];
  /** Matches before the limit. */
  total: number;
  /** False while the index is still being built or loaded (results may be incomplete). */
  ready: boolean;
  /** True when no article had every word, so the hits have some of them (absent otherwise). */
  anyWord?: boolean;
}

/** A file of the saved articles, usable offline: photos are embedded (data: URLs). */
export interface SavedExport {
  fileName: string;
  mimeType: string;
  content: string;
  articles: number;
  photos: number;
}
