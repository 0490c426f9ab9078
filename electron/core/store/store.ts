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
import { adoptionNote, bodyIdsOnDisk, holdsStoreData, photosOfBodies, photosSound, planAdoption, rebuildIndex, type OrphanBody } from './recovery';
import { articlesOverBudget, MB, photosOf } from './budget';
import { filteredArticles, queryArticles, savedArticles, sectionsOf, toPublicSummary, toSource } from './queries';
import { articlesToPrune, checkSettingsPatch, type PruneResult, type StorageInfo } from './retention';
import {
  SCHEMA_VERSION,
  checkBody,
  checkIndex,
  emptyIndex,
  photoFilesOf,
  sourceCopyOf,
  type BodyDoc,
  type IndexDoc,
  type QueuedLink,
  type StoreSettings,
  type StoredSource,
  type StoredSummary,
} from './schema';
import { partitionOf, SummaryTable } from './summaries';

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
  private readonly indexFile: DurableJsonFile<IndexDoc>;
  private readonly summaries: SummaryTable;
  /** index.json was read as it was on disk (no restore, no rebuild). */
  private indexClean = true;
  /** Photos shown by bodies that match no summary (kept by the orphan collector). */
  private keptPhotos = new Set<string>();
  /** Bodies checked this session (checkBody). */
  private readonly checkedBodies = new Set<string>();
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
    this.indexFile = new DurableJsonFile<IndexDoc>(path.join(this.dataDir, 'index.json'), {
      fs: options.fs,
      validate: checkIndex,
      onRecovery: (note) => {
        this.indexClean = false;
        this.recoveryNotes.push(note);
      },
      checksum: true,
      lostOutcome: 'it is rebuilt from the stored articles',
    });
    this.index = new Low(this.indexFile, emptyIndex());
    this.summaries = new SummaryTable(this.summariesDir, {
      fs: options.fs,
      onRecovery: (note) => this.recoveryNotes.push(note),
      sourceCopy: (id) => {
        const source = this.getSource(id);
        return source ? sourceCopyOf(source) : null;
      },
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
      const stored = await store.indexFile.read();
      if (stored) store.index.data = stored;
      // No index.json over a folder that holds articles: rebuilt from them, never a first run.
      const indexLost = stored ? null : !store.indexClean ? 'damaged' : (await holdsStoreData(store.dataDir)) ? 'missing' : null;
      if (!stored) store.indexClean = indexLost === null;
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
      await store.summaries.load({ firstAtLeast: indexLost ? undefined : options.progressive });
      if (store.summaries.complete) await store.recoverFromBodies({ save: !indexLost });
      if (indexLost) {
        await store.rebuildIndexFile(indexLost); // index.json first, then the partitions taken back
        await store.saveIndex();
      }
      if (!store.summaries.complete) {
        // Then the dedupe key map (so the first sync does not pay for it), the newest-first order
        // and the sections (so the first front's requests do not), one per turn of the event loop.
        store.allRead = store.summaries.loadRest();
        store.allRead.catch(() => undefined);
        store.loading = store.allRead.then(async () => {
          await store.recoverFromBodies();
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

  /** True when the folder holds any store file (index.json, its backup, a day file or a body):
   * then it is not new, even when index.json is gone (open() rebuilds it). */
  static holdsData(dataDir: string): Promise<boolean> {
    return holdsStoreData(dataDir);
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
    await this.removeArticles(ids);
  }

  /** deleteArticles; resolves to the number of body files removed. */
  private async removeArticles(ids: string[]): Promise<number> {
    if (!this.summaries.complete) await this.loading;
    for (const articleId of ids) {
      const summary = this.summaries.get(articleId);
      if (!summary) continue;
      this.summaries.delete(articleId);
      for (const key of summary.keys) if (this.keyIndex.get(key) === articleId) this.keyIndex.delete(key);
    }
    this.tellArticles({ deleted: ids });
    await this.saveIndex();
    return this.enqueue(async () => {
      let removed = 0;
      for (const articleId of ids) {
        if (this.summaries.has(articleId)) continue; // stored again meanwhile
        await fs.rm(`${this.bodyFile(articleId)}.bak`, { force: true });
        const existed = await fs.rm(this.bodyFile(articleId)).then(() => true, () => false);
        if (existed) removed++;
      }
      return removed;
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
      ...toPublicSummary(summary), // after readBody: a lost body has made it offline: false
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
      summary, // rebuilds the summary should its day file be lost (recovery.ts)
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
      // The day file and the body's copy of the summary both hold the flag: either one lost, it stays.
      await Promise.all([this.saveIndex(), this.copySummaryToBody(id)]);
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
    let bodiesRemoved = await this.removeArticles(doomed);
    // Only photos: a body no summary names is taken back on open (recoverFromBodies), never
    // collected; photos shown by a summary or by a body without one stay.
    const collect = () =>
      this.enqueue(() => {
        const inUse = new Set<string>(this.keptPhotos);
        for (const s of this.summaries.values()) for (const file of photosOf(s)) inUse.add(file);
        return collectOrphans({
          photosDir: this.photosDir,
          photoInUse: (file) => inUse.has(file),
          modifiedBefore: now.getTime() - (options.graceMs ?? 10 * 60_000),
        });
      });
    let files = await collect();
    // Then the budget, measured after the age/count rules' files are gone (budget.ts).
    const overBudget = await this.articlesOverBudget();
    if (overBudget.length > 0) {
      bodiesRemoved += await this.removeArticles(overBudget);
      const more = await collect();
      files = { photosRemoved: files.photosRemoved + more.photosRemoved, bytesFreed: files.bytesFreed + more.bytesFreed };
    }
    return { articlesRemoved: doomed.length + overBudget.length, bodiesRemoved, ...files };
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
    const title = this.summaries.get(id)?.title;
    return new DurableJsonFile<BodyDoc>(this.bodyFile(id), {
      fs: this.fsImpl,
      validate: checkBody,
      onRecovery: (note) => this.recoveryNotes.push(note),
      checksum: true,
      lostOutcome: title === undefined ? 'it could not be recovered' : `the text of "${title}" is fetched again at the next sync`,
    });
  }

  /** A body as stored, restored from its .bak when damaged or missing; null when neither is
   * usable, and then its article is marked for fetching again (markForRefetch). */
  private async readBody(id: string): Promise<BodyDoc | null> {
    const notes = this.recoveryNotes.length;
    const body = await this.bodyAdapter(id).read();
    this.checkedBodies.add(id);
    if (!body) await this.markForRefetch(id, this.recoveryNotes.length > notes);
    return body;
  }

  /**
   * True when the article's body file is sound (or was restored from its .bak); false when it is
   * lost, and then the article is fetched again by the sync (which calls this for each feed item
   * it would otherwise skip as unchanged). Each body is checked once per session: a checksum over
   * the file, parsed only when it is damaged or older than checksums.
   */
  async checkBody(id: string): Promise<boolean> {
    if (this.checkedBodies.has(id)) return this.summaries.get(id)?.offline ?? false;
    if (!this.summaries.complete) await this.loading;
    const sound = (await this.bodyAdapter(id).check()) === 'ok' || (await this.readBody(id)) !== null;
    this.checkedBodies.add(id);
    if (!sound) return false;
    const summary = this.summaries.get(id);
    if (summary && !(await photosSound(this.photosDir, photosOf(summary), summary.saved))) {
      await this.markForRefetch(id, false, 'a photo of it was missing or damaged');
      return false;
    }
    return true;
  }

  /** checkBody for every saved article (the sync calls it before the feeds, once per session:
   * a saved article must be whole even when its feed no longer lists it or answers 304).
   * Resolves to the number found lost (each marked for fetching again). */
  async checkSavedBodies(): Promise<number> {
    if (!this.summaries.complete) await this.loading;
    let lost = 0;
    for (const summary of this.summaries.values()) {
      if (summary.saved && summary.offline && !(await this.checkBody(summary.id))) lost++;
    }
    return lost;
  }

  /** A body neither file nor backup can give back: the article stays (saved flag and all) as
   * incomplete, so the next sync fetches it again; a saved one is queued as well, so it is fetched
   * even when its feed no longer lists it. The user is told once. */
  private async markForRefetch(id: string, told: boolean, what = 'its stored text was missing'): Promise<void> {
    const summary = this.summaries.get(id);
    if (!summary || !summary.offline) return;
    summary.offline = false;
    summary.feedFingerprint = null;
    this.summaries.touch(id);
    // Its feed is fetched in full next time (not answered 304), so the item comes through again.
    const source = this.getSource(summary.sourceId);
    if (source) Object.assign(source, { etag: null, lastModified: null });
    if (!told) {
      this.recoveryNotes.push({
        file: this.bodyFile(id),
        outcome: 'set-aside',
        setAsidePath: null,
        message: `"${summary.title}": ${what}; it is fetched again at the next sync.`,
      });
    }
    if (summary.saved && summary.url) await this.queueLink(summary.url, summary.title);
    else await this.saveIndex();
  }

  /** Rewrites a body with the current copy of its summary (after the saved flag changed). */
  private async copySummaryToBody(id: string): Promise<void> {
    const notes = this.recoveryNotes.length;
    const lost = await this.enqueue(async () => {
      const summary = this.summaries.get(id);
      if (!summary) return false;
      const adapter = this.bodyAdapter(id);
      const body = await adapter.read();
      if (!body) return true;
      await adapter.writeText(serialize({ ...body, summary }));
      return false;
    });
    if (lost) await this.markForRefetch(id, this.recoveryNotes.length > notes);
  }

  /** Bodies no summary names (after every summary was read): a lost or damaged day file's
   * articles, or a write a crash cut short. Taken back from the summary copy each body carries
   * (recovery.ts); never deleted for it, except a removal the crash cut short. */
  private async recoverFromBodies(options: { save?: boolean } = {}): Promise<void> {
    // A day file restored from its .bak is one write older than the one lost: the saved flag
    // (kept current in each body's copy) and a newer copy of the summary come from the bodies.
    for (const summary of this.summaries.allClean ? [] : this.summaries.values()) {
      if (this.summaries.loadedCleanly(partitionOf(summary))) continue;
      const copy = (await this.bodyAdapter(summary.id).read().catch(() => null))?.summary;
      if (!copy || copy.id !== summary.id) continue;
      if (copy.fetchedAt > summary.fetchedAt) this.summaries.set({ ...copy });
      else if (copy.saved !== summary.saved) {
        summary.saved = copy.saved;
        summary.savedAt = copy.savedAt;
        this.summaries.touch(summary.id);
      }
    }
    // Listing articles/ (~0.3 s at 50k) only when a file was damaged or lost: a day file listed in
    // index.json that is gone, one restored or set aside, or index.json itself. A crash's leftover
    // body (an unacknowledged store) stays on disk until then.
    const days = this.index.data.days ?? [];
    const suspect = !this.indexClean || !this.summaries.allClean || days.some((day) => !this.summaries.foundOnDisk(day));
    const orphans: OrphanBody[] = [];
    for (const id of suspect ? await bodyIdsOnDisk(this.articlesDir) : []) {
      if (this.summaries.has(id)) continue;
      const body = await this.bodyAdapter(id).read().catch(() => null);
      if (body) orphans.push({ id, body });
    }
    if (orphans.length === 0) {
      if (this.summaries.hasChanges && options.save !== false) await this.saveIndex();
      return;
    }
    const plan = planAdoption(orphans, {
      // Read as written, or never written (not in the folder, not listed by a sound index.json).
      cleanPartition: (name) =>
        this.summaries.loadedCleanly(name) || (!this.summaries.foundOnDisk(name) && !(this.index.data.days ?? []).includes(name)),
      indexClean: this.indexClean,
      hasSource: (sourceId) => this.getSource(sourceId) !== null,
      partitionOf,
    });
    for (const { summary } of plan.adopt) {
      this.summaries.set(summary);
      this.registerKeys(summary.id, summary.keys);
    }
    for (const { summary } of plan.adopt) {
      this.tellArticles({ upserted: { id: summary.id, bodyText: orphans.find((o) => o.id === summary.id)!.body.bodyText ?? '' } });
    }
    this.keptPhotos = photosOfBodies(plan.unmatched);
    const note = adoptionNote(plan.adopt.filter((a) => a.told).map((a) => a.summary));
    if (note) this.recoveryNotes.push({ file: this.summariesDir, outcome: 'restored', setAsidePath: null, message: note });
    if (this.summaries.hasChanges && options.save !== false) await this.saveIndex();
    if (plan.leftovers.length > 0) {
      await this.enqueue(async () => {
        for (const id of plan.leftovers) {
          if (this.summaries.has(id)) continue;
          await fs.rm(`${this.bodyFile(id)}.bak`, { force: true });
          await fs.rm(this.bodyFile(id), { force: true });
        }
      });
    }
  }

  /** index.json and its .bak gone or unusable over a folder that holds articles: rebuilt from the
   * summaries (recovery.ts), written at once, and the user told. */
  private async rebuildIndexFile(why: 'missing' | 'damaged'): Promise<void> {
    const { index, note } = rebuildIndex(this.summaries.values(), this.summaries.sourceCopies, why);
    this.index.data = index;
    await this.index.write();
    this.writtenHead = JSON.stringify(index);
    this.recoveryNotes.push({ file: this.indexFile.file, outcome: 'restored', setAsidePath: null, message: note });
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
      const days = this.summaries.dayNames();
      if (days.join() !== (this.index.data.days ?? []).join()) this.index.data.days = days;
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
    throw new Error(`Article rejected: it cannot be stored (${(error as Error).message})`, { cause: error });
  }
}

export { toPublicSummary };
