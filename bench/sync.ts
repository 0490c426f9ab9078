/**
 * Sync benchmark: a loopback news site (bench/sync-site.ts, its own process: N feeds x M items,
 * ~100 KB pages, 2 photos each) synced end to end into a fresh data folder by our engine, side by
 * side in the same run with a naive pipeline (rss-parser + jsdom + Readability, one request at a
 * time, photos downloaded one by one). Reports articles/s (wall), CPU ms per article (the whole
 * process: main thread, extraction workers, GC and libuv threads, from process.cpuUsage()) and
 * peak RSS for both, plus the load average around each run (the machine may be shared).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import Parser from 'rss-parser';
import { NewsStore } from '../electron/core/store/store';
import { syncSources } from '../electron/core/sync/sync';
import { closeSharedExtractPool, sharedExtractPool } from '../electron/core/workers/pool';

export interface SyncBenchFigures {
  articles: number;
  offline: number;
  wallMs: number;
  /** Process CPU (user + system, every thread) over the run. */
  cpuMs: number;
  /** Peak resident set size of the process at the end of the run. */
  peakRssMb: number;
  /** 1-minute load average at the start and end of the run. */
  load: [number, number];
}

export interface SyncBenchResult {
  ours: SyncBenchFigures & { extraction: string; poolStartCpuMs: number; mainThreadCpuMs: number | null };
  naive: SyncBenchFigures;
  siteCpuMs: number;
}

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

const load = () => Number(os.loadavg()[0]!.toFixed(2));
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/** CPU time of the main thread alone (Linux /proc; null elsewhere), 10 ms resolution. */
function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

async function runOurs(origin: string, feeds: number, concurrency: number): Promise<SyncBenchResult['ours']> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-sync-'));
  try {
    const store = await NewsStore.open(dir);
    for (let f = 0; f < feeds; f++) await store.addSource({ url: `${origin}/feeds/${f}.rss` });
    // The app keeps its extraction workers between syncs: they are started (modules loaded) before
    // the clock starts, and that one-off cost is reported on its own.
    const pool = sharedExtractPool();
    const poolCpu = process.cpuUsage();
    await pool.start();
    const poolStartCpuMs = cpuMs(poolCpu);
    const startLoad = load();
    const mainBefore = mainThreadCpuMs();
    const cpu = process.cpuUsage();
    const t = performance.now();
    await syncSources({ store, concurrency: { total: concurrency, perHost: concurrency } });
    await store.flush();
    const wallMs = performance.now() - t;
    const used = cpuMs(cpu);
    const mainAfter = mainThreadCpuMs();
    const extraction = pool.mode === 'workers' ? `${pool.size} worker threads` : `in the main thread${pool.fallbackReason ? ` (${pool.fallbackReason})` : ''}`;
    const figures = {
      articles: store.articleCount(),
      offline: store.listArticles({ limit: 100_000 }).filter((a) => a.offline).length,
      wallMs,
      cpuMs: used,
      mainThreadCpuMs: mainBefore === null || mainAfter === null ? null : mainAfter - mainBefore,
      peakRssMb: peakRssMb(),
      load: [startLoad, load()] as [number, number],
      extraction,
      poolStartCpuMs,
    };
    await closeSharedExtractPool();
    await store.close();
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function runNaive(origin: string, feeds: number): Promise<SyncBenchFigures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-naive-'));
  const parser = new Parser();
  let articles = 0;
  const startLoad = load();
  const cpu = process.cpuUsage();
  const t = performance.now();
  try {
    await mkdir(path.join(dir, 'photos'));
    for (let f = 0; f < feeds; f++) {
      const feed = await parser.parseURL(`${origin}/feeds/${f}.rss`);
      for (const item of feed.items) {
        const html = await (await fetch(item.link!)).text();
        const dom = new JSDOM(html, { url: item.link });
        const images = [...dom.window.document.querySelectorAll('img')].map((img) => img.src);
        const parsed = new Readability(dom.window.document).parse();
        dom.window.close();
        for (const src of images) {
          const bytes = Buffer.from(await (await fetch(src)).arrayBuffer());
          await writeFile(path.join(dir, 'photos', createHash('sha256').update(bytes).digest('hex') + '.jpg'), bytes);
        }
        await writeFile(path.join(dir, `${articles++}.json`), JSON.stringify({ title: item.title, text: parsed?.textContent }));
      }
    }
    return { articles, offline: articles, wallMs: performance.now() - t, cpuMs: cpuMs(cpu), peakRssMb: peakRssMb(), load: [startLoad, load()] };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Ours over `feeds` feeds; the naive pipeline over the first `naiveFeeds` of them (it is slow), rates compared. */
export async function runSyncBench(feeds = 100, items = 30, naiveFeeds = 10, concurrency = 8): Promise<SyncBenchResult> {
  const site = await startBenchSite(items);
  try {
    const ours = await runOurs(site.origin, feeds, concurrency);
    const naive = naiveFeeds > 0 ? await runNaive(site.origin, naiveFeeds) : { articles: 0, offline: 0, wallMs: 0, cpuMs: 0, peakRssMb: 0, load: [0, 0] as [number, number] };
    return { ours, naive, siteCpuMs: await site.cpuMs() };
  } finally {
    site.child.disconnect();
  }
}
