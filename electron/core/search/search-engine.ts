/**
 * The search engine of a data folder: keeps the SearchIndex in step with the store and on disk.
 *
 * Start: once every summary is in memory (the store's background load), reads `search-index.json`
 * (the first screen never waits), then reconciles it with the store: indexed articles the store no longer
 * has are dropped, and articles whose fetchedAt differs from the indexed stamp (new, updated, or
 * written after the last save) are read and indexed, newest first. A missing file, a damaged one
 * (deleted: the index is derived data) or one of another version means a full rebuild that way.
 * `ready` is false until the reconcile is done; searches meanwhile answer from what is indexed.
 * After start, every store change (onArticlesChanged) updates the index at once; the file is
 * rewritten a few seconds after the last change, after a rebuild, and on close.
 * Queries filter by section and saved from the store's summaries and build each hit's snippet
 * from the body of the returned hits only.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { SearchHit, SearchQuery, SearchResults } from '../../shared/models';
import { DurableJsonFile } from '../store/durable-file';
import { toPublicSummary } from '../store/queries';
import type { StoredSummary } from '../store/schema';
import type { ArticlesChange, NewsStore } from '../store/store';
import { OutdatedIndexError, SearchIndex } from './search-index';
import { matchedWords, snippetAround } from './text';

export const SEARCH_INDEX_FILE = 'search-index.json';

export interface SearchEngineOptions {
  /** Delay between the last change and rewriting the file (default 5 s). */
  saveDelayMs?: number;
  /** Distinct body words indexed per article (default BODY_TERMS; the bench compares). */
  bodyTerms?: number;
  /** Bodies read at a time while (re)building (default 16). */
  batch?: number;
  /** Told about a damaged or outdated index file (the service adds it to its notes). */
  onNote?: (message: string) => void;
  /** After the store's background load, how long loading the index waits so the first screen's
   * requests are served first (default 0; the service uses START_DELAY_MS). A search starts it at
   * once. */
  startDelayMs?: number;
}

/** The service's start delay: the first front at 50k is served in ~1 s; the index waits for it. */
export const START_DELAY_MS = 1500;

export interface SearchEngineStats {
  /** 'file': loaded from search-index.json; 'rebuilt': built from the bodies (no usable file). */
  origin: 'file' | 'rebuilt' | 'pending';
  loadMs: number;
  /** Articles read and indexed by the reconcile (all of them for a rebuild). */
  indexed: number;
  dropped: number;
}

export class SearchEngine {
  readonly file: string;
  readonly stats: SearchEngineStats = { origin: 'pending', loadMs: 0, indexed: 0, dropped: 0 };
  private index: SearchIndex;
  private live = false;
  private isReady = false;
  private closed = false;
  private dirty = false;
  private readonly started: Promise<void>;
  private saving: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private readonly unsubscribe: () => void;
  private kick: () => void = () => undefined;
  private readonly kicked = new Promise<void>((resolve) => (this.kick = resolve));

  private constructor(
    private readonly store: NewsStore,
    private readonly options: SearchEngineOptions,
  ) {
    this.file = path.join(store.dataDir, SEARCH_INDEX_FILE);
    this.index = SearchIndex.empty(options.bodyTerms);
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

  async search(query: SearchQuery): Promise<SearchResults> {
    this.kick(); // a reader is searching: load the index now
    const limit = Math.min(500, Math.max(1, query.limit ?? 50));
    const { matches, anyWord } = this.index.search(query.text);
    const section = query.section ?? '';
    const picked: { summary: StoredSummary; terms: string[]; score: number }[] = [];
    let total = 0;
    for (const match of matches) {
      const summary = this.store.getSummary(match.id);
      if (!summary) continue;
      if (query.saved && !summary.saved) continue;
      if (section) {
        const own = summary.sectionPath.join(' > ');
        if (own !== section && !own.startsWith(`${section} > `)) continue;
      }
      total++;
      if (picked.length < limit) picked.push({ summary, terms: match.terms, score: match.score });
    }
    const hits = await Promise.all(picked.map((p) => this.hitOf(p.summary, p.terms, p.score)));
    return { hits, total, ready: this.isReady, ...(anyWord ? { anyWord: true } : {}) };
  }

  /** Writes the index file now if it changed since the last write. */
  save(): Promise<void> {
    this.clearTimer();
    const run = this.saving.then(async () => {
      if (!this.dirty || !this.live) return;
      this.dirty = false;
      try {
        // Derived data: no .bak (a damaged file is rebuilt); the write is still atomic.
        await new DurableJsonFile(this.file).writeText(JSON.stringify(this.index), { fresh: true });
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
    await this.save().catch(() => undefined);
  }

  // ---- internals ----------------------------------------------------------------------------

  private async start(): Promise<void> {
    // After the store's own background load: parsing a large index file must not hold up the
    // first screen's requests.
    await this.store.whenLoaded();
    const delay = this.options.startDelayMs ?? 0;
    if (delay > 0) {
      const timer = setTimeout(() => this.kick(), delay);
      timer.unref?.();
      await this.kicked;
      clearTimeout(timer);
    }
    if (this.closed) return;
    const t0 = performance.now();
    const loaded = await this.readFile();
    if (this.closed) return;
    if (loaded) this.index = loaded;
    this.live = true;
    this.stats.origin = loaded ? 'file' : 'rebuilt';
    this.stats.loadMs = performance.now() - t0;
    await this.reconcile();
    if (this.closed) return;
    this.isReady = true;
    if (this.dirty) await this.save().catch(() => undefined);
  }

  private async readFile(): Promise<SearchIndex | null> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      this.options.onNote?.(`The search index could not be read (${(error as Error).message}); it is being rebuilt.`);
      return null;
    }
    try {
      return await SearchIndex.fromJSON(JSON.parse(text), this.options.bodyTerms);
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
    const stale = this.store.sortedSummaries().filter((s) => this.index.stampOf(s.id) !== s.fetchedAt).map((s) => s.id);
    const batch = this.options.batch ?? 16;
    for (let i = 0; i < stale.length && !this.closed; i += batch) {
      await Promise.all(stale.slice(i, i + batch).map((id) => this.indexFromDisk(id)));
      await new Promise((resolve) => setImmediate(resolve)); // let queries and IPC in between
    }
  }

  private async indexFromDisk(id: string): Promise<void> {
    const bodyText = await this.bodyTextOf(id);
    const summary = this.store.getSummary(id);
    if (!summary || this.index.stampOf(id) === summary.fetchedAt || this.closed) return;
    this.index.put({ id, title: summary.title, dek: summary.dek, byline: summary.byline, bodyText, stamp: summary.fetchedAt });
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
      this.index.put({ id, title: summary.title, dek: summary.dek, byline: summary.byline, bodyText, stamp: summary.fetchedAt });
    }
    this.dirty = true;
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (!this.isReady || this.timer) return; // start() saves once it is done
    this.timer = setTimeout(() => {
      this.timer = null;
      this.save().catch((error: unknown) => this.options.onNote?.(`The search index could not be saved: ${(error as Error).message}`));
    }, this.options.saveDelayMs ?? 5000);
    this.timer.unref?.();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The body's plain text, read straight from articles/<id>.json ('' when unreadable: the store
   * repairs bodies when the article is opened). */
  private async bodyTextOf(id: string): Promise<string> {
    try {
      const body = JSON.parse(await fs.readFile(path.join(this.store.articlesDir, `${id}.json`), 'utf8')) as { bodyText?: unknown };
      return typeof body.bodyText === 'string' ? body.bodyText : '';
    } catch {
      return '';
    }
  }

  private async hitOf(summary: StoredSummary, terms: string[], score: number): Promise<SearchHit> {
    const folded = new Set(terms);
    let snippet = snippetAround(summary.dek, folded, 240, false);
    if (snippet === null) {
      // Around the first match in the body; a headline-only match shows the dek (else the body's start).
      const body = await this.bodyTextOf(summary.id);
      snippet = snippetAround(body, folded, 240, false) ?? (summary.dek || snippetAround(body, folded) || '');
    }
    return {
      article: toPublicSummary(summary),
      terms: matchedWords([summary.title, summary.dek, summary.byline, snippet], folded),
      snippet,
      score,
    };
  }
}
