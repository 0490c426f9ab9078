// SyncScheduler with an injected clock: no real waiting.
import { describe, expect, it } from 'vitest';
import { SyncScheduler, type SchedulerTimers, type SyncTrigger } from './scheduler';

class FakeClock implements SchedulerTimers {
  time = Date.parse('2026-03-01T10:00:00Z');
  private pending = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.pending.set(id, { at: this.time + ms, fn });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.pending.delete(handle as number);
  };
  get armed(): number {
    return this.pending.size;
  }
  /** Moves the clock forward, firing due timers in order (and letting their promises settle). */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.pending].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.time = due[1].at;
      due[1].fn();
      await flush();
    }
    this.time = end;
    await flush();
  }
}

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

function setup(over: { interval?: number; sources?: boolean; online?: () => boolean } = {}) {
  const clock = new FakeClock();
  const runs: { trigger: SyncTrigger; at: string }[] = [];
  let sources = over.sources ?? true;
  let finish: (() => void) | null = null;
  let hold = false;
  const scheduler = new SyncScheduler({
    run: (trigger) => {
      runs.push({ trigger, at: new Date(clock.now()).toISOString().slice(11, 16) });
      if (!hold) return Promise.resolve();
      return new Promise<void>((resolve) => (finish = resolve));
    },
    intervalMinutes: over.interval ?? 30,
    hasSources: () => sources,
    isOnline: over.online,
    startDelayMs: 5000,
    timers: clock,
  });
  return {
    clock,
    runs,
    scheduler,
    setSources: (v: boolean) => (sources = v),
    holdRuns: () => (hold = true),
    finishRun: async () => {
      finish?.();
      await flush();
    },
  };
}

describe('SyncScheduler', () => {
  it('syncs shortly after start, then every interval after the last sync finished', async () => {
    const { clock, runs, scheduler } = setup();
    scheduler.start();
    expect(scheduler.nextSyncAt?.toISOString()).toBe('2026-03-01T10:00:05.000Z');
    await clock.advance(5000);
    expect(runs).toEqual([{ trigger: 'start', at: '10:00' }]);
    expect(scheduler.nextSyncAt?.toISOString()).toBe('2026-03-01T10:30:05.000Z');
    await clock.advance(60 * 60_000);
    expect(runs.map((r) => [r.trigger, r.at])).toEqual([
      ['start', '10:00'],
      ['interval', '10:30'],
      ['interval', '11:00'],
    ]);
  });

  it('with no sources, skips the start-up sync and keeps the interval', async () => {
    const { clock, runs, scheduler, setSources } = setup({ sources: false });
    scheduler.start();
    expect(scheduler.nextSyncAt?.toISOString()).toBe('2026-03-01T10:30:00.000Z');
    await clock.advance(30 * 60_000);
    expect(runs).toEqual([]);
    setSources(true);
    await clock.advance(30 * 60_000);
    expect(runs.map((r) => r.trigger)).toEqual(['interval']);
  });

  it('0 minutes: no sync by itself, and re-armed when the setting changes', async () => {
    const { clock, runs, scheduler } = setup({ interval: 0 });
    scheduler.start();
    expect(scheduler.nextSyncAt).toBeNull();
    scheduler.onlineAgain();
    await clock.advance(24 * 60 * 60_000);
    expect(runs).toEqual([]);
    expect(clock.armed).toBe(0);

    scheduler.setIntervalMinutes(15);
    expect(scheduler.nextSyncAt?.getTime()).toBe(clock.now() + 15 * 60_000);
    await clock.advance(15 * 60_000);
    expect(runs.map((r) => r.trigger)).toEqual(['interval']);
    // Shorter than the time since the last sync: due at once; off again: nothing armed.
    scheduler.setIntervalMinutes(60);
    await clock.advance(20 * 60_000);
    scheduler.setIntervalMinutes(10);
    expect(scheduler.nextSyncAt?.getTime()).toBe(clock.now());
    scheduler.setIntervalMinutes(0);
    expect(scheduler.nextSyncAt).toBeNull();
    expect(clock.armed).toBe(0);
  });

  it('a manual sync pushes the next interval back', async () => {
    const { clock, scheduler } = setup();
    scheduler.start();
    await clock.advance(20 * 60_000);
    scheduler.synced(); // a manual sync just finished
    expect(scheduler.nextSyncAt?.getTime()).toBe(clock.now() + 30 * 60_000);
  });

  it('while offline a due sync waits; connectivity returning syncs at once', async () => {
    let online = false;
    const { clock, runs, scheduler } = setup({ online: () => online });
    scheduler.start();
    await clock.advance(45 * 60_000);
    expect(runs).toEqual([]);
    online = true;
    scheduler.onlineAgain();
    await clock.advance(0);
    expect(runs.map((r) => r.trigger)).toEqual(['online']);
    // A second return right after a sync does not sync again.
    scheduler.onlineAgain();
    await clock.advance(0);
    expect(runs).toHaveLength(1);
  });

  it('runs one sync at a time and shows no next time while one runs; stop() ends it all', async () => {
    const { clock, runs, scheduler, holdRuns, finishRun } = setup();
    holdRuns();
    scheduler.start();
    await clock.advance(5000);
    expect(runs).toHaveLength(1);
    expect(scheduler.nextSyncAt).toBeNull();
    scheduler.onlineAgain();
    scheduler.setIntervalMinutes(5);
    await clock.advance(60 * 60_000);
    expect(runs).toHaveLength(1);
    await finishRun();
    expect(scheduler.nextSyncAt?.getTime()).toBe(clock.now() + 5 * 60_000);
    scheduler.stop();
    expect(scheduler.nextSyncAt).toBeNull();
    await clock.advance(60 * 60_000);
    expect(runs).toHaveLength(1);
  });
});
