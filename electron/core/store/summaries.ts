/**
 * Article summaries, partitioned by day (schema version 2): `summaries/<YYYY-MM-DD>.json` holds
 * the summaries of the articles published (else fetched) that day, each file a lowdb document
 * written by DurableJsonFile. Reads are served from memory; a commit rewrites only the partitions
 * it changed, so its cost follows the change, not the size of the store. See docs/STORAGE.md.
 */
import { readFileSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { verify } from './checksum';
import { DurableJsonFile, syncDirectory, type DurableFs, type RecoveryNote } from './durable-file';
import { SCHEMA_VERSION, type SourceCopy, type StoredSummary } from './schema';

export interface PartitionDoc {
  schemaVersion: number;
  partition: string;
  articles: Record<string, StoredSummary>;
  /** The sources its articles belong to (absent in older files), to rebuild a lost index.json. */
  sources?: Record<string, SourceCopy>;
}

const PARTITION_NAME = /^(\d{4}-\d{2}-\d{2}|undated)\.json$/;

/** Longest stretch of the background read between two yields to the event loop (ms). */
const SLICE_MS = 8;

/** The partition (day) an article's summary lives in. */
export function partitionOf(summary: Pick<StoredSummary, 'publishedAt' | 'fetchedAt'>): string {
  for (const date of [summary.publishedAt, summary.fetchedAt]) {
    const match = date ? /^(\d{4}-\d{2}-\d{2})T/.exec(date) : null;
    if (match) return match[1]!;
  }
  return 'undated';
}

export function checkPartition(value: unknown): string | null {
  const doc = value as Partial<PartitionDoc>;
  if (typeof doc.partition !== 'string' || typeof doc.articles !== 'object' || doc.articles === null) {
    return 'not a summaries partition';
  }
  return null;
}

/** Sort key: newest first by publication (else fetch) time, then title. */
function timeOf(s: StoredSummary): number {
  const t = Date.parse(s.publishedAt ?? s.fetchedAt);
  return Number.isNaN(t) ? 0 : t;
}

export class SummaryTable {
  readonly dir: string;
  private readonly byId = new Map<string, StoredSummary>();
  private readonly partitionOfId = new Map<string, string>();
  private readonly partitions = new Map<string, Set<string>>();
  private readonly dirty = new Set<string>();
  /** Dirty partitions a summary moved out of (written after the others). */
  private readonly movedOut = new Set<string>();
  private sortedCache: StoredSummary[] | null = null;
  private changes = 0;
  /** Partition names not read yet, newest first (see load). */
  private unloaded: string[] = [];
  private readonly fsImpl: DurableFs | undefined;
  private readonly onRecovery: (note: RecoveryNote) => void;
  private readonly sourceCopy: (id: string) => SourceCopy | null;
  private notesSeen = 0;
  /** Partitions read as they were on disk: present, sound, no backup needed. */
  private readonly clean = new Set<string>();
  private readonly onDisk = new Set<string>();
  /** Source copies found in the partitions read so far (the newest day's copy of each). */
  readonly sourceCopies = new Map<string, SourceCopy>();

  constructor(
    dir: string,
    options: { fs?: DurableFs; onRecovery: (note: RecoveryNote) => void; sourceCopy?: (id: string) => SourceCopy | null },
  ) {
    this.dir = dir;
    this.fsImpl = options.fs;
    this.onRecovery = (note) => {
      this.notesSeen++;
      options.onRecovery(note);
    };
    this.sourceCopy = options.sourceCopy ?? (() => null);
  }

  /** Reads the partition files, newest day first. With `firstAtLeast`, stops once that many
   * summaries are in memory and leaves the older days to loadRest(); the newest articles are then
   * all loaded (every unloaded one is older). A summary found in two partitions (a crash while it
   * moved) keeps the most recently fetched copy. */
  async load(options: { firstAtLeast?: number } = {}): Promise<void> {
    await nodeFs.mkdir(this.dir, { recursive: true });
    const names = new Set<string>();
    for (const name of await nodeFs.readdir(this.dir)) {
      const base = name.endsWith('.bak') ? name.slice(0, -4) : name;
      if (PARTITION_NAME.test(base)) names.add(base.slice(0, -5));
    }
    // 'undated' sorts after the digits, so it comes first; it is small and usually absent.
    this.unloaded = [...names].sort().reverse();
    for (const name of names) this.onDisk.add(name);
    await this.readSome(options.firstAtLeast ?? Infinity);
  }

  /** True once every partition is in memory. */
  get complete(): boolean {
    return this.unloaded.length === 0;
  }

  /** Reads the partitions load() left in slices of about SLICE_MS, yielding to the event loop
   * between slices, so requests are answered within a few ms while it runs. */
  async loadRest(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve)); // open() resolves first
    await this.readSome(Infinity, true);
  }

  private async readSome(until: number, sliced = false): Promise<void> {
    // One file at a time, parsed before the next is read: reading many at once keeps every buffer
    // alive and the GC busy.
    let next = 0;
    let sliceEnd = performance.now() + SLICE_MS;
    try {
      while (next < this.unloaded.length && this.byId.size < until) {
        const name = this.unloaded[next]!;
        let doc = this.readFast(name);
        if (doc) this.clean.add(name);
        else {
          const seen = this.notesSeen;
          doc = await this.adapter(name).read();
          if (doc && this.notesSeen === seen) this.clean.add(name);
        }
        this.merge(doc);
        next++;
        if (sliced && performance.now() >= sliceEnd) {
          await new Promise((resolve) => setImmediate(resolve));
          sliceEnd = performance.now() + SLICE_MS;
        }
      }
    } finally {
      this.unloaded = this.unloaded.slice(next);
    }
  }

  /** A partition read synchronously, when it is there and sound: a local read of a few KB costs
   * less than the thread-pool round trips of an async one (about half the CPU of the whole load
   * at 50k), and each is short. Anything else (an injected fs, a missing, damaged or unreadable
   * file) returns null and takes DurableJsonFile.read(), which restores or sets aside. */
  private readFast(name: string): PartitionDoc | null {
    if (this.fsImpl) return null;
    try {
      const bytes = readFileSync(this.fileOf(name));
      if (!verify(bytes).ok) return null;
      const doc = JSON.parse(bytes.toString('utf8')) as unknown;
      if (typeof doc !== 'object' || doc === null || checkPartition(doc) !== null) return null;
      return doc as PartitionDoc;
    } catch {
      return null;
    }
  }

  /** Adds a partition's summaries; a summary already known keeps the most recently fetched copy. */
  private merge(doc: PartitionDoc | null): void {
    if (!doc) return;
    for (const id in doc.sources ?? {}) {
      if (!this.sourceCopies.has(id)) this.sourceCopies.set(id, doc.sources![id]!);
    }
    for (const id in doc.articles) {
      const summary = doc.articles[id]!;
      const known = this.byId.get(summary.id);
      if (known && known.fetchedAt >= summary.fetchedAt) continue;
      this.put(summary, false);
    }
  }

  /** True when this day's partition was read as it was on disk (no restore, no set-aside). */
  loadedCleanly(name: string): boolean {
    return this.clean.has(name);
  }

  /** True when every partition read so far was read as it was on disk. */
  get allClean(): boolean {
    return this.clean.size === this.onDisk.size;
  }

  /** True when the partition (or its .bak) was in the folder when it was opened. */
  foundOnDisk(name: string): boolean {
    return this.onDisk.has(name);
  }

  /** The days that hold summaries, sorted (index.json lists them, so a lost day file is known). */
  dayNames(): string[] {
    return [...this.partitions].filter(([, ids]) => ids.size > 0).map(([name]) => name).sort();
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): StoredSummary | null {
    return this.byId.get(id) ?? null;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  values(): StoredSummary[] {
    return [...this.byId.values()];
  }

  /** Moves on every change (added, replaced, touched or deleted summary): a cache key. */
  get version(): number {
    return this.changes;
  }

  /** Every summary, newest first (cached until a summary is added, replaced or deleted). */
  sorted(): StoredSummary[] {
    if (!this.sortedCache) {
      const keyed = [...this.byId.values()].map((s) => ({ s, t: timeOf(s) }));
      keyed.sort((a, b) => b.t - a.t || a.s.title.localeCompare(b.s.title));
      this.sortedCache = keyed.map((k) => k.s);
    }
    return this.sortedCache;
  }

  /** Adds or replaces a summary (moving it when its day changed). */
  set(summary: StoredSummary): void {
    this.put(summary, true);
  }

  /** Call after changing a summary object in place (saved, read, section): fields the order does
   * not depend on, so the cached order stays. */
  touch(id: string): void {
    const partition = this.partitionOfId.get(id);
    if (partition) this.dirty.add(partition);
    this.changes++;
  }

  delete(id: string): void {
    const partition = this.partitionOfId.get(id);
    if (!partition) return;
    this.byId.delete(id);
    this.partitionOfId.delete(id);
    this.partitions.get(partition)?.delete(id);
    this.dirty.add(partition);
    this.sortedCache = null;
    this.changes++;
  }

  get hasChanges(): boolean {
    return this.dirty.size > 0;
  }

  /** Writes every changed partition (an emptied one is removed). Runs inside the store's queue.
   * Two phases, each in parallel and then one folder fsync: first the partitions that gained or
   * changed summaries, then those a summary moved out of. A crash between the phases leaves a
   * moved summary in both days (load keeps the newer copy), never in neither. */
  async save(): Promise<void> {
    const names = [...this.dirty];
    const movedOut = new Set([...this.movedOut].filter((n) => this.dirty.has(n)));
    this.dirty.clear();
    this.movedOut.clear();
    try {
      for (const phase of [names.filter((n) => !movedOut.has(n)), [...movedOut]]) {
        if (phase.length === 0) continue;
        const results = await Promise.allSettled(phase.map((name) => this.writePartition(name)));
        await syncDirectory(this.dir, this.fsImpl);
        const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed) throw failed.reason;
      }
    } catch (error) {
      for (const name of names) this.dirty.add(name); // retried by the next save
      for (const name of movedOut) this.movedOut.add(name);
      throw error;
    }
  }

  private async writePartition(name: string): Promise<void> {
    const ids = this.partitions.get(name);
    if (!ids || ids.size === 0) {
      this.partitions.delete(name);
      const file = this.fileOf(name);
      await nodeFs.rm(`${file}.bak`, { force: true }); // .bak first: a crash never resurrects it
      await nodeFs.rm(file, { force: true });
      return;
    }
    const articles: Record<string, StoredSummary> = {};
    const sources: Record<string, SourceCopy> = Object.create(null) as Record<string, SourceCopy>;
    for (const id of ids) {
      const summary = this.byId.get(id)!;
      articles[id] = summary;
      if (!sources[summary.sourceId]) {
        const copy = this.sourceCopy(summary.sourceId);
        if (copy) sources[summary.sourceId] = copy;
      }
    }
    const doc: PartitionDoc = { schemaVersion: SCHEMA_VERSION, partition: name, articles, sources };
    await this.adapter(name).writeText(JSON.stringify(doc), { syncDir: false });
  }

  private put(summary: StoredSummary, markDirty: boolean): void {
    const partition = partitionOf(summary);
    const before = this.partitionOfId.get(summary.id);
    if (before && before !== partition) {
      this.partitions.get(before)?.delete(summary.id);
      if (markDirty) {
        this.dirty.add(before);
        this.movedOut.add(before);
      }
    }
    this.byId.set(summary.id, summary);
    this.partitionOfId.set(summary.id, partition);
    let set = this.partitions.get(partition);
    if (!set) this.partitions.set(partition, (set = new Set()));
    set.add(summary.id);
    if (markDirty) this.dirty.add(partition);
    this.sortedCache = null;
    this.changes++;
  }

  private fileOf(name: string): string {
    return path.join(this.dir, `${name}.json`);
  }

  private adapter(name: string): DurableJsonFile<PartitionDoc> {
    return new DurableJsonFile<PartitionDoc>(this.fileOf(name), {
      fs: this.fsImpl,
      validate: checkPartition,
      onRecovery: this.onRecovery,
      checksum: true,
      lostOutcome: 'its articles are rebuilt from their body files',
    });
  }
}
