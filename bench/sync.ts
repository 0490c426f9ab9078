/**
 * Sync benchmark: a loopback news site (N feeds x M items, ~100 KB pages, 2 photos each) synced end
 * to end into a fresh data folder by our engine, side by side in the same run with a naive pipeline
 * (rss-parser + jsdom + Readability, one request at a time, photos downloaded one by one).
 * Reports articles/s (wall) and CPU ms per article for both.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import Parser from 'rss-parser';
import { makeJpeg } from '../scripts/photo-maker';
import { NewsStore } from '../electron/core/store/store';
import { syncSources } from '../electron/core/sync/sync';
import { makeArticlePage, makeRssFeed } from './pages';

export interface SyncBenchFigures {
  articles: number;
  wallMs: number;
  cpuMs: number;
  offline: number;
}

async function startBenchSite(feeds: number, items: number): Promise<{ server: Server; origin: string }> {
  const basePhotos = Array.from({ length: 8 }, (_, i) => makeJpeg(640, 400, i + 1));
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    let m: RegExpMatchArray | null;
    if ((m = url.match(/^\/feeds\/(\d+)\.rss$/))) {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(makeRssFeed(origin, Number(m[1]), items));
    } else if ((m = url.match(/^\/articles\/story-(\d+)\.html$/))) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(makeArticlePage(origin, Number(m[1]), 100, 2).html);
    } else if ((m = url.match(/^\/img\/(\d+)-(\d+)\.jpg$/))) {
      // Distinct bytes per URL (a trailing marker after the JPEG end), so every photo is its own file.
      const base = basePhotos[(Number(m[1]) + Number(m[2])) % basePhotos.length]!;
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.end(Buffer.concat([base, Buffer.from(`#${m[1]}-${m[2]}`)]));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  void feeds;
  return { server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

async function runOurs(origin: string, feeds: number): Promise<SyncBenchFigures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-sync-'));
  try {
    const store = await NewsStore.open(dir);
    for (let f = 0; f < feeds; f++) await store.addSource({ url: `${origin}/feeds/${f}.rss` });
    const cpu = process.cpuUsage();
    const t = performance.now();
    await syncSources({ store, concurrency: { total: 8, perHost: 8 } });
    await store.flush();
    const wallMs = performance.now() - t;
    const figures = { articles: store.articleCount(), wallMs, cpuMs: cpuMs(cpu), offline: store.listArticles({ limit: 100_000 }).filter((a) => a.offline).length };
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
    return { articles, wallMs: performance.now() - t, cpuMs: cpuMs(cpu), offline: articles };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Ours over `feeds` feeds; the naive pipeline over `naiveFeeds` of them (it is slow), rates compared. */
export async function runSyncBench(feeds = 100, items = 30, naiveFeeds = 10) {
  const { server, origin } = await startBenchSite(feeds, items);
  try {
    const ours = await runOurs(origin, feeds);
    const naive = await runNaive(origin, naiveFeeds);
    return { ours, naive };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
