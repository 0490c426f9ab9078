/**
 * A pool of worker threads for page extraction (decode + Readability over linkedom + sanitize),
 * so a sync uses every core instead of parsing pages one by one on the main thread.
 *
 * - Size: one worker per core (os.availableParallelism(), at least 1); NEWS_EXTRACT_WORKERS
 *   overrides the shared pool's size (0 = extract in the calling thread); under vitest it is 1.
 * - The shared pool's workers have a 512 MB heap cap (NEWS_EXTRACT_HEAP_MB, 0 = none): a hostile
 *   page that needs more fails alone (a 256 MB cap cut peak RSS ~15% but cost ~10% more CPU); and
 *   a 16 MB young generation (SHARED_YOUNG_MB).
 * - Workers start when work arrives and are unref'd while idle, so an idle pool never keeps a
 *   process alive; after `idleTimeoutMs` (default 30 s) with no work they are terminated, giving
 *   their memory back; close() terminates them at once (a later task starts new ones either way).
 * - A worker that crashes, runs out of memory or exceeds the task time limit fails only the task
 *   it was running (a per-article error) and is replaced.
 * - If no worker can start (the worker file is missing, a platform without worker threads),
 *   extraction runs in the calling thread: same function, same results, one page per event-loop
 *   turn, so the Electron main process still answers the window's IPC between pages.
 *
 * The worker file is out/main/extract-worker.js in the built app (a self-contained bundle, see
 * electron.vite.config.ts) and the TypeScript source through extract-worker-dev.mjs under tsx and
 * vitest. In the packaged app the bundle lies inside app.asar; electron-builder.yml unpacks it
 * (asarUnpack) and workerFileFor() loads the copy in app.asar.unpacked, a plain file a worker
 * thread reads like any other (worker threads have no asar support: electron/electron#22446).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ExtractedArticle } from '../types';
import { rebuildError, runPageTask, type PageTask, type SerializedError } from './extract-task';

export interface ExtractPoolOptions {
  /** Number of workers (default: one per core); 0 extracts in the calling thread. */
  size?: number;
  /** The worker script (default: the built or development worker, see above). */
  workerUrl?: URL;
  /** Per-worker V8 heap limits: a page that needs more fails alone. */
  resourceLimits?: ResourceLimits;
  /** A task running longer than this fails and its worker is replaced (default 60 s). */
  taskTimeoutMs?: number;
  /** Workers with no work for this long are terminated (default 30 s). */
  idleTimeoutMs?: number;
}

/** Extracts a fetched page; the pool and the in-thread fallback have this shape. */
export interface PageExtractor {
  /** The body's bytes are transferred to the worker: the caller must not read `body` afterwards. */
  extractPage(body: Buffer, contentType: string, url: string): Promise<ExtractedArticle>;
}

interface Job {
  id: number;
  task: PageTask;
  resolve: (article: ExtractedArticle) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

type WorkerMessage = { ready: true } | { id: number; ok: true; result: ExtractedArticle } | { id: number; ok: false; error: SerializedError };

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_IDLE_MS = 30_000;

export function defaultPoolSize(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, cores);
}

/**
 * The built worker for a module at `moduleUrl` (out/main/index.js, or a chunk beside it): the
 * copy in app.asar.unpacked when the module is inside app.asar and that copy exists, else the
 * file beside the module. Exported for the packaging test, which checks it in a packed app.
 */
export function workerFileFor(moduleUrl: string): URL {
  const built = 'extract-worker.js';
  const asar = `${sep}app.asar${sep}`;
  for (const rel of [built, `../${built}`]) {
    const file = fileURLToPath(new URL(rel, moduleUrl));
    const unpacked = file.includes(asar) ? file.replace(asar, `${sep}app.asar.unpacked${sep}`) : null;
    if (unpacked && existsSync(unpacked)) return pathToFileURL(unpacked);
    if (existsSync(file)) return pathToFileURL(file);
  }
  return new URL(built, moduleUrl);
}

/** The worker script next to this module: source (.ts, through tsx) or the built bundle (.js). */
export function defaultWorkerUrl(): URL {
  const here = import.meta.url;
  // Name kept in a variable: a literal new URL('./x', import.meta.url) would be rewritten by Vite.
  const dev = 'extract-worker-dev.mjs';
  return here.endsWith('.ts') ? new URL(dev, here) : workerFileFor(here);
}

export class ExtractPool implements PageExtractor {
  readonly size: number;
  private readonly workerUrl: URL;
  private readonly options: ExtractPoolOptions;
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;
  /** Set when no worker could start: everything runs in the calling thread from then on. */
  private fallback: string | null = null;
  private everReady = false;
  private idleTimer: NodeJS.Timeout | null = null;
  /** In-thread tasks waiting for their turn (one per event-loop turn). */
  private hereQueue: { task: PageTask; resolve: (a: ExtractedArticle) => void; reject: (e: Error) => void }[] = [];
  private hereRunning = false;

  constructor(options: ExtractPoolOptions = {}) {
    this.options = options;
    this.size = Math.max(0, Math.floor(options.size ?? defaultPoolSize()));
    this.workerUrl = options.workerUrl ?? defaultWorkerUrl();
  }

  /** 'workers', or 'in-thread' (size 0, or no worker could start; `fallbackReason` says why). */
  get mode(): 'workers' | 'in-thread' {
    return this.size === 0 || this.fallback !== null ? 'in-thread' : 'workers';
  }

  get fallbackReason(): string | null {
    return this.fallback;
  }

  /** Live workers (for tests and diagnostics). */
  get workerCount(): number {
    return this.slots.length;
  }

  extractPage(body: Buffer, contentType: string, url: string): Promise<ExtractedArticle> {
    if (this.mode === 'in-thread') return this.runHere({ body, contentType, url });
    // Transfer the bytes instead of copying them; a slice of a shared buffer is copied first.
    const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? body : new Uint8Array(body);
    const task: PageTask = { url, contentType, body: new Uint8Array(own.buffer, own.byteOffset, own.byteLength) };
    return new Promise<ExtractedArticle>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.pump();
    });
  }

  /** Starts every worker now and resolves once they have loaded (or the pool fell back to in-thread). */
  async start(): Promise<void> {
    if (this.mode === 'in-thread') return;
    while (this.slots.length < this.size && this.startWorker()) {
      // started
    }
    this.updateRefs();
    await new Promise<void>((resolve) => {
      const check = () => (this.mode === 'in-thread' || this.slots.every((s) => s.ready) ? resolve() : setTimeout(check, 10));
      check();
    });
    this.updateRefs();
  }

  /** Terminates every worker; queued and running tasks fail. The pool starts new workers on next use. */
  async close(): Promise<void> {
    this.clearIdleTimer();
    const queued = this.queue.splice(0);
    for (const job of queued) job.reject(new Error('page extraction stopped: the extraction pool was closed'));
    const slots = this.slots.splice(0);
    await Promise.all(
      slots.map(async (slot) => {
        this.clearTimer(slot);
        const job = slot.job;
        slot.job = null;
        job?.reject(new Error('page extraction stopped: the extraction pool was closed'));
        await slot.worker.terminate();
      }),
    );
  }

  private runHere(task: PageTask): Promise<ExtractedArticle> {
    return new Promise((resolve, reject) => {
      this.hereQueue.push({ task, resolve, reject });
      this.runNextHere();
    });
  }

  /** One in-thread page per event-loop turn: a setImmediate queued from a setImmediate callback
   * runs on the next turn, after the poll phase has served I/O (IPC, sockets, timers). */
  private runNextHere(): void {
    if (this.hereRunning) return;
    const next = this.hereQueue.shift();
    if (!next) return;
    this.hereRunning = true;
    setImmediate(() => {
      try {
        next.resolve(runPageTask(next.task));
      } catch (error) {
        next.reject(error as Error);
      }
      this.hereRunning = false;
      this.runNextHere();
    });
  }

  /** Hands queued jobs to idle ready workers, starting workers up to `size`. */
  private pump(): void {
    if (this.fallback !== null) {
      for (const job of this.queue.splice(0)) this.runHere(job.task).then(job.resolve, job.reject);
      return;
    }
    for (const slot of this.slots) {
      if (!this.queue.length) break;
      if (slot.ready && !slot.job) this.assign(slot, this.queue.shift()!);
    }
    let starting = this.slots.filter((s) => !s.ready).length;
    while (this.queue.length > starting && this.slots.length < this.size) {
      if (!this.startWorker()) return;
      starting++;
    }
    this.updateRefs();
  }

  private startWorker(): boolean {
    let worker: Worker;
    try {
      worker = new Worker(this.workerUrl, { resourceLimits: this.options.resourceLimits });
    } catch (error) {
      this.giveUp(`the extraction worker could not start: ${(error as Error).message}`);
      return false;
    }
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    this.slots.push(slot);
    let lastError: Error | null = null;
    worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) {
        slot.ready = true;
        this.everReady = true;
        this.pump();
        return;
      }
      const job = slot.job;
      if (!job || job.id !== message.id) return;
      this.clearTimer(slot);
      slot.job = null;
      if (message.ok) job.resolve(message.result);
      else job.reject(rebuildError(message.error));
      this.pump();
    });
    worker.on('error', (error) => {
      lastError = error;
    });
    worker.on('exit', (code) => {
      this.clearTimer(slot);
      const index = this.slots.indexOf(slot);
      if (index < 0) return; // closed
      this.slots.splice(index, 1);
      const reason = lastError ? lastError.message : `exit code ${code}`;
      if (!slot.ready && !this.everReady) {
        this.giveUp(`the extraction worker could not start: ${reason}`);
        return;
      }
      const job = slot.job;
      slot.job = null;
      job?.reject(new Error(`page extraction failed: the extraction worker stopped (${reason})`));
      this.pump();
    });
    return true;
  }

  private assign(slot: Slot, job: Job): void {
    slot.job = job;
    const limit = this.options.taskTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    slot.timer = setTimeout(() => {
      slot.timer = null;
      // The exit handler fails the job and starts a replacement.
      void slot.worker.terminate();
    }, limit);
    slot.timer.unref();
    slot.worker.postMessage({ id: job.id, task: job.task }, [job.task.body.buffer as ArrayBuffer]);
  }

  private clearTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }

  /** Workers keep the process alive only while there is work; idle ones retire after a while. */
  private updateRefs(): void {
    const busy = this.queue.length > 0 || this.slots.some((s) => s.job);
    for (const slot of this.slots) {
      if (busy) slot.worker.ref();
      else slot.worker.unref();
    }
    if (busy || this.slots.length === 0) {
      this.clearIdleTimer();
    } else if (!this.idleTimer) {
      this.idleTimer = setTimeout(() => {
        this.idleTimer = null;
        this.retireIdleWorkers();
      }, this.options.idleTimeoutMs ?? DEFAULT_IDLE_MS);
      this.idleTimer.unref();
    }
  }

  private retireIdleWorkers(): void {
    if (this.queue.length > 0 || this.slots.some((s) => s.job)) return;
    // Out of `slots` first, so their exit is not taken for a crash.
    for (const slot of this.slots.splice(0)) {
      this.clearTimer(slot);
      void slot.worker.terminate();
    }
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private giveUp(reason: string): void {
    if (this.fallback === null) {
      this.fallback = reason;
      console.warn(`${reason}; extracting pages in the main thread`);
    }
    for (const slot of this.slots.splice(0)) void slot.worker.terminate();
    this.pump();
  }
}

let shared: ExtractPool | null = null;
/** Heap cap of the shared pool's workers: a page needing more fails alone instead of growing the app. */
const SHARED_HEAP_MB = 512;
/** Young generation of the shared pool's workers: each page's DOM is garbage once extracted, so a
 * smaller nursery than V8's default (48 MB) costs no measurable CPU and keeps ~15 MB less per
 * worker resident (sync bench, 100 x 30: peak RSS 482 -> 456 MB at the same CPU ms/article). */
const SHARED_YOUNG_MB = 16;

/** The process-wide pool the sync uses unless it is given another extractor. */
export function sharedExtractPool(): ExtractPool {
  if (!shared) {
    const env = process.env.NEWS_EXTRACT_WORKERS;
    // Test files run in parallel processes already: one worker each keeps the suite's CPU down.
    const size = env !== undefined && env !== '' && Number.isFinite(Number(env)) ? Number(env) : process.env.VITEST ? 1 : undefined;
    const heap = Number(process.env.NEWS_EXTRACT_HEAP_MB || SHARED_HEAP_MB);
    // NEWS_EXTRACT_WORKER_FILE: a built worker bundle to load instead (the sync bench runs the
    // bundle the app ships rather than the TypeScript source through tsx).
    const file = process.env.NEWS_EXTRACT_WORKER_FILE;
    shared = new ExtractPool({
      size,
      workerUrl: file ? pathToFileURL(file) : undefined,
      resourceLimits: { maxYoungGenerationSizeMb: SHARED_YOUNG_MB, ...(heap > 0 ? { maxOldGenerationSizeMb: heap } : {}) },
    });
  }
  return shared;
}

/** Terminates the shared pool's workers (service close). Safe to call when none was started. */
export async function closeSharedExtractPool(): Promise<void> {
  await shared?.close();
}
