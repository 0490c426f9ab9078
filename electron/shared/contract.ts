/**
 * The one contract between the renderer and its host (Electron main via IPC, or the browser host
 * via HTTP + server-sent events), declared once: per method its channel name, its argument schema
 * (valibot, see contract-schemas.ts), its result type and, where it differs, its size cap. Every
 * other part follows from this table: the TypeScript API (NewsApi), the runtime checks
 * (checkArg in contract-check.ts), the preload bridge, the IPC handler table, the browser host's
 * routes (POST /api/<channel>) and the limits Settings shows. A method takes at most one argument
 * and returns a promise. docs/DEVELOPERS.md shows how to add a channel.
 */
import * as v from 'valibot';
import type {
  AppSettings,
  AppStatus,
  Article,
  ArticleQuery,
  ArticleSummary,
  SavedExport,
  SearchQuery,
  SearchResults,
  Section,
  Source,
  StorageInfo,
  SyncProgress,
  SyncSummary,
} from './models';
import {
  articleQuery,
  bool,
  httpUrl,
  id,
  int,
  linkUrl,
  MAX_ARG_BYTES,
  MAX_OPML_LENGTH,
  MAX_SEARCH_TEXT,
  MAX_SECTION_LENGTH,
  MAX_TITLE_LENGTH,
  none,
  object,
  oneOf,
  returns,
  settingsPatch,
  str,
  type Returns,
} from './contract-schemas';

export { MAX_ARG_BYTES, NOTIFY_SECTIONS_LIMITS, SETTINGS_LIMITS } from './contract-schemas';

type ArgSchema = v.GenericSchema<unknown, unknown>;

interface ChannelSpec<A extends ArgSchema, R> {
  /** IPC channel (Electron) and HTTP route (browser host: POST /api/<channel>). */
  channel: string;
  arg: A;
  result: Returns<R>;
  /** Largest serialized argument (bytes); MAX_ARG_BYTES when left out. */
  maxArgBytes?: number;
}

const channel = <A extends ArgSchema, R>(spec: ChannelSpec<A, R>) => spec;

const title = v.pipe(str(MAX_TITLE_LENGTH), v.check((text) => text.trim() !== '', 'empty title'));

export const contract = {
  getStatus: channel({ channel: 'news:get-status', arg: none, result: returns<AppStatus>() }),
  listSections: channel({ channel: 'news:list-sections', arg: none, result: returns<Section[]>() }),
  listArticles: channel({ channel: 'news:list-articles', arg: v.nullish(articleQuery), result: returns<ArticleSummary[]>() }),
  /** How many articles listArticles would return without limit/offset (virtualized lists). */
  countArticles: channel({ channel: 'news:count-articles', arg: v.nullish(articleQuery), result: returns<number>() }),
  /** Marks every unread article of a section (prefix match; omitted: all) as read; returns how many. */
  markAllRead: channel({
    channel: 'news:mark-all-read',
    arg: object({ section: v.optional(str(MAX_SECTION_LENGTH)) }),
    result: returns<number>(),
  }),
  getArticle: channel({ channel: 'news:get-article', arg: id, result: returns<Article | null>() }),
  setSaved: channel({ channel: 'news:set-saved', arg: object({ id, saved: bool }), result: returns<ArticleSummary>() }),
  setRead: channel({ channel: 'news:set-read', arg: object({ id, read: bool }), result: returns<ArticleSummary>() }),
  listSaved: channel({ channel: 'news:list-saved', arg: none, result: returns<ArticleSummary[]>() }),
  listSources: channel({ channel: 'news:list-sources', arg: none, result: returns<Source[]>() }),
  addSource: channel({
    channel: 'news:add-source',
    arg: object({ url: httpUrl, title: v.optional(str(MAX_TITLE_LENGTH)) }),
    result: returns<Source>(),
  }),
  /** Renames a source and/or moves its articles to a section ("News > City"; null: back to the
   * feed's own categories). */
  updateSource: channel({
    channel: 'news:update-source',
    arg: object({ id, title: v.optional(title), section: v.optional(v.nullable(str(MAX_SECTION_LENGTH))) }),
    result: returns<Source>(),
  }),
  removeSource: channel({ channel: 'news:remove-source', arg: id, result: returns<void>() }),
  syncNow: channel({ channel: 'news:sync-now', arg: none, result: returns<SyncSummary>() }),
  /** Stops the running sync (the store stays consistent: what finished is kept); false when none ran. */
  cancelSync: channel({ channel: 'news:cancel-sync', arg: none, result: returns<boolean>() }),
  /** Offline full-text search over stored articles. */
  search: channel({
    channel: 'news:search',
    arg: object({
      text: str(MAX_SEARCH_TEXT),
      section: v.optional(str(MAX_SECTION_LENGTH)),
      saved: v.optional(bool),
      limit: v.optional(int(1, 500)),
    }),
    result: returns<SearchResults>(),
  }),
  /** The saved articles as one self-contained HTML or Markdown file (photos embedded). */
  exportSaved: channel({
    channel: 'news:export-saved',
    arg: object({ format: oneOf('html', 'markdown') }),
    result: returns<SavedExport>(),
  }),
  /** Opens an http/https/mailto URL in the system browser; false when refused. */
  openExternal: channel({ channel: 'news:open-external', arg: linkUrl, result: returns<boolean>() }),
  /** Queues an article link that is not stored (asked for while offline): the next sync fetches
   * it and saves it. `message` tells the reader what happened. */
  queueArticle: channel({ channel: 'news:queue-article', arg: httpUrl, result: returns<{ queued: boolean; message: string }>() }),
  /** The offline queue, oldest first; `lastError` is why the last attempt failed (null: not tried). */
  listQueue: channel({
    channel: 'news:list-queue',
    arg: none,
    result: returns<{ url: string; title: string; queuedAt: string; lastError: string | null }[]>(),
  }),
  /** The reader's settings (retention, storage, sync schedule, photos). */
  getSettings: channel({ channel: 'news:get-settings', arg: none, result: returns<AppSettings>() }),
  /** Changes settings (ranges: SETTINGS_LIMITS; storageBudgetMb null: no budget; notifySections:
   * section keys for the desktop new-articles notification; refreshMinutes 0: off) and applies
   * them at once; returns the settings now in force. */
  updateSettings: channel({ channel: 'news:update-settings', arg: settingsPatch, result: returns<AppSettings>() }),
  /** Disk used by the data folder (walks it: call when showing it, not per frame). */
  getStorageInfo: channel({ channel: 'news:get-storage-info', arg: none, result: returns<StorageInfo>() }),
  /** OPML 2.0 text listing the user's sources (title, xmlUrl, htmlUrl). */
  exportOpml: channel({ channel: 'news:export-opml', arg: none, result: returns<string>() }),
  /** Adds the http(s) feeds of an OPML text (nested outlines too); known feeds are skipped.
   * Hostile or non-OPML text is refused with an error; `errors` lists entries that were left out. */
  importOpml: channel({
    channel: 'news:import-opml',
    arg: str(MAX_OPML_LENGTH),
    result: returns<{ added: number; skipped: number; errors: string[] }>(),
    maxArgBytes: MAX_OPML_LENGTH + 1024,
  }),
};

export type NewsMethod = keyof typeof contract;
type Spec<M extends NewsMethod> = (typeof contract)[M];

export type ArgOf<M extends NewsMethod> = Spec<M>['arg'] extends typeof none ? undefined : v.InferOutput<Spec<M>['arg']>;
export type ResultOf<M extends NewsMethod> = Spec<M>['result'] extends Returns<infer R> ? R : never;

/** The API the renderer calls and the core implements, derived from the table. */
export type NewsApi = {
  [M in NewsMethod]: Spec<M>['arg'] extends typeof none
    ? () => Promise<ResultOf<M>>
    : null extends v.InferOutput<Spec<M>['arg']>
      ? (arg?: ArgOf<M>) => Promise<ResultOf<M>>
      : (arg: ArgOf<M>) => Promise<ResultOf<M>>;
};

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

/** IPC channel (Electron webContents.send) and SSE event name (browser host) per event. */
export const eventChannels = {
  'sync:progress': 'news:event:sync-progress',
  'sync:finished': 'news:event:sync-finished',
  connectivity: 'news:event:connectivity',
  'store:changed': 'news:event:store-changed',
  'menu:command': 'news:event:menu-command',
} as const satisfies Record<NewsEventName, string>;

export const methodNames = Object.keys(contract) as NewsMethod[];
export const eventNames = Object.keys(eventChannels) as NewsEventName[];

/** The channel name of every method (derived from the table). */
export const channels = Object.fromEntries(methodNames.map((m) => [m, contract[m].channel])) as {
  readonly [M in NewsMethod]: Spec<M>['channel'];
};

/** The names alone (no schemas): what the preload is built with (electron.vite.config.ts). */
export interface ChannelTables {
  methods: Readonly<Record<NewsMethod, string>>;
  events: Readonly<Record<NewsEventName, string>>;
}
export const channelTables: ChannelTables = { methods: channels, events: eventChannels };

/** What the renderer sees: the API plus event subscription. Returned function unsubscribes. */
export interface NewsBridge extends NewsApi {
  on<E extends NewsEventName>(event: E, listener: (payload: NewsEvents[E]) => void): () => void;
}

/** The argument size cap of `method`. */
export const maxArgBytes = (method: NewsMethod): number => contract[method].maxArgBytes ?? MAX_ARG_BYTES;

// The declared argument shapes stay assignable to the model types the core reads.
type Assignable<A, B extends A> = B;
export type ContractModelChecks = [
  Assignable<ArticleQuery, NonNullable<ArgOf<'listArticles'>>>,
  Assignable<SearchQuery, ArgOf<'search'>>,
  Assignable<Partial<AppSettings>, ArgOf<'updateSettings'>>,
];
