import { FetchError } from '../fetch/http';

/**
 * Limits concurrent network work: at most `total` tasks at once overall and `perHost` per host, so
 * a sync never hammers one site. Tasks must not nest (a running task never waits for another task
 * of the same limiter), which the sync code respects.
 *
 * A host whose response body dripped past the deadline is slow for the rest of this sync (one
 * limiter per sync): its later article work (pages, photos: `skipIfSlow`) fails at once with a
 * timeout instead of each waiting out a full deadline, two at a time (a feed of 10 dripping pages
 * held a sync for over 5 minutes). Feeds are always tried: each source's own result is its own.
 */
export class HostLimiter {
  private readonly slowHosts = new Map<string, FetchError>();
  private running = 0;
  private readonly perHostRunning = new Map<string, number>();
  private readonly waiting: { host: string; start: () => void }[] = [];

  constructor(
    private readonly total = 4,
    private readonly perHost = 2,
  ) {}

  async run<T>(url: string, task: () => Promise<T>, opts: { skipIfSlow?: boolean } = {}): Promise<T> {
    const host = hostKey(url);
    await this.acquire(host);
    try {
      const slow = opts.skipIfSlow ? this.slowHosts.get(host) : undefined;
      if (slow) throw new FetchError('timeout', `skipped: ${host} sent an earlier response too slowly (${slow.message})`, url, null, { duringBody: true });
      return await task();
    } catch (error) {
      if (error instanceof FetchError && error.code === 'timeout' && error.duringBody && host && !this.slowHosts.has(host)) {
        this.slowHosts.set(host, error);
      }
      throw error;
    } finally {
      this.release(host);
    }
  }

  private acquire(host: string): Promise<void> {
    if (this.canStart(host)) {
      this.take(host);
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push({ host, start: resolve }));
  }

  private canStart(host: string): boolean {
    return this.running < this.total && (this.perHostRunning.get(host) ?? 0) < this.perHost;
  }

  private take(host: string): void {
    this.running++;
    this.perHostRunning.set(host, (this.perHostRunning.get(host) ?? 0) + 1);
  }

  private release(host: string): void {
    this.running--;
    const left = (this.perHostRunning.get(host) ?? 1) - 1;
    if (left <= 0) this.perHostRunning.delete(host);
    else this.perHostRunning.set(host, left);
    for (let i = 0; i < this.waiting.length && this.running < this.total; ) {
      const next = this.waiting[i]!;
      if (this.canStart(next.host)) {
        this.waiting.splice(i, 1);
        this.take(next.host);
        next.start();
      } else {
        i++;
      }
    }
  }
}

function hostKey(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}
