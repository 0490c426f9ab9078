/**
 * The news service: implements every NewsApi method of the contract over the store and the sync
 * engine, and emits NewsEvents. Both hosts (Electron main, the browser host) and the CLIs use it.
 * A fresh data folder is seeded with the bundled first-run edition. With `schedule` it also syncs
 * by itself (scheduler.ts: on start, on an interval, on reconnect); with `isOnline` it polls the
 * host's connectivity and emits 'connectivity' on every change.
 */
import type { NewsApi, NewsEventName, NewsEvents } from '../shared/contract';
import { NotFoundError, RefusedError } from '../shared/errors';
import { externalUrlToOpen } from '../shared/external-links';
import type { AppStatus, NewArticleNote, SyncSummary } from '../shared/models';
import { exportSaved } from './export-saved';
import { FIRST_RUN_SOURCE_ID, seedFirstRun } from './first-run';
import { resolveCachedPhoto } from './images/cache';
import { feedsFromOpml, OpmlError, opmlFromSources } from './opml';
import type { RecoveryNote } from './store/durable-file';
import { checkSettingsPatch } from './store/retention';
import { NewsStore } from './store/store';
import { SyncScheduler, type SyncTrigger } from './scheduler';
import { syncSources } from './sync/sync';
import { SearchEngine, START_DELAY_MS } from './search/search-engine';
import { urlKey } from './store/ids';
import type { NewsService, NewsServiceOptions } from './types';

/** The service plus what the CLIs need beyond the contract. */
export interface CoreNewsService extends NewsService {
  readonly store: NewsStore;
  /** Damaged files found while opening (restored from .bak or set aside); tell the user. */
  readonly recoveryNotes: RecoveryNote[];
  /** Number of first-run articles seeded on this open (0 when the folder was not new). */
  readonly seededArticles: number;
  /** The full-text index (search-index.bin), loaded or rebuilt in the background. */
  readonly search: SearchEngine;
}


/** Summaries read before the service is ready; the front page never waits for more. */
const FIRST_LOAD = 500;

export async function createNewsService(opts: NewsServiceOptions): Promise<CoreNewsService> {
  // New only when the folder holds no store file at all: a lost index.json is rebuilt by open().
  const fresh = !(await NewsStore.holdsData(opts.dataDir));
  // The newest articles first; older days load in the background (docs/STORAGE.md).
  const store = await NewsStore.open(opts.dataDir, { progressive: FIRST_LOAD });
  let seededArticles = 0;
  if (fresh && opts.firstRunDir) {
    try {
      seededArticles = await seedFirstRun(store, opts.firstRunDir);
    } catch (error) {
      await store.close();
      throw error;
    }
  }

  // The search index loads (or rebuilds) in the background; it never delays the first screen.
  const search = SearchEngine.start(store, {
    startDelayMs: START_DELAY_MS,
    onNote: (message) => store.recoveryNotes.push({ file: search.file, message, outcome: 'set-aside', setAsidePath: null }),
  });

  type Listener = (payload: never) => void;
  const listeners = new Map<NewsEventName, Set<Listener>>();
  // Repairs found once every summary is read (bodies taken back, recovery.ts): the page reads the
  // status again on store:changed, so the reader is told.
  const notesAtOpen = store.recoveryNotes.length;
  store
    .whenLoaded()
    .then(() => {
      if (store.recoveryNotes.length > notesAtOpen) emit('store:changed', { reason: 'recovery' });
    })
    .catch(() => undefined);
  const emit = <E extends NewsEventName>(event: E, payload: NewsEvents[E]) => {
    for (const listener of listeners.get(event) ?? []) {
      try {
        (listener as (p: NewsEvents[E]) => void)(payload);
      } catch {
        // A listener's failure never breaks the service.
      }
    }
  };

  let running: Promise<SyncSummary> | null = null;
  let controller: AbortController | null = null;
  let closed = false;

  const probe = (): boolean | null => {
    if (!opts.isOnline) return null;
    try {
      return opts.isOnline();
    } catch {
      return true; // a failing probe says nothing: the last sync decides
    }
  };
  const isOnline = (): boolean => {
    const reached = store.data.sync.lastSyncReachedHost ?? true;
    const probed = probe();
    if (probed === null) return reached;
    return probed && (!opts.trustLastSync || reached);
  };

  // Connectivity: 'connectivity' on every change; the scheduler syncs when the probe comes back.
  let reportedOnline = isOnline();
  let lastProbe = probe();
  const reportConnectivity = () => {
    const now = isOnline();
    if (now === reportedOnline) return;
    reportedOnline = now;
    emit('connectivity', { online: now });
  };
  const checkConnectivity = () => {
    if (closed) return;
    const probed = probe();
    const cameBack = probed === true && lastProbe === false;
    lastProbe = probed;
    reportConnectivity();
    if (cameBack) scheduler?.onlineAgain();
  };
  const pollMs = opts.connectivityPollMs ?? 10_000;
  const poll = opts.isOnline && pollMs > 0 ? setInterval(checkConnectivity, pollMs) : null;
  poll?.unref?.();

  let runningTrigger: SyncTrigger | null = null;
  const runSync = (trigger: SyncTrigger, sourceIds?: string[]): Promise<SyncSummary> => {
    if (closed) return Promise.reject(new Error('The news service is closed'));
    if (running) return running;
    runningTrigger = trigger;
    controller = new AbortController();
    running = (async () => {
      try {
        await store.whenLoaded();
        const before = new Set(store.articleIds());
        const result = await syncSources({
          store,
          fetchOptions: opts.fetchOptions,
          retry: opts.retry,
          // Scheduled runs leave backed-off sources alone; "Sync now" tries every source.
          honourBackoff: trigger !== 'manual',
          sourceIds,
          signal: controller!.signal,
          onProgress: (progress) => {
            emit('sync:progress', progress);
            if (progress.phase === 'done' && (progress.added || progress.updated)) emit('store:changed', { reason: 'sync' });
          },
        });
        const { reachedHost: _reached, queue, ...summary } = result;
        if (queue.stored.length > 0) emit('store:changed', { reason: 'queue' });
        // Retention after each run (docs/STORAGE.md); a failure here never fails the sync.
        const pruned = await store.prune().catch(() => null);
        if (pruned && pruned.articlesRemoved > 0) emit('store:changed', { reason: 'retention' });
        // What this run added (and retention kept), newest first: for the new-articles notification.
        const newArticles = newArticleNotes(store, before);
        if (newArticles.length > 0) summary.newArticles = newArticles;
        emit('sync:finished', summary);
        reportConnectivity();
        return summary;
      } finally {
        running = null;
        runningTrigger = null;
        controller = null;
        scheduler?.synced();
      }
    })();
    return running;
  };
  /** "Sync now" tries every source: during a scheduled run, the sources it skipped (backed off)
   * are synced right after it, and the answer covers both. */
  const syncNow = async (): Promise<SyncSummary> => {
    if (!running || runningTrigger === 'manual') return runSync('manual');
    const scheduled = await running;
    const skipped = scheduled.sources.filter((r) => r.outcome.kind === 'backed-off').map((r) => r.sourceId);
    if (skipped.length === 0) return scheduled;
    const extra = await runSync('manual', skipped);
    const sources = scheduled.sources.map((r) => extra.sources.find((e) => e.sourceId === r.sourceId) ?? r);
    return { ...extra, startedAt: scheduled.startedAt, ok: sources.every((r) => r.ok), sources };
  };

  const scheduleOpts = opts.schedule === true ? {} : opts.schedule || null;
  const scheduler: SyncScheduler | null = scheduleOpts
    ? new SyncScheduler({
        run: (trigger) => runSync(trigger),
        intervalMinutes: store.getSettings().refreshMinutes,
        hasSources: () => Object.keys(store.data.sources).length > 0,
        isOnline: () => probe() !== false,
        startDelayMs: scheduleOpts.startDelayMs,
        timers: scheduleOpts.timers,
      })
    : null;
  scheduler?.start();

  // Calls naming an article or source that is not stored: NotFoundError (the browser host's 404).
  const requireArticle = async (id: string) => {
    await store.whenLoaded();
    if (!store.getSummary(id)) throw new NotFoundError(`No article with id ${JSON.stringify(id.slice(0, 80))} is stored.`);
  };
  const requireSource = async (id: string) => {
    await store.whenLoaded();
    if (!store.getSource(id)) throw new NotFoundError(`No source with id ${JSON.stringify(id.slice(0, 80))} exists.`);
  };

  const api: NewsApi = {
    async getStatus(): Promise<AppStatus> {
      // Answered at once, also while older summaries still load (articleCount then counts those
      // read so far): three callers at start-up must not hold browser connections the first
      // front needs.
      return {
        online: isOnline(),
        syncing: running !== null,
        lastSyncAt: store.data.sync.lastSyncAt,
        articleCount: store.articleCount(),
        dataDir: store.dataDir,
        recoveryNotes: store.recoveryNotes.map((note) => note.message),
        nextSyncAt: scheduler?.nextSyncAt?.toISOString() ?? null,
      };
    },
    async listSections() {
      await store.whenLoaded();
      return store.listSections();
    },
    async listArticles(query) {
      const q = query ?? {};
      const frontPage = !q.section && q.saved === undefined && q.sort !== 'oldest' && (q.offset ?? 0) + (q.limit ?? Infinity) <= FIRST_LOAD;
      if (!frontPage) await store.whenLoaded();
      return store.listArticles(q);
    },
    async countArticles(query) {
      await store.whenLoaded();
      return store.countArticles(query ?? {});
    },
    async markAllRead(args) {
      const changed = await store.markAllRead(args?.section);
      if (changed > 0) emit('store:changed', { reason: 'read' });
      return changed;
    },
    async getArticle(id) {
      return store.getArticle(id);
    },
    async setSaved({ id, saved }) {
      await requireArticle(id);
      const summary = await store.setSaved(id, saved);
      emit('store:changed', { reason: saved ? 'saved' : 'unsaved' });
      return summary;
    },
    async setRead({ id, read }) {
      await requireArticle(id);
      return store.setRead(id, read);
    },
    async listSaved() {
      await store.whenLoaded();
      return store.listSaved();
    },
    async listSources() {
      await store.whenLoaded();
      return store.listSources();
    },
    async addSource(args) {
      const url = args.url.trim();
      if (!/^https?:\/\//i.test(url)) throw new RefusedError('A source must be an http or https URL');
      const { source, created } = await store.addSource({ url, title: args.title });
      if (created) emit('store:changed', { reason: 'source-added' });
      return source;
    },
    async removeSource(id) {
      await requireSource(id);
      await store.removeSource(id);
      emit('store:changed', { reason: 'source-removed' });
    },
    async updateSource(args) {
      await requireSource(args.id);
      if (args.title !== undefined) {
        const title = args.title.trim();
        if (!title) throw new RefusedError('A source needs a title');
        await store.updateSource(args.id, { title });
      }
      // Moving a source re-paths its stored articles too (null: back to the feed's own paths).
      if (args.section !== undefined) {
        const path = args.section === null ? [] : args.section.split(/\s*[>›]\s*/).map((p) => p.trim()).filter(Boolean);
        await store.setSourceSection(args.id, path.length > 0 ? path : null);
      }
      emit('store:changed', { reason: 'source-updated' });
      return store.listSources().find((s) => s.id === args.id)!;
    },
    syncNow,
    async cancelSync() {
      if (!running || !controller) return false;
      controller.abort();
      await running.catch(() => undefined);
      return true;
    },
    async search(query) {
      return search.search(query);
    },
    async exportSaved({ format }) {
      await store.whenLoaded();
      return exportSaved(store, format);
    },
    async openExternal(url) {
      const target = externalUrlToOpen(url); // mailto: reduced to its addresses and subject
      if (target === null || !opts.openExternal) return false;
      await opts.openExternal(target);
      return true;
    },
    async queueArticle(url) {
      if (!/^https?:\/\//i.test(url)) return { queued: false, message: 'Only web links can be queued.' };
      const storedId = store.findArticleId([urlKey(url)]);
      if (storedId && store.getSummary(storedId)?.offline) {
        return { queued: false, message: 'This article is already stored.' };
      }
      await store.queueLink(url);
      emit('store:changed', { reason: 'queued' });
      return { queued: true, message: 'Queued for the next sync: it will appear in Saved.' };
    },
    async getSettings() {
      return store.getSettings();
    },
    async updateSettings(patch) {
      const problem = checkSettingsPatch(patch);
      if (problem) throw new RefusedError(`Settings not changed: ${problem}`);
      const settings = await store.updateSettings(patch);
      scheduler?.setIntervalMinutes(settings.refreshMinutes);
      const pruned = await store.prune().catch(() => null);
      if (pruned && pruned.articlesRemoved > 0) emit('store:changed', { reason: 'retention' });
      return settings;
    },
    async getStorageInfo() {
      return store.storageInfo();
    },
    async listQueue() {
      return store.listQueue();
    },
    async exportOpml() {
      await store.whenLoaded();
      return opmlFromSources(store.listSources().filter((s) => s.id !== FIRST_RUN_SOURCE_ID));
    },
    async importOpml(xml) {
      let parsed: ReturnType<typeof feedsFromOpml>;
      try {
        parsed = feedsFromOpml(xml);
      } catch (error) {
        if (error instanceof OpmlError) throw new RefusedError(error.message);
        throw error;
      }
      const { feeds, errors } = parsed;
      await store.whenLoaded();
      let skipped = 0;
      // Each addSource changes the index at once and awaits a save that the store coalesces, so
      // starting them all before awaiting writes the index a few times, not once per feed.
      const writes: Promise<unknown>[] = [];
      for (const feed of feeds) {
        if (store.findSourceByUrl(feed.url)) {
          skipped++;
          continue;
        }
        writes.push(store.addSource({ url: feed.url, title: feed.title || undefined }));
        const added = store.findSourceByUrl(feed.url);
        if (added && feed.siteUrl) writes.push(store.updateSource(added.id, { siteUrl: feed.siteUrl }));
      }
      await Promise.all(writes);
      const added = feeds.length - skipped;
      if (added > 0) emit('store:changed', { reason: 'sources-imported' });
      return { added, skipped, errors };
    },
  };

  return {
    api,
    store,
    dataDir: store.dataDir,
    photosDir: store.photosDir,
    recoveryNotes: store.recoveryNotes,
    seededArticles,
    search,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      return () => {
        set.delete(listener as Listener);
      };
    },
    resolvePhoto(name) {
      return resolveCachedPhoto(store.photosDir, name);
    },
    async close() {
      if (closed) return;
      closed = true;
      scheduler?.stop();
      if (poll) clearInterval(poll);
      controller?.abort();
      await running?.catch(() => undefined);
      listeners.clear();
      await search.close();
      await store.close();
      // The shared extraction pool stays: its workers are unref'd when idle (they never hold the
      // process open) and another service in this process may be using it.
    },
  };
}

/** Articles in the store now that were not in `before`, newest first (at most 500). */
function newArticleNotes(store: NewsStore, before: ReadonlySet<string>): NewArticleNote[] {
  const notes: NewArticleNote[] = [];
  for (const s of store.sortedSummaries()) {
    if (before.has(s.id)) continue;
    notes.push({ id: s.id, title: s.title, sectionPath: [...s.sectionPath] });
    if (notes.length >= 500) break;
  }
  return notes;
}
