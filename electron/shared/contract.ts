/**
 * The one typed contract between the renderer and its host (Electron main via IPC, or the browser
 * host via HTTP + server-sent events). Every method takes at most one argument and returns a
 * promise. The channel tables below are the only place channel names are written.
 */
import type {
  AppStatus,
  Article,
  ArticleQuery,
  ArticleSummary,
  AppSettings,
  SavedExport,
  SearchQuery,
  SearchResults,
  Section,
  Source,
  StorageInfo,
  SyncProgress,
  SyncSummary,
} from './models';

export interface NewsApi {
  getStatus(): Promise<AppStatus>;
  listSections(): Promise<Section[]>;
  listArticles(query: ArticleQuery): Promise<ArticleSummary[]>;
  /** How many articles listArticles would return without limit/offset (virtualized lists). */
  countArticles(query: ArticleQuery): Promise<number>;
  /** Marks every unread article of a section (prefix match; omitted: all) as read; returns how many. */
  markAllRead(args: { section?: string }): Promise<number>;
  getArticle(id: string): Promise<Article | null>;
  setSaved(args: { id: string; saved: boolean }): Promise<ArticleSummary>;
  setRead(args: { id: string; read: boolean }): Promise<ArticleSummary>;
  listSaved(): Promise<ArticleSummary[]>;
  listSources(): Promise<Source[]>;
  addSource(args: { url: string; title?: string }): Promise<Source>;
  removeSource(id: string): Promise<void>;
  /** Renames a source and/or moves its articles to a section ("News > City"; null: back to the
   * feed's own categories). */
  updateSource(args: { id: string; title?: string; section?: string | null }): Promise<Source>;
  syncNow(): Promise<SyncSummary>;
  /** Stops the running sync (the store stays consistent: what finished is kept); false when none ran. */
  cancelSync(): Promise<boolean>;
  /** Offline full-text search over stored articles. */
  search(query: SearchQuery): Promise<SearchResults>;
  /** The saved articles as one self-contained HTML or Markdown file (photos embedded). */
  exportSaved(args: { format: 'html' | 'markdown' }): Promise<SavedExport>;
  /** Opens an http/https/mailto URL in the system browser; false when refused. */
  openExternal(url: string): Promise<boolean>;
  /** Queues an article link that is not stored (asked for while offline): the next sync fetches
   * it and saves it. `message` tells the reader what happened. */
  queueArticle(url: string): Promise<{ queued: boolean; message: string }>;
  /** The offline queue, oldest first; `lastError` is why the last attempt failed (null: not tried). */
  listQueue(): Promise<{ url: string; title: string; queuedAt: string; lastError: string | null }[]>;
  /** The reader's settings (retention, storage, sync schedule, photos). */
  getSettings(): Promise<AppSettings>;
  /** Changes settings (whole numbers: keepDays 1-3650, maxPerSource 1-100000, keepNewest
   * 0-10000; storageBudgetMb 50-1000000 or null for no budget; notifySections: up to 200 section
   * keys for the desktop new-articles notification; refreshMinutes 0 (off) or 5-1440;
   * downloadPhotos) and applies them at once; returns the settings now in force. */
  updateSettings(patch: Partial<AppSettings>): Promise<AppSettings>;
  /** Disk used by the data folder (walks it: call when showing it, not per frame). */
  getStorageInfo(): Promise<StorageInfo>;
  /** OPML 2.0 text listing the user's sources (title, xmlUrl, htmlUrl). */
  exportOpml(): Promise<string>;
  /** Adds the http(s) feeds of an OPML text (nested outlines too); known feeds are skipped.
   * Hostile or non-OPML text is refused with an error; `errors` lists entries that were left out. */
  importOpml(xml: string): Promise<{ added: number; skipped: number; errors: string[] }>;
}

export type NewsMethod = keyof NewsApi;

/** Events pushed from the host to the renderer. */
export interface NewsEvents {
  'sync:progress': SyncProgress;
  'sync:finished': SyncSummary;
  connectivity: { online: boolean };
  'store:changed': { reason: string };
  /** A desktop menu command the page carries out (Electron app menu; never sent by the browser host). */
  'menu:command': { command: MenuCommand; /** For 'open-article' (a clicked new-articles notification). */ articleId?: string };
}

/** Commands the app menu hands to the page (the rest are done in main: sync, zoom, about, quit). */
export type MenuCommand = 'add-source' | 'save-article' | 'theme-light' | 'theme-dark' | 'theme-system' | 'shortcut-help' | 'open-article';

export type NewsEventName = keyof NewsEvents;

/** IPC channel (Electron) and HTTP route name (browser host: POST /api/<channel>) per method. */
export const channels = {
  getStatus: 'news:get-status',
  listSections: 'news:list-sections',
  listArticles: 'news:list-articles',
  countArticles: 'news:count-articles',
  markAllRead: 'news:mark-all-read',
  getArticle: 'news:get-article',
  setSaved: 'news:set-saved',
  setRead: 'news:set-read',
  listSaved: 'news:list-saved',
  listSources: 'news:list-sources',
  addSource: 'news:add-source',
  updateSource: 'news:update-source',
  removeSource: 'news:remove-source',
  syncNow: 'news:sync-now',
  cancelSync: 'news:cancel-sync',
  search: 'news:search',
  exportSaved: 'news:export-saved',
  openExternal: 'news:open-external',
  queueArticle: 'news:queue-article',
  listQueue: 'news:list-queue',
  getSettings: 'news:get-settings',
  updateSettings: 'news:update-settings',
  getStorageInfo: 'news:get-storage-info',
  exportOpml: 'news:export-opml',
  importOpml: 'news:import-opml',
} as const satisfies Record<NewsMethod, string>;

/** IPC channel (Electron webContents.send) and SSE event name (browser host) per event. */
export const eventChannels = {
  'sync:progress': 'news:event:sync-progress',
  'sync:finished': 'news:event:sync-finished',
  connectivity: 'news:event:connectivity',
  'store:changed': 'news:event:store-changed',
  'menu:command': 'news:event:menu-command',
} as const satisfies Record<NewsEventName, string>;

export const methodNames = Object.keys(channels) as NewsMethod[];
export const eventNames = Object.keys(eventChannels) as NewsEventName[];

/** What the renderer sees: the API plus event subscription. Returned function unsubscribes. */
export interface NewsBridge extends NewsApi {
  on<E extends NewsEventName>(event: E, listener: (payload: NewsEvents[E]) => void): () => void;
}

export type ArgOf<M extends NewsMethod> = Parameters<NewsApi[M]> extends [infer A] ? A : undefined;
export type ResultOf<M extends NewsMethod> = Awaited<ReturnType<NewsApi[M]>>;

/** Largest serialized argument a host accepts (bytes). */
export const MAX_ARG_BYTES = 64 * 1024;

/** Larger caps for the few methods that carry a document (serialized bytes); the rest use MAX_ARG_BYTES. */
export const MAX_ARG_BYTES_FOR: Partial<Record<NewsMethod, number>> = { importOpml: 2 * 1024 * 1024 + 1024 };

/** The argument size cap of `method`. */
export const maxArgBytes = (method: NewsMethod): number => MAX_ARG_BYTES_FOR[method] ?? MAX_ARG_BYTES;
