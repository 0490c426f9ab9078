/**
 * One side of the sync bench, run in a process of its own (bench/sync.ts forks it once per side),
 * so each side's memory, GC and CPU are its own: `ours` (the project's syncSources into a fresh
 * data folder), `plain` (bench/sync-plain.ts) or `naive` (rss-parser + jsdom + Readability, one
 * request at a time). The side is named by BENCH_SYNC_SIDE; arguments: site origin, feeds, concurrency (ours). Sends its figures
 * to the parent as one message and exits.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import Parser from 'rss-parser';
import { NewsStore } from '../electron/core/store/store';
import { syncSources } from '../electron/core/sync/sync';
import { closeSharedExtractPool, sharedExtractPool } from '../electron/core/workers/pool';
import { runPlainPipeline } from './sync-plain';

export type SideName = 'ours' | 'plain' | 'naive';

export interface SideFigures {
  side: SideName;
  articles: number;
  offline: number;
  wallMs: number;
  /** Process CPU (user + system, every thread) over the run. */
  cpuMs: number;
  /** The main thread alone (Linux /proc; null elsewhere). */
  mainThreadCpuMs: number | null;
  /** Peak resident set size of this process (main and worker threads) by the end of the run. */
  peakRssMb: number;
  /** Bytes this process wrote (wchar of /proc/self/io: files and sockets; null elsewhere). */
  bytesWritten: number | null;
  /** Size of the files left in the data folder. */
  bytesOnDisk: number;
  /** 1-minute load average at the start and end of the run. */
  load: [number, number];
  /** What extracted the pages (ours). */
  extraction?: string;
  /** CPU to start the extraction workers, before the clock (ours). */
  poolStartCpuMs?: number;
}

const load = () => Number(os.loadavg()[0]!.toFixed(2));

function procTaskCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

function wchar(): number | null {
  try {
    return Number(/wchar:\s*(\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))?.[1]);
  } catch {
    return null;
  }
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** Runs `work` between the clocks and returns the side's figures. */
async function measure(side: SideName, dir: string, work: () => Promise<{ articles: number; offline: number }>): Promise<SideFigures> {
  const startLoad = load();
  const main = procTaskCpuMs();
  const written = wchar();
  const cpu = process.cpuUsage();
  const t = performance.now();
  const { articles, offline } = await work();
  const wallMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const mainAfter = procTaskCpuMs();
  const writtenAfter = wchar();
  return {
    side,
    articles,
    offline,
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    mainThreadCpuMs: main === null || mainAfter === null ? null : mainAfter - main,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    bytesWritten: written === null || writtenAfter === null ? null : writtenAfter - written,
    bytesOnDisk: await folderBytes(dir),
    load: [startLoad, load()],
  };
}

async function runOurs(dir: string, origin: string, feeds: number, concurrency: number): Promise<SideFigures> {
  const store = await NewsStore.open(dir);
  for (let f = 0; f < feeds; f++) await store.addSource({ url: `${origin}/feeds/${f}.rss` });
  // The app keeps its extraction workers between syncs: they are started (modules loaded) before
  // the clock starts, and that one-off cost is reported on its own.
  const pool = sharedExtractPool();
  const poolCpu = process.cpuUsage();
  await pool.start();
  const d = process.cpuUsage(poolCpu);
  const figures = await measure('ours', dir, async () => {
    await syncSources({ store, concurrency: { total: concurrency, perHost: concurrency } });
    await store.flush();
    return { articles: store.articleCount(), offline: store.listArticles({ limit: 1_000_000 }).filter((a) => a.offline).length };
  });
  figures.extraction = pool.mode === 'workers' ? `${pool.size} worker threads` : `in the main thread${pool.fallbackReason ? ` (${pool.fallbackReason})` : ''}`;
  figures.poolStartCpuMs = (d.user + d.system) / 1000;
  await closeSharedExtractPool();
  await store.close();
  return figures;
}

async function runNaive(dir: string, origin: string, feeds: number): Promise<{ articles: number; offline: number }> {
  const parser = new Parser();
  let articles = 0;
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
  return { articles, offline: articles };
}

export async function runSide(side: SideName, origin: string, feeds: number, concurrency: number): Promise<SideFigures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `bench-${side}-`));
  try {
    if (side === 'ours') return await runOurs(dir, origin, feeds, concurrency);
    if (side === 'plain') return await measure(side, dir, () => runPlainPipeline(origin, feeds, dir));
    return await measure(side, dir, () => runNaive(dir, origin, feeds));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Forked by bench/sync.ts, which sets BENCH_SYNC_SIDE to the side to run.
if (process.send && process.env.BENCH_SYNC_SIDE) {
  const [origin, feeds, concurrency] = process.argv.slice(2);
  const side = process.env.BENCH_SYNC_SIDE;
  runSide(side as SideName, origin!, Number(feeds), Number(concurrency)).then(
    (figures) => process.send!({ figures }, () => process.exit(0)),
    (error: Error) => process.send!({ error: error.stack ?? String(error) }, () => process.exit(1)),
  );
}
