/**
 * The news store: a small lowdb head index (index.json: sources, settings, sync state), article
 * summaries partitioned by day (summaries/<day>.json, see summaries.ts), one lowdb document per
 * article body (articles/<id>.json) and photo files (photos/). Reads are served from memory. All
 * writes go through one queue; index writes are coalesced and rewrite only the changed partitions.
 * The data folder is locked for one process at a time. See docs/STORAGE.md.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import type { Article, ArticleQuery, ArticleSummary, Section, Source } from '../../shared/models';
import { DurableJsonFile, syncDirectory, type DurableFs, type RecoveryNote } from './durable-file';
import { articleIdFor, sourceIdFor, urlKey } from './ids';
import { acquireDataDirLock, type DataDirLock } from './lock';
import { migrate } from './migrations';
import { collectOrphans, storageInfo } from './orphans';
import { articlesOverBudget, MB, photosOf } from './budget';
import { filteredArticles, queryArticles, savedArticles, sectionsOf, toPublicSummary, toSource } from './queries';
import { articlesToPrune, checkSettingsPatch, type PruneResult, type StorageInfo } from './retention';
import {
  SCHEMA_VERSION,
  checkBody,
  checkIndex,
  emptyIndex,
  photoFilesOf,
  type BodyDoc,
  type IndexDoc,
  type QueuedLink,
  type StoreSettings,
  type StoredSource,
  type StoredSummary,
} from './schema';
import { SummaryTable } from './summaries';

export interface OpenStoreOptions {
  /** Take the data folder's .lock (default true). */
  lock?: boolean;
  /** Resolve open() once at least this many of the newest summaries are in memory and read the
   * older days in the background (see whenLoaded). Default: read everything before resolving. */
  progressive?: number;
  fs?: DurableFs;
}

/** What sync hands the store: an article without its reader state. */
export type ArticleInput = Omit<Article, 'id' | 'saved' | 'savedAt' | 'read' | 'fetchedAt'> & {
  /** Dedupe keys (see ids.ts); the first names a new article's id. */
  keys: string[];
  feedFingerprint?: string | null;
};

export type UpsertStatus = 'added' | 'updated';

/** A change to the stored articles, told to onArticlesChanged listeners (the search index). */
export type ArticlesChange = { upserted: { id: string; bodyText: string } } | { deleted: string[] };

export class StoreVersionError extends Error {}

export class NewsStore {
  readonly dataDir: string;
  readonly photosDir: string;
  readonly articlesDir: string;
  readonly summariesDir: string;
  /** Files restored or set aside while opening/reading; the host tells the user. */
  readonly recoveryNotes: RecoveryNote[] = [];
  private readonly index: Low<IndexDoc>;
  private readonly summaries: SummaryTable;
  private readonly keyIndex = new Map<string, string>();
  private keyIndexBuilt = false;
  private loading: Promise<void> = Promise.resolve();
  private allRead: Promise<void> = Promise.resolve();
  private readonly fsImpl: DurableFs | undefined;
  private lock: DataDirLock | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private pendingIndexSave: Promise<void> | null = null;
  /** How long the last index save took and when it ended (performance.now()), for pacing. */
  private lastIndexSave = { ms: 0, end: 0 };
  private readonly pendingBodies = new Map<string, { bytes: Buffer; fresh: boolean }>();
  private pendingBodyBatch: Promise<void> | null = null;
  /** index.json as last read or written, to skip rewriting an unchanged head. */
  private writtenHead = '';
  private closed = false;
  /** listSections() as of a SummaryTable version. */
  private sectionsCache: { version: number; sections: Section[] } | null = null;
  private readonly articleListeners = new Set<(change: ArticlesChange) => void>();

  private constructor(dataDir: string, options: OpenStoreOptions) {
    this.dataDir = path.resolve(dataDir);
    this.photosDir = path.join(this.dataDir, 'photos');
    this.articlesDir = path.join(this.dataDir, 'articles');
    this.summariesDir = path.join(this.dataDir, 'summaries');
    this.fsImpl = options.fs;
    const adapter = new DurableJsonFile<IndexDoc>(path.join(this.dataDir, 'index.json'), {
      fs: options.fs,
      validate: checkIndex,
      onRecovery: (note) => this.recoveryNotes.push(note),
    });
    this.index = new Low(adapter, emptyIndex());
    this.summaries = new SummaryTable(this.summariesDir, {
      fs: options.fs,
      onRecovery: (note) => this.recoveryNotes.push(note),
    });
  }

  static async open(dataDir: string, options: OpenStoreOptions = {}): Promise<NewsStore> {
    const store = new NewsStore(dataDir, options);
    await fs.mkdir(store.dataDir, { recursive: true });
    if (options.lock !== false) store.lock = acquireDataDirLock(store.dataDir);
    try {
      await fs.mkdir(store.photosDir, { recursive: true });
      await fs.mkdir(store.articlesDir, { recursive: true });
      await removeStaleTempFiles(store.dataDir);
      await removeStaleTempFiles(store.articlesDir);
      await fs.mkdir(store.summariesDir, { recursive: true });
      await removeStaleTempFiles(store.summariesDir);
      await store.index.read();
      const version = store.index.data.schemaVersion as number;
      if (version > SCHEMA_VERSION) {
        throw new StoreVersionError(
          `The data folder ${store.dataDir} was written by a newer version of Offline News (schema ${version}); this version reads schema ${SCHEMA_VERSION}.`,
        );
      }
      if (version < SCHEMA_VERSION) {
        const onRecovery = (note: RecoveryNote) => store.recoveryNotes.push(note);
        store.index.data = await migrate({ dataDir: store.dataDir, fs: options.fs, onRecovery }, store.index.data);
        await store.index.write(); // last: until here the folder still reads as the old version
      }
      const base = emptyIndex();
      store.index.data = { ...base, ...store.index.data, settings: { ...base.settings, ...store.index.data.settings } };
      const onDisk = await fs.access(path.join(store.dataDir, 'index.json')).then(() => true, () => false);
      store.writtenHead = onDisk ? JSON.stringify(store.index.data) : '';
      await store.summaries.load({ firstAtLeast: options.progressive });
      if (!store.summaries.complete) {
        // Then the dedupe key map (so the first sync does not pay for it), the newest-first order
        // and the sections (so the first front's requests do not), one per turn of the event loop.
        store.allRead = store.summaries.loadRest();
        store.allRead.catch(() => undefined);
        store.loading = store.allRead.then(async () => {
          for (const step of [() => store.buildKeyIndex(), () => store.summaries.sorted(), () => store.listSections()]) {
            await new Promise((resolve) => setImmediate(resolve));
            step();
          }
        });
        store.loading.catch(() => undefined); // reported to whoever awaits whenLoaded()
      }
    } catch (error) {
      store.lock?.release();
      throw error;
    }
    return store;
  }

  /** True when index.json exists on disk (false for a brand-new data folder). */
  static async hasIndex(dataDir: string): Promise<boolean> {
    const file = path.join(dataDir, 'index.json');
    for (const candidate of [file, `${file}.bak`]) {
      try {
        await fs.access(candidate);
        return true;
      } catch {
        // try the next
      }
    }
    return false;
  }

  /**
   * Resolves once every summary is in memory (at once unless opened with `progressive`). Until
   * then the newest articles are all there, but counts, sections, saved lists and lookups of older
   * articles are partial; every async method that changes or reads one article waits for it.
   */
  whenLoaded(): Promise<void> {
    return this.loading;
  }

  /** Resolves once every summary has been read into memory, before whenLoaded()'s warm-up of the
   * key map, the order and the sections (the search index needs only the summaries). */
  whenAllRead(): Promise<void> {
    return this.allRead;
  }

  /** Every summary, in no particular order (no sort: see sortedSummaries). */
  allSummaries(): StoredSummary[] {
    return this.summaries.values();
  }

  /** True once every summary is in memory. */
  get loaded(): boolean {
    return this.summaries.complete;
  }

  get data(): Readonly<IndexDoc> {
    return this.index.data;
  }

  // ---- sources ------------------------------------------------------------------------------

  listSources(): Source[] {
    const counts = new Map<string, number>();
    for (const a of this.summaries.values()) counts.set(a.sourceId, (counts.get(a.sourceId) ?? 0) + 1);
    return Object.values(this.index.data.sources)
      .sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.url.localeCompare(b.url))
      .map((s) => toSource(s, counts.get(s.id) ?? 0));
  }

  getSource(id: string): StoredSource | null {
    return Object.prototype.hasOwnProperty.call(this.index.data.sources, id) ? this.index.data.sources[id]! : null;
  }

  findSourceByUrl(url: string): StoredSource | null {
    return this.getSource(sourceIdFor(url));
  }

  /** Adds a feed as a source; an already known feed URL returns the existing source. */
  async addSource(args: { url: string; title?: string }): Promise<{ source: Source; created: boolean }> {
    const id = sourceIdFor(args.url);
    const existing = this.getSource(id);
    if (existing) return { source: this.sourceById(id), created: false };
    this.index.data.sources[id] = {
      id,
      url: args.url,
      title: args.title?.trim() || hostOf(args.url),
      siteUrl: '',
      addedAt: new Date().toISOString(),
      lastSyncAt: null,
      lastError: null,
      etag: null,
      lastModified: null,
      feedUrl: null,
    };
    await this.saveIndex();
    return { source: this.sourceById(id), created: true };
  }

  async updateSource(id: string, patch: Partial<Omit<StoredSource, 'id' | 'url' | 'addedAt'>>): Promise<void> {
    const source = this.getSource(id);
    if (!source) return; // removed meanwhile
    Object.assign(source, patch);
    await this.saveIndex();
  }

  /**
   * Moves a source's articles to a section (outermost first), or with null back to the paths their
   * feed gave; later articles of the source follow (upsertArticle). One index write.
   */
  async setSourceSection(id: string, section: string[] | null): Promise<void> {
    if (!this.summaries.complete) await this.loading;
    const source = this.getSource(id);
    if (!source) throw new Error(`No source with id ${id}`);
    const target = section && section.length > 0 ? [...section] : null;
    source.section = target;
    for (const summary of this.summaries.values()) {
      if (summary.sourceId !== id) continue;
      const feedPath = summary.feedSectionPath ?? summary.sectionPath;
      const next = target ?? feedPath;
      summary.feedSectionPath = [...feedPath];
      if (next.join('\u0000') === summary.sectionPath.join('\u0000')) continue;
      summary.sectionPath = [...next];
      this.summaries.touch(summary.id);
    }
    await this.saveIndex();
  }

  /** Removes a source and its unsaved articles; saved articles always stay. */
  async removeSource(id: string): Promise<void> {
    if (!this.summaries.complete) await this.loading;
    if (!this.getSource(id)) throw new Error(`No source with id ${id}`);
    delete this.index.data.sources[id];
    const dropped = this.summaries.values().filter((s) => s.sourceId === id && !s.saved).map((s) => s.id);
    await this.deleteArticles(dropped);
  }

  /** Forgets these articles (summaries first, then their bodies); used by removeSource and retention. */
  async deleteArticles(ids: string[]): Promise<void> {
    if (!this.summaries.complete) await this.loading;
    for (const articleId of ids) {
      const summary = this.summaries.get(articleId);
      if (!summary) continue;
      this.summaries.delete(articleId);
      for (const key of summary.keys) if (this.keyIndex.get(key) === articleId) this.keyIndex.delete(key);
    }
    this.tellArticles({ deleted: ids });
    await this.saveIndex();
    await this.enqueue(async () => {
      for (const articleId of ids) {
        if (this.summaries.has(articleId)) continue; // stored again meanwhile
        await fs.rm(`${this.bodyFile(articleId)}.bak`, { force: true });
        await fs.rm(this.bodyFile(articleId), { force: true });
      }
    });
  }

  private sourceById(id: string): Source {
    const count = this.summaries.values().filter((a) => a.sourceId === id).length;
    return toSource(this.index.data.sources[id]!, count);
  }

  // ---- articles -----------------------------------------------------------------------------

  /** Id of the stored article known under any of these keys, or null. */
  findArticleId(keys: string[]): string | null {
    this.buildKeyIndex();
    for (const key of keys) {
      const id = this.keyIndex.get(key);
      if (id && this.summaries.has(id)) return id;
    }
    return null;
  }

  getSummary(id: string): StoredSummary | null {
    return this.summaries.get(id);
  }

  /** Changes whenever a summary in memory is added, changed or removed (for derived caches). */
  get summariesRevision(): number {
    return this.summaries.version;
  }

  summariesOfSource(sourceId: string): StoredSummary[] {
    return this.summaries.values().filter((a) => a.sourceId === sourceId);
  }

  articleIds(): string[] {
    return this.summaries.ids();
  }

  articleCount(): number {
    return this.summaries.size;
  }

  /** Every summary, newest first (shared array: do not modify). */
  sortedSummaries(): readonly StoredSummary[] {
    return this.summaries.sorted();
  }

  listArticles(query: ArticleQuery = {}): ArticleSummary[] {
    return queryArticles(this.summaries.sorted(), query, { presorted: true });
  }

  countArticles(query: ArticleQuery = {}): number {
    return filteredArticles(this.summaries.sorted(), query, { presorted: true }).length;
  }

  /** Marks the unread articles of a section (prefix match; undefined: all) read in one write. */
  async markAllRead(section?: string): Promise<number> {
    if (!this.summaries.complete) await this.loading;
    let changed = 0;
    for (const summary of filteredArticles(this.summaries.sorted(), { section }, { presorted: true })) {
      if (summary.read) continue;
      summary.read = true;
      this.summaries.touch(summary.id);
      changed++;
    }
    if (changed > 0) await this.saveIndex();
    return changed;
  }

  listSaved(): ArticleSummary[] {
    return savedArticles(this.summaries.values());
  }

  /** Sections with their counts (cached until the next change of any summary). */
  listSections(): Section[] {
    const version = this.summaries.version;
    if (this.sectionsCache?.version !== version) this.sectionsCache = { version, sections: sectionsOf(this.summaries.sorted()) };
    return this.sectionsCache.sections.map((s) => ({ ...s, path: [...s.path] }));
  }

  async getArticle(id: string): Promise<Article | null> {
    if (!this.summaries.complete) await this.loading;
    const summary = this.getSummary(id);
    if (!summary) return null;
    const body = await this.readBody(id);
    return {
      ...toPublicSummary(summary),
      canonicalUrl: summary.canonicalUrl,
      contentSource: summary.contentSource,
      photo: body?.photo ?? null,
      bodyHtml: body?.bodyHtml ?? '',
      bodyText: body?.bodyText ?? '',
      related: (body?.related ?? []).map((link) => ({
        title: link.title,
        url: link.url,
        articleId: link.articleId ?? this.findArticleId([urlKey(link.url)]),
      })),
      siteName: body?.siteName ?? '',
      language: body?.language ?? '',
    };
  }

  /** Stores a new article or updates the one known under any of its keys (saved/read kept). */
  async upsertArticle(input: ArticleInput): Promise<{ id: string; status: UpsertStatus }> {
    if (!this.summaries.complete) await this.loading;
    const existingId = this.findArticleId(input.keys);
    const id = existingId ?? articleIdFor(input.keys[0] ?? urlKey(input.url));
    const previous = this.getSummary(id);
    const keys = [...new Set([...(previous?.keys ?? []), ...input.keys])];
    // A source the reader moved to a section puts its articles there; the feed's path is kept.
    const moved = this.getSource(input.sourceId)?.section;
    const summary: StoredSummary = {
      id,
      url: input.url,
      sourceId: input.sourceId,
      sourceTitle: input.sourceTitle,
      sectionPath: moved && moved.length > 0 ? [...moved] : [...input.sectionPath],
      feedSectionPath: [...input.sectionPath],
      title: input.title,
      dek: input.dek,
      byline: input.byline,
      publishedAt: input.publishedAt,
      updatedAt: input.updatedAt,
      thumbnail: input.photo?.file ?? null,
      saved: previous?.saved ?? false,
      savedAt: previous?.savedAt ?? null,
      read: previous?.read ?? false,
      offline: input.offline,
      fetchedAt: new Date().toISOString(),
      canonicalUrl: input.canonicalUrl,
      contentSource: input.contentSource,
      keys,
      feedFingerprint: input.feedFingerprint ?? null,
      photos: photoFilesOf(input.photo?.file, input.bodyHtml),
    };
    const body: BodyDoc = {
      schemaVersion: SCHEMA_VERSION,
      id,
      photo: input.photo,
      bodyHtml: input.bodyHtml,
      bodyText: input.bodyText,
      related: input.related,
      siteName: input.siteName,
      language: input.language,
    };
    // The body lands before the index points at it. Held as its UTF-8 bytes until the batch writes
    // it: the JSON text dies at once instead of ageing on the main thread's heap while the batch
    // waits (100 x 30 sync bench: peak RSS ~480 -> ~380 MB).
    await this.writeBody(id, Buffer.from(serialize(body), 'utf8'), !previous);
    this.summaries.set(summary);
    this.registerKeys(id, keys);
    this.tellArticles({ upserted: { id, bodyText: input.bodyText } });
    await this.saveIndex();
    return { id, status: previous ? 'updated' : 'added' };
  }

  async setSaved(id: string, saved: boolean): Promise<ArticleSummary> {
    if (!this.summaries.complete) await this.loading;
    const summary = this.requireSummary(id);
    if (summary.saved !== saved) {
      summary.saved = saved;
      summary.savedAt = saved ? new Date().toISOString() : null;
      this.summaries.touch(id);
      await this.saveIndex();
    }
    return toPublicSummary(summary);
  }

  async setRead(id: string, read: boolean): Promise<ArticleSummary> {
    if (!this.summaries.complete) await this.loading;
    const summary = this.requireSummary(id);
    if (summary.read !== read) {
      summary.read = read;
      this.summaries.touch(id);
      await this.saveIndex();
    }
    return toPublicSummary(summary);
  }

  async updateSyncState(patch: Partial<IndexDoc['sync']>): Promise<void> {
    Object.assign(this.index.data.sync, patch);
    await this.saveIndex();
  }

  async markFirstRunSeeded(): Promise<void> {
    this.index.data.firstRunSeededAt = new Date().toISOString();
    await this.saveIndex();
  }

  // ---- offline queue (links asked for while offline; fetched and saved by the next sync) -------

  listQueue(): QueuedLink[] {
    return (this.index.data.queue ?? []).map((q) => ({ ...q }));
  }

  /** Adds a link unless it is queued already; returns true when added. */
  async queueLink(url: string, title = ''): Promise<boolean> {
    const queue = (this.index.data.queue ??= []);
    if (queue.some((q) => q.url === url)) return false;
    queue.push({ url, title, queuedAt: new Date().toISOString(), lastError: null });
    await this.saveIndex();
    return true;
  }

  async updateQueued(url: string, patch: Partial<Pick<QueuedLink, 'title' | 'lastError'>>): Promise<void> {
    const item = (this.index.data.queue ?? []).find((q) => q.url === url);
    if (!item) return;
    Object.assign(item, patch);
    await this.saveIndex();
  }

  async removeQueued(url: string): Promise<void> {
    const queue = this.index.data.queue ?? [];
    const next = queue.filter((q) => q.url !== url);
    if (next.length === queue.length) return;
    this.index.data.queue = next;
    await this.saveIndex();
  }

  // ---- retention ----------------------------------------------------------------------------

  getSettings(): StoreSettings {
    const settings = this.index.data.settings;
    return { ...settings, notifySections: [...(settings.notifySections ?? [])] };
  }

  async updateSettings(patch: Partial<StoreSettings>): Promise<StoreSettings> {
    const problem = checkSettingsPatch(patch);
    if (problem) throw new Error(`Settings not changed: ${problem}`);
    Object.assign(this.index.data.settings, patch.notifySections ? { ...patch, notifySections: [...patch.notifySections] } : patch);
    await this.saveIndex();
    return this.getSettings();
  }

  /** Applies retention (see retention.ts), then deletes orphaned bodies and photos older than
   * `graceMs` (default 10 minutes), then applies the storage budget (budget.ts) and collects
   * again. Sync calls it after each run. */
  async prune(options: { now?: Date; graceMs?: number } = {}): Promise<PruneResult> {
    if (!this.summaries.complete) await this.loading;
    const now = options.now ?? new Date();
    const doomed = articlesToPrune(this.summaries.values(), this.index.data.settings, now);
    await this.deleteArticles(doomed);
    const collect = () =>
      this.enqueue(() => {
        const inUse = new Set<string>();
        for (const s of this.summaries.values()) for (const file of photosOf(s)) inUse.add(file);
        return collectOrphans({
          articlesDir: this.articlesDir,
          photosDir: this.photosDir,
          isArticle: (id) => this.summaries.has(id),
          photoInUse: (file) => inUse.has(file),
          modifiedBefore: now.getTime() - (options.graceMs ?? 10 * 60_000),
        });
      });
    let files = await collect();
    // Then the budget, measured after the age/count rules' files are gone (budget.ts).
    const overBudget = await this.articlesOverBudget();
    if (overBudget.length > 0) {
      await this.deleteArticles(overBudget);
      const more = await collect();
      files = {
        bodiesRemoved: files.bodiesRemoved + more.bodiesRemoved,
        photosRemoved: files.photosRemoved + more.photosRemoved,
        bytesFreed: files.bytesFreed + more.bytesFreed,
      };
    }
    return { articlesRemoved: doomed.length + overBudget.length, ...files };
  }

  /** The storage budget's share of a prune (budget.ts): measures the folder, then sizes only the
   * bodies and photos of the articles that may go. */
  private async articlesOverBudget(): Promise<string[]> {
    const settings = this.index.data.settings;
    if (settings.storageBudgetMb === null || settings.storageBudgetMb === undefined) return [];
    await this.flush();
    const all = this.summaries.values();
    const sizeOf = async (file: string) => (await fs.stat(file).catch(() => null))?.size ?? 0;
    // Photos no article shows are on their way out (kept only by the grace period): not counted,
    // so a prune inside the grace period does not remove more articles for bytes already freed.
    const inUse = new Set(all.flatMap(photosOf));
    let leaving = 0;
    for (const name of await fs.readdir(this.photosDir).catch(() => [] as string[])) {
      if (!name.startsWith('.') && !inUse.has(name)) leaving += await sizeOf(path.join(this.photosDir, name));
    }
    // The search index is left out: it shrinks with the articles, but only at its next compaction.
    const info = await this.storageInfo();
    const totalBytes = info.totalBytes - info.searchBytes - leaving;
    if (totalBytes <= settings.storageBudgetMb * MB) return [];
    const bodies = new Map<string, number>();
    const photos = new Map<string, number>();
    for (const s of all) {
      if (s.saved) continue;
      bodies.set(s.id, (await sizeOf(this.bodyFile(s.id))) + (await sizeOf(`${this.bodyFile(s.id)}.bak`)));
      for (const file of photosOf(s)) if (!photos.has(file)) photos.set(file, await sizeOf(path.join(this.photosDir, file)));
    }
    return articlesOverBudget({
      all,
      settings,
      totalBytes,
      bodyBytes: (id) => bodies.get(id) ?? 0,
      photoBytes: (file) => photos.get(file) ?? 0,
    }).ids;
  }

  /** Disk used by the data folder (walks it: call on demand, not per frame). */
  async storageInfo(): Promise<StorageInfo> {
    return storageInfo(this.dataDir, this.summaries.size);
  }

  /** Calls `listener` after each article stored (upsertArticle) and each batch forgotten
   * (deleteArticles: removeSource, retention); returns the unsubscribe function. */
  onArticlesChanged(listener: (change: ArticlesChange) => void): () => void {
    this.articleListeners.add(listener);
    return () => this.articleListeners.delete(listener);
  }

  private tellArticles(change: ArticlesChange): void {
    for (const listener of this.articleListeners) {
      try {
        listener(change);
      } catch {
        // A listener's failure never fails a store write.
      }
    }
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  /** Resolves once every queued write is on disk. */
  async flush(): Promise<void> {
    await this.pendingIndexSave?.catch(() => undefined); // a paced save joins the queue later
    await this.queue.catch(() => undefined);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.loading.catch(() => undefined);
      await this.flush();
    } finally {
      this.lock?.release();
      this.lock = null;
    }
  }

  // ---- internals ----------------------------------------------------------------------------

  private requireSummary(id: string): StoredSummary {
    const summary = this.getSummary(id);
    if (!summary) throw new Error(`No article with id ${id}`);
    return summary;
  }

  /** The dedupe key map is built on first use (sync), not on open: a cold open stays fast. */
  private buildKeyIndex(): void {
    if (this.keyIndexBuilt) return;
    this.keyIndexBuilt = true;
    for (const summary of this.summaries.values()) this.registerKeys(summary.id, summary.keys);
  }

  private registerKeys(id: string, keys: string[]): void {
    if (!this.keyIndexBuilt) return; // included when the map is built

    for (const key of keys) {
      const owner = this.keyIndex.get(key);
      if (!owner || !this.summaries.has(owner)) this.keyIndex.set(key, id);
    }
  }

  private bodyFile(id: string): string {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) throw new Error(`Invalid article id ${JSON.stringify(id)}`);
    return path.join(this.articlesDir, `${id}.json`);
  }

  private bodyAdapter(id: string): DurableJsonFile<BodyDoc> {
    return new DurableJsonFile<BodyDoc>(this.bodyFile(id), {
      fs: this.fsImpl,
      validate: checkBody,
      onRecovery: (note) => this.recoveryNotes.push(note),
    });
  }

  private async readBody(id: string): Promise<BodyDoc | null> {
    return this.bodyAdapter(id).read();
  }

  /** Queues a body write. Bodies queued while a batch waits are written together (in parallel),
   * then the articles folder is fsynced once, before any of them is acknowledged. */
  private writeBody(id: string, bytes: Buffer, fresh: boolean): Promise<void> {
    const waiting = this.pendingBodies.get(id);
    this.pendingBodies.set(id, { bytes, fresh: waiting ? waiting.fresh : fresh });
    if (this.pendingBodyBatch) return this.pendingBodyBatch;
    const batch = this.enqueue(async () => {
      this.pendingBodyBatch = null;
      const bodies = [...this.pendingBodies];
      this.pendingBodies.clear();
      const results = await Promise.allSettled(
        bodies.map(([bodyId, b]) => this.bodyAdapter(bodyId).writeText(b.bytes, { fresh: b.fresh, syncDir: false })),
      );
      await syncDirectory(this.articlesDir, this.fsImpl);
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    });
    this.pendingBodyBatch = batch;
    return batch;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed && !this.lock) return Promise.reject(new Error('The store is closed'));
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Schedules an index write (changed summary partitions, then index.json); callers mutating
   * before it starts share it (coalesced). */
  private saveIndex(): Promise<void> {
    if (this.pendingIndexSave) return this.pendingIndexSave;
    // Paced: the next save starts no sooner than the last one took after it ended, so rewriting a
    // big partition (a sync's day: thousands of summaries) takes at most about half the time and
    // the commits meanwhile share it, instead of one rewrite per few articles.
    const wait = Math.max(0, this.lastIndexSave.ms - (performance.now() - this.lastIndexSave.end));
    const save = async () => {
      this.pendingIndexSave = null;
      const started = performance.now();
      await this.summaries.save();
      const head = JSON.stringify(this.index.data);
      if (head !== this.writtenHead) {
        await this.index.write();
        this.writtenHead = head;
      }
      this.lastIndexSave = { ms: Math.min(performance.now() - started, MAX_INDEX_PACE_MS), end: performance.now() };
    };
    const pending = wait >= 1 ? new Promise<void>((resolve) => setTimeout(resolve, wait)).then(() => this.enqueue(save)) : this.enqueue(save);
    this.pendingIndexSave = pending;
    return pending;
  }
}

/** The longest an index save is held back (pacing, see saveIndex). */
const MAX_INDEX_PACE_MS = 1000;

/** Temp files left by a crashed writer (we hold the lock, so none is in progress). */
async function removeStaleTempFiles(dir: string): Promise<void> {
  for (const name of await fs.readdir(dir)) {
    if (/\.\d+\.\d+\.tmp$/.test(name)) await fs.rm(path.join(dir, name), { force: true });
  }
}




function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** JSON text of a body; rejects values JSON cannot write (cycles, BigInt, absurd depth) before any
 * store write. */
function serialize(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw new Error(`Article rejected: it cannot be stored (${(error as Error).message})`);
  }
}

export { toPublicSummary };
