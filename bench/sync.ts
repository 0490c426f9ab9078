/**
 * Sync benchmark: a loopback news site (bench/sync-site.ts, its own process: N feeds x M items,
 * ~100 KB pages, 2 photos each) synced end to end, side by side in the same run, by three
 * pipelines, each in a fresh process of its own (bench/sync-side.ts) so none pays for another's
 * memory or GC: ours (syncSources into a fresh data folder), the plain pipeline (feedsmith +
 * Readability over linkedom, 8 pages in flight, the lead photo only, one JSON file:
 * bench/sync-plain.ts) and a naive one (rss-parser + jsdom + Readability, one request at a time).
 * Reports offline-ready articles/s (wall), CPU ms per article (every thread of the process, and the
 * main thread alone), peak RSS of the process (main and worker threads), bytes written, and the
 * load average around each run (the machine may be shared).
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { SideFigures, SideName } from './sync-side';
import { buildBenchCode } from './worker-bundle';

export type { SideFigures } from './sync-side';

export interface SyncBenchResult {
  /** True when the sides ran built JavaScript (false: TypeScript through tsx, BENCH_WORKER=source). */
  built: boolean;
  ours: SideFigures;
  plain: SideFigures | null;
  naive: SideFigures | null;
  siteCpuMs: number;
}

type Built = { workerFile: string; sideFile: string };

interface Site {
  child: ChildProcess;
  origin: string;
  cpuMs(): Promise<number>;
}

async function startBenchSite(items: number): Promise<Site> {
  // Forked with this process's exec arguments (the tsx loader).
  const child = fork(new URL('./sync-site.ts', import.meta.url), [String(items)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`bench site exited (${code})`)));
  });
  const cpuMs = () =>
    new Promise<number>((resolve) => {
      child.once('message', (m: { cpuMs: number }) => resolve(m.cpuMs));
      child.send({ cpu: true });
    });
  return { child, origin: `http://127.0.0.1:${port}`, cpuMs };
}

/** Runs one side in a fresh process and returns its figures. */
function runSideProcess(side: SideName, origin: string, feeds: number, concurrency: number, built: Built | null): Promise<SideFigures> {
  const args = [origin, String(feeds), String(concurrency)];
  const stdio: ('ignore' | 'inherit' | 'ipc')[] = ['ignore', 'inherit', 'inherit', 'ipc'];
  const env = { ...process.env, BENCH_SYNC_SIDE: side, ...(built ? { NEWS_EXTRACT_WORKER_FILE: built.workerFile } : {}) };
  // Built: plain node, no loader. Source: this process's exec arguments (the tsx loader).
  const child = built
    ? fork(built.sideFile, args, { stdio, env, execArgv: [] })
    : fork(new URL('./sync-side.ts', import.meta.url), args, { stdio, env });
  return new Promise((resolve, reject) => {
    let settled = false;
    child.on('message', (m: { figures?: SideFigures; error?: string }) => {
      settled = true;
      if (m.figures) resolve(m.figures);
      else reject(new Error(`${side} side failed: ${m.error}`));
    });
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`${side} side exited (${code}) before reporting`));
    });
  });
}

/**
 * Ours and the plain pipeline over `feeds` feeds; the naive pipeline over the first `naiveFeeds`
 * (it is slow; 0 skips it), rates compared. Sides run one after another: ours, plain, naive.
 */
export async function runSyncBench(feeds = 100, items = 30, naiveFeeds = 10, concurrency = 8, plainFeeds = feeds): Promise<SyncBenchResult> {
  // Every side runs built JavaScript (bench/worker-bundle.ts) unless BENCH_WORKER=source.
  const built = process.env.BENCH_WORKER === 'source' ? null : await buildBenchCode();
  const site = await startBenchSite(items);
  try {
    const ours = await runSideProcess('ours', site.origin, feeds, concurrency, built);
    const plain = plainFeeds > 0 ? await runSideProcess('plain', site.origin, plainFeeds, concurrency, built) : null;
    const naive = naiveFeeds > 0 ? await runSideProcess('naive', site.origin, naiveFeeds, concurrency, built) : null;
    return { built: built !== null, ours, plain, naive, siteCpuMs: await site.cpuMs() };
  } finally {
    site.child.disconnect();
  }
}
