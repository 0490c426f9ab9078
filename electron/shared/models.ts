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

export interface SourceResult {
  sourceId: string;
  url: string;
  title: string;
  ok: boolean;
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
  articleCount: number;
  dataDir: string;
  /** Damaged store files found at start-up and what was done (restored from .bak or set aside),
   * in words for the user; empty when the store opened cleanly. */
  recoveryNotes: string[];
}

/** Retention settings (docs/STORAGE.md, Retention). */
export interface RetentionSettings {
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
}

/** Disk used by the data folder, in bytes, by part. */
export interface StorageInfo {
  indexBytes: number;
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
}
