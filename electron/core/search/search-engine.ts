/**
 * The search engine of a data folder: keeps the SearchIndex in step with the store and on disk.
 *
 * Start: reads `search-index.bin` (search-index.ts; a few tens of milliseconds at 50k articles)
 * and, once every summary is in memory (the store's background load), reconciles it with the
 * store: indexed articles the store no longer has are dropped, and articles whose fetchedAt differs from the indexed stamp (new, updated, or
 * written after the last save) are read and indexed, newest first. A missing file, a damaged one
 * (deleted: the index is derived data) or one of another version means a full rebuild that way.
 * `ready` is false until the reconcile is done; searches meanwhile answer from what is indexed.
 * After start, every store change (onArticlesChanged) updates the index at once; the file is
 * rewritten a minute after a change (SAVE_DELAY_MS), after a rebuild, and on close.
 * Queries filter by section and saved through filters.ts and build each hit with hits.ts.
 * An index file of the earlier minisearch form (`search-index.json`) is deleted.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { SearchHit, SearchQuery, SearchResults } from '../../shared/models';
import type { StoredSummary } from '../store/schema';
import type { ArticlesChange, NewsStore } from '../store/store';
import { verifyIndexFile } from './index-file';
import { OutdatedIndexError, SearchIndex, type IndexAnswer } from './search-index';
import { SectionSavedFilter } from './filters';
import { bodyFileOf, bodyTextIn, hitOf } from './hits';

export const SEARCH_INDEX_FILE = 'search-index.bin';
/** The file of the earlier minisearch index (deleted on start). */
export const OLD_SEARCH_INDEX_FILE = 'search-index.json';

export interface SearchEngineOptions {
  /** Delay between a change and rewriting the file (default SAVE_DELAY_MS). */
  saveDelayMs?: number;
  /** Bodies read at a time while (re)building (default 16). */
  batch?: number;
  /** Told about a damaged or outdated index file (the service adds it to its notes). */
  onNote?: (message: string) => void;
  /** After the store's background load, how long loading the index waits so the first screen's
   * requests are served first (default 0; the service uses START_DELAY_MS). A search starts it at
   * once. */
  startDelayMs?: number;
}

/** How long after a change the file is rewritten: tens of MB at 50k articles, so not after every
 * article of a sync; a crash loses at most this much, which the next start re-indexes. */
export const SAVE_DELAY_MS = 60_000;

/** The service's start delay after the store's load (the index file loads in tens of ms). */
export const START_DELAY_MS = 0;

export interface SearchEngineStats {
  /** 'file': loaded from search-index.bin; 'rebuilt': built from the bodies (no usable file). */
  origin: 'file' | 'rebuilt' | 'pending';
  /** From start until the file was read and parsed (includes waiting for the store's load). */
  loadMs: number;
  /** Reading the file (overlaps the store's load) and parsing it. */
  readMs: number;
  parseMs: number;
  /** Articles read and indexed by the reconcile (all of them for a rebuild). */
  indexed: number;
  dropped: number;
}

export class SearchEngine {
  readonly file: string;
  readonly stats: SearchEngineStats = { origin: 'pending', loadMs: 0, readMs: 0, parseMs: 0, indexed: 0, dropped: 0 };
  private index: SearchIndex<StoredSummary>;
  private live = false;
  private isReady = false;
  private closed = false;
  private dirty = false;
  private readonly started: Promise<void>;
  private saving: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private readonly unsubscribe: () => void;
  private checked: Promise<void> = Promise.resolve();
  private readonly filter: SectionSavedFilter;
  private kick: () => void = () => undefined;
  private readonly kicked = new Promise<void>((resolve) => (this.kick = resolve));

  private constructor(
    private readonly store: NewsStore,
    private readonly options: SearchEngineOptions,
  ) {
    this.file = path.join(store.dataDir, SEARCH_INDEX_FILE);
    this.index = SearchIndex.empty<StoredSummary>();
    this.filter = new SectionSavedFilter(store);
    this.unsubscribe = store.onArticlesChanged((change) => this.onChange(change));
    this.started = this.start();
    this.started.catch(() => undefined);
  }

  /** Starts loading (or building) in the background; search() works at once. */
  static start(store: NewsStore, options: SearchEngineOptions = {}): SearchEngine {
    return new SearchEngine(store, options);
  }

  get ready(): boolean {
    return this.isReady;
  }

  /** Resolves when the index matches the store (or the engine was closed first). */
  whenReady(): Promise<void> {
    return this.started;
  }

  /** Resolves when a loaded file's checksum has been checked (and a damaged one rebuilt). */
  async whenChecked(): Promise<void> {
    await this.started.catch(() => undefined);
    await this.checked;
  }

  async search(query: SearchQuery): Promise<SearchResults> {
    this.kick(); // a reader is searching: load the index now
    const limit = Math.min(500, Math.max(1, query.limit ?? 50));
    const section = query.section ? query.section.split(' > ') : [];
    const filtered = Boolean(query.saved || section.length);
    let answer: IndexAnswer<StoredSummary>;
    try {
      // Without a filter every indexed article counts (the index follows the store).
      answer = this.index.search(query.text, { limit, ...(filtered ? { tagFilter: this.filter.tagsFor(this.index, section, Boolean(query.saved)) } : {}) });
    } catch (error) {
      // Only a damaged posting list throws here.
      if (this.isReady) this.checked = this.rebuild((error as Error).message);
      return { hits: [], total: 0, ready: false };
    }
    const folded = new Set(answer.terms);
    const hits: SearchHit[] = [];
    for (const match of answer.matches) {
      const summary = match.ref ?? this.store.getSummary(match.id);
      if (summary) hits.push(hitOf(this.store, summary, folded, match.score));
    }
    const total = filtered ? answer.total : answer.total - (answer.matches.length - hits.length);
    return { hits, total, ready: this.isReady, ...(answer.anyWord ? { anyWord: true } : {}) };
  }

  /** Writes the index file now if it changed since the last write. */
  save(): Promise<void> {
    this.clearTimer();
    const run = this.saving.then(async () => {
      if (!this.dirty || !this.live) return;
      this.dirty = false;
      try {
        if (this.index.wantsCompaction) await this.index.compact();
        // Derived data: no .bak (a damaged file is rebuilt); the write is still atomic.
        await this.index.save(this.file);
      } catch (error) {
        this.dirty = true;
        throw error;
      }
    });
    this.saving = run.catch(() => undefined);
    return run;
  }

  /** Stops a running build, writes the file if it changed; call before closing the store. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.kick();
    this.unsubscribe();
    this.clearTimer();
    await this.started.catch(() => undefined);
    await this.checked.catch(() => undefined);
    await this.save().catch(() => undefined);
  }

  // ---- internals ----------------------------------------------------------------------------

  private async start(): Promise<void> {
    // The file is read and parsed (in slices) while the store loads; the reconcile needs every
    // summary, so it waits for the store's background load.
    const t0 = performance.now();
    const loading = this.readFile().then(async (data) => {
      this.stats.readMs = performance.now() - t0;
      if (!data || this.closed) return { data, index: null };
      const t1 = performance.now();
      const index = await this.parse(data);
      this.stats.parseMs = performance.now() - t1;
      return { data, index };
    });
    await fs.rm(path.join(this.store.dataDir, OLD_SEARCH_INDEX_FILE), { force: true }).catch(() => undefined);
    await this.store.whenAllRead();
    const delay = this.options.startDelayMs ?? 0;
    if (delay > 0) {
      const timer = setTimeout(() => this.kick(), delay);
      timer.unref?.();
      await this.kicked;
      clearTimeout(timer);
    }
    const { data, index: loaded } = await loading;
    if (this.closed) return;
    if (loaded) this.index = loaded;
    this.live = true;
    this.stats.origin = loaded ? 'file' : 'rebuilt';
    this.stats.loadMs = performance.now() - t0;
    await this.reconcile();
    if (this.closed) return;
    this.isReady = true;
    if (this.dirty) await this.save().catch(() => undefined);
    // The checksum of a loaded file is checked after it is in use (~0.2 s of CPU at 56 MB, in
    // slices).
    if (loaded && data) this.checked = this.check(data);
  }

  /** Checks a loaded file's checksum; a mismatch rebuilds the index from the bodies. */
  private async check(data: Buffer): Promise<void> {
    if (await verifyIndexFile(data)) return;
    await this.rebuild('checksum mismatch');
  }

  /** Starts over from the bodies (the index turned out damaged). */
  private async rebuild(reason: string): Promise<void> {
    if (this.closed) return;
    this.options.onNote?.(`The search index was damaged (${reason}); it is being rebuilt.`);
    this.index = SearchIndex.empty<StoredSummary>();
    this.isReady = false;
    this.stats.origin = 'rebuilt';
    await fs.rm(this.file, { force: true }).catch(() => undefined);
    await this.reconcile();
    if (this.closed) return;
    this.isReady = true;
    if (this.dirty) await this.save().catch(() => undefined);
  }

  /** The whole file in one read (fs.promises.readFile reads 512 KB per round trip: ~4x slower
   * for an 80 MB index). */
  private async readFile(): Promise<Buffer | null> {
    let handle: fs.FileHandle | null = null;
    try {
      handle = await fs.open(this.file, 'r');
      const { size } = await handle.stat();
      const data = Buffer.allocUnsafeSlow(size); // its own memory: typed-array views need alignment
      let read = 0;
      while (read < size) {
        const { bytesRead } = await handle.read(data, read, size - read, read);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      return data.subarray(0, read);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      this.options.onNote?.(`The search index could not be read (${(error as Error).message}); it is being rebuilt.`);
      return null;
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }

  private async parse(data: Buffer): Promise<SearchIndex<StoredSummary> | null> {
    try {
      return await SearchIndex.load<StoredSummary>(data);
    } catch (error) {
      // Another version is rebuilt silently; damage is worth a note.
      if (!(error instanceof OutdatedIndexError)) this.options.onNote?.(`The search index was damaged (${(error as Error).message}); it is being rebuilt.`);
      await fs.rm(this.file, { force: true }).catch(() => undefined);
      return null;
    }
  }

  /** Drops what the store no longer has, indexes what is new or changed (newest first). */
  private async reconcile(): Promise<void> {
    for (const id of [...this.index.ids()]) {
      if (!this.store.getSummary(id)) {
        this.index.remove(id);
        this.stats.dropped++;
        this.dirty = true;
      }
    }
    const stale: StoredSummary[] = [];
    for (const summary of this.store.allSummaries()) {
      if (this.index.stampOf(summary.id) === summary.fetchedAt) this.index.attach(summary.id, summary);
      else stale.push(summary);
    }
    // Newest first (a full rebuild makes recent articles searchable first).
    const newestFirst = stale.map((s) => ({ id: s.id, time: Date.parse(s.publishedAt ?? s.fetchedAt) || 0 })).sort((a, b) => b.time - a.time);
    const batch = this.options.batch ?? 16;
    for (let i = 0; i < newestFirst.length && !this.closed; i += batch) {
      await Promise.all(newestFirst.slice(i, i + batch).map((s) => this.indexFromDisk(s.id)));
      await new Promise((resolve) => setImmediate(resolve)); // let queries and IPC in between
    }
  }

  private async indexFromDisk(id: string): Promise<void> {
    const bodyText = await this.bodyTextOf(id);
    const summary = this.store.getSummary(id);
    if (!summary || this.index.stampOf(id) === summary.fetchedAt || this.closed) return;
    this.index.put({ id, title: summary.title, dek: summary.dek, byline: summary.byline, bodyText, stamp: summary.fetchedAt }, summary);
    this.stats.indexed++;
    this.dirty = true;
  }

  private onChange(change: ArticlesChange): void {
    if (!this.live || this.closed) return; // the reconcile after loading picks it up
    if ('deleted' in change) {
      for (const id of change.deleted) this.index.remove(id);
    } else {
      const summary = this.store.getSummary(change.upserted.id);
      if (!summary) return;
      const { id, bodyText } = change.upserted;
      this.index.put({ id, title: summary.title, dek: summary.dek, byline: summary.byline, bodyText, stamp: summary.fetchedAt }, summary);
    }
    this.dirty = true;
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (!this.isReady || this.timer) return; // start() saves once it is done
    this.timer = setTimeout(() => {
      this.timer = null;
      this.save().catch((error: unknown) => this.options.onNote?.(`The search index could not be saved: ${(error as Error).message}`));
    }, this.options.saveDelayMs ?? SAVE_DELAY_MS);
    this.timer.unref?.();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The body's plain text ('' when unreadable: the store repairs bodies when the article is
   * opened). */
  private async bodyTextOf(id: string): Promise<string> {
    try {
      return bodyTextIn(await fs.readFile(bodyFileOf(this.store, id), 'utf8'));
    } catch {
      return '';
    }
  }
}
