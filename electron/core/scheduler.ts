/**
 * When syncs run by themselves: shortly after start (when there are sources), every
 * `refreshMinutes` after the last sync finished (0 = never by itself), and when connectivity
 * returns. A due sync is put off while the host knows it is offline (the return triggers it).
 * Manual syncs go through the same `run` and push the next interval back. Pure Node: the clock and
 * timers are injectable, so tests drive it without waiting.
 */

export type SyncTrigger = 'start' | 'interval' | 'online' | 'manual';

export interface SchedulerTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerOptions {
  /** Runs one sync (the service dedupes concurrent runs); resolves when it finished. */
  run(trigger: SyncTrigger): Promise<unknown>;
  /** Minutes between syncs; 0 = no sync by itself (start, interval and connectivity all off). */
  intervalMinutes: number;
  /** False: a due sync is skipped (nothing to sync). */
  hasSources(): boolean;
  /** False: the host knows it is offline; a due sync waits for onlineAgain(). Default: online. */
  isOnline?(): boolean;
  /** Delay of the start-up sync (default 5 s: the window shows first). */
  startDelayMs?: number;
  /** A connectivity return within this long after a sync finished triggers none (default 60 s). */
  onlineQuietMs?: number;
  timers?: SchedulerTimers;
}

const realTimers: SchedulerTimers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref?.(); // a pending sync never keeps the process alive
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export class SyncScheduler {
  private readonly timers: SchedulerTimers;
  private intervalMinutes: number;
  private timer: unknown = null;
  private dueAt: number | null = null;
  private lastFinishedAt: number | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(private readonly opts: SchedulerOptions) {
    this.timers = opts.timers ?? realTimers;
    this.intervalMinutes = opts.intervalMinutes;
  }

  /** Arms the start-up sync (when there are sources), else the first interval. */
  start(): void {
    if (this.stopped || this.intervalMinutes <= 0) return;
    if (this.opts.hasSources()) this.arm(this.opts.startDelayMs ?? 5000, 'start');
    else this.armInterval();
  }

  /** When the next sync runs by itself, or null (none scheduled, or one is running). */
  get nextSyncAt(): Date | null {
    return this.dueAt === null ? null : new Date(this.dueAt);
  }

  get intervalMs(): number {
    return this.intervalMinutes * 60_000;
  }

  /** The refresh setting changed: re-arm from the last sync (or from now). */
  setIntervalMinutes(minutes: number): void {
    if (minutes === this.intervalMinutes) return;
    this.intervalMinutes = minutes;
    if (this.stopped || this.running) return;
    if (minutes <= 0) {
      this.disarm();
      return;
    }
    const from = this.lastFinishedAt ?? this.timers.now();
    this.arm(Math.max(0, from + this.intervalMs - this.timers.now()), 'interval');
  }

  /** Connectivity came back (offline -> online): sync now, unless one just finished or runs. */
  onlineAgain(): void {
    if (this.stopped || this.intervalMinutes <= 0 || this.running) return;
    const quiet = this.opts.onlineQuietMs ?? 60_000;
    if (this.lastFinishedAt !== null && this.timers.now() - this.lastFinishedAt < quiet) return;
    void this.fire('online');
  }

  /** A sync finished (any trigger, manual included): the next interval counts from now. */
  synced(): void {
    this.lastFinishedAt = this.timers.now();
    if (!this.stopped && !this.running) this.armInterval();
  }

  stop(): void {
    this.stopped = true;
    this.disarm();
  }

  private armInterval(): void {
    if (this.intervalMinutes <= 0) this.disarm();
    else this.arm(this.intervalMs, 'interval');
  }

  private arm(delayMs: number, trigger: SyncTrigger): void {
    this.disarm();
    this.dueAt = this.timers.now() + delayMs;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.fire(trigger);
    }, delayMs);
  }

  private disarm(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.dueAt = null;
  }

  private async fire(trigger: SyncTrigger): Promise<void> {
    this.disarm();
    if (this.stopped) return;
    const online = this.opts.isOnline?.() ?? true;
    if (!this.opts.hasSources() || (!online && trigger !== 'online')) {
      this.armInterval();
      return;
    }
    const run = this.opts.run(trigger).catch(() => undefined);
    this.running = run;
    try {
      await run;
    } finally {
      this.running = null;
      this.lastFinishedAt = this.timers.now();
      if (!this.stopped) this.armInterval();
    }
  }
}
