/**
 * Interfaces between the core's modules (fetch, feeds, extract, images, store, sync, service).
 * Each module implements its part in its own folder; this file only names the shapes so the
 * modules can be written and tested apart. Plain Node: never imports electron or the DOM.
 */
import type { NewsApi, NewsEventName, NewsEvents } from '../shared/contract';
import type { RetryPolicy } from './fetch/retry';
import type { FetchOptions } from './fetch/fetch-types';
import type { SchedulerTimers } from './scheduler';

// ---- fetch/ -------------------------------------------------------------------------------

// The fetch shapes live beside the fetcher (fetch/fetch-types.ts), so fetch/ never imports this file.
export type { FetchErrorCode, FetchOptions, FetchResult } from './fetch/fetch-types';

// ---- feeds/ -------------------------------------------------------------------------------

export interface CandidatePhoto {
  url: string;
  caption: string;
  credit: string;
  alt: string;
  width: number | null;
  height: number | null;
}

export interface FeedItem {
  guid: string | null;
  /** Absolute link (resolved against xml:base / the feed URL), or null. */
  link: string | null;
  /** Entities decoded, tags stripped. */
  title: string;
  summary: string;
  /** content:encoded / atom content / content_html, raw (not yet sanitized). */
  contentHtml: string;
  authors: string[];
  /** Category names; the first is used as the section path, split on ">" / "/" when nested. */
  categories: string[];
  /** ISO 8601 or null; never the fetch time. */
  publishedAt: string | null;
  updatedAt: string | null;
  photos: CandidatePhoto[];
  commentCount: number | null;
}

export interface ParsedFeed {
  format: 'rss' | 'rdf' | 'atom' | 'json';
  title: string;
  siteUrl: string;
  items: FeedItem[];
}

// ---- extract/ -----------------------------------------------------------------------------

export interface ExtractedArticle {
  title: string;
  dek: string;
  byline: string;
  publishedAt: string | null;
  updatedAt: string | null;
  /** e.g. ["News", "Palestine"] from JSON-LD articleSection or the breadcrumb. */
  sectionPath: string[];
  canonicalUrl: string;
  siteName: string;
  language: string;
  leadPhoto: CandidatePhoto | null;
  /** Sanitized; images have absolute remote src (the sync step localizes them); the lead photo's
   * figure is not repeated in it. */
  bodyHtml: string;
  bodyText: string;
  inlinePhotos: CandidatePhoto[];
  related: { title: string; url: string }[];
  /** The page's own text is too short for an article (a teaser, a video page, a product page):
   * its metadata and photo are good, its text is kept only when the feed has none. */
  short?: boolean;
}

// ---- images/ ------------------------------------------------------------------------------

export interface CachedPhoto {
  /** "<sha256 of bytes>.<ext from sniffed magic bytes>" inside the photos folder. */
  file: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
}

// ---- service ------------------------------------------------------------------------------

export interface NewsServiceOptions {
  dataDir: string;
  /** Folder of the bundled first-run edition (assets/first-run); seeded into a fresh data folder. */
  firstRunDir?: string | null;
  /** Host hook for "Open original" etc.; the service already refused non http/https/mailto. */
  openExternal?: (url: string) => Promise<void> | void;
  /** Host's connectivity probe (Electron: net.isOnline; browser host: connectivity.ts). Without
   * one, the last sync decides (one that reached no host means offline). */
  isOnline?: () => boolean;
  /** With isOnline: also count the last sync (one that reached no host means offline until one
   * does). The browser host sets it; Electron trusts net.isOnline alone. */
  trustLastSync?: boolean;
  /** How often isOnline is polled for the 'connectivity' event and the sync on reconnect
   * (default 10 s; 0 = never). */
  connectivityPollMs?: number;
  /** Syncs by themselves (scheduler.ts): on start, every settings.refreshMinutes, on reconnect.
   * The app hosts set it; the CLIs never do. Scheduled syncs skip backed-off sources. */
  schedule?: boolean | { startDelayMs?: number; timers?: SchedulerTimers };
  /** Retries of transient feed failures (fetch/retry.ts; default 2 retries). */
  retry?: RetryPolicy;
  fetchOptions?: Partial<FetchOptions>;
}

export interface NewsService {
  readonly api: NewsApi;
  readonly dataDir: string;
  readonly photosDir: string;
  on<E extends NewsEventName>(event: E, listener: (payload: NewsEvents[E]) => void): () => void;
  /** Absolute path of a cached photo, or null when the name is not a plain cache file name. */
  resolvePhoto(name: string): string | null;
  close(): Promise<void>;
}
