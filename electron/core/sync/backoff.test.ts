// Backing off failing sources, retries of feed fetches, and cancelling mid-sync (sync.ts), against
// the fixture news server and a slow hand-made site on 127.0.0.1, with the store on disk.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixtureArticles, startNewsServer, type NewsServer } from '../../../e2e/fixtures/news-server';
import type { SyncProgress } from '../../shared/models';
import { NewsStore } from '../store/store';
import { backoffMs, CANCELLED_MESSAGE, syncSources } from './sync';

let server: NewsServer;
let dir: string;
let store: NewsStore;
const fast = { baseDelayMs: 1 };

beforeAll(async () => {
  server = await startNewsServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sync-backoff-'));
  store = await NewsStore.open(dir);
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backing off a failing source', () => {
  it('backoffMs: 15 min doubling, at most 24 h', () => {
    expect(backoffMs(0)).toBe(0);
    expect(backoffMs(1)).toBe(15 * 60_000);
    expect(backoffMs(2)).toBe(30 * 60_000);
    expect(backoffMs(4)).toBe(120 * 60_000);
    expect(backoffMs(7)).toBe(16 * 60 * 60_000);
    expect(backoffMs(8)).toBe(24 * 60 * 60_000);
    expect(backoffMs(500)).toBe(24 * 60 * 60_000);
  });

  it('counts failures, skips the source on scheduled runs until retryAfter, tries it on manual runs, resets on success', async () => {
    const good = (await store.addSource({ url: `${server.url}/feeds/news.rss` })).source;
    const bad = (await store.addSource({ url: `${server.url}/feeds/world.atom`, title: 'World' })).source;
    server.setStatus('/feeds/world.atom', 503);
    let clock = new Date('2026-03-01T10:00:00Z');
    const now = () => clock;
    try {
      const first = await syncSources({ store, now, retry: fast });
      expect(first.sources.find((s) => s.sourceId === good.id)!.ok).toBe(true);
      expect(first.sources.find((s) => s.sourceId === bad.id)!.error).toMatch(/HTTP 503/);
      // The 503 was retried twice (3 requests) before the source failed.
      expect(server.requests.filter((r) => r === '/feeds/world.atom')).toHaveLength(3);
      let stored = store.getSource(bad.id)!;
      expect(stored.consecutiveFailures).toBe(1);
      expect(stored.retryAfter).toBe('2026-03-01T10:15:00.000Z');

      // Manual run (no honourBackoff) tries it anyway: second failure, 30 min.
      clock = new Date('2026-03-01T10:05:00Z');
      await syncSources({ store, now, retry: { retries: 0 } });
      stored = store.getSource(bad.id)!;
      expect(stored.consecutiveFailures).toBe(2);
      expect(stored.retryAfter).toBe('2026-03-01T10:35:00.000Z');

      // Scheduled run before then: skipped, reported with its last error, no request made.
      clock = new Date('2026-03-01T10:20:00Z');
      const before = server.requests.length;
      const progress: SyncProgress[] = [];
      const scheduled = await syncSources({ store, now, honourBackoff: true, retry: fast, onProgress: (p) => progress.push(p) });
      const skipped = scheduled.sources.find((s) => s.sourceId === bad.id)!;
      expect(skipped.ok).toBe(false);
      expect(skipped.error).toMatch(/^Backed off after 2 failures until \d\d:\d\d: HTTP 503/);
      expect(progress.find((p) => p.sourceId === bad.id)?.error).toBe(skipped.error);
      expect(server.requests.slice(before)).not.toContain('/feeds/world.atom');
      expect(store.getSource(bad.id)!.consecutiveFailures).toBe(2); // a skip is not a failure
      // A run where every source is backed off says nothing about connectivity.
      expect(store.data.sync.lastSyncReachedHost).toBe(true);
      const onlySkipped = await syncSources({ store, now, honourBackoff: true, sourceIds: [bad.id] });
      expect(onlySkipped.sources[0]!.error).toMatch(/^Backed off/);
      expect(store.data.sync.lastSyncReachedHost).toBe(true);
      expect(scheduled.sources.find((s) => s.sourceId === good.id)!.ok).toBe(true);

      // After retryAfter a scheduled run tries it; it answers now: both fields reset.
      server.setStatus('/feeds/world.atom', null);
      clock = new Date('2026-03-01T10:40:00Z');
      const healed = await syncSources({ store, now, honourBackoff: true, retry: fast });
      expect(healed.ok).toBe(true);
      stored = store.getSource(bad.id)!;
      expect([stored.consecutiveFailures, stored.retryAfter, stored.lastError]).toEqual([0, null, null]);
    } finally {
      server.setStatus('/feeds/world.atom', null);
    }
    // On disk too.
    await store.close();
    store = await NewsStore.open(dir);
    expect(store.listSources().find((s) => s.id === bad.id)).toMatchObject({ consecutiveFailures: 0, retryAfter: null });
  });

  it('is kept on disk, and an offline run (no host reached) backs nothing off', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { source } = await store.addSource({ url: `http://127.0.0.1:${port}/feed.xml` });
    const summary = await syncSources({ store, retry: { retries: 0 } });
    expect(summary.sources[0]!.error).toMatch(/connection refused/);
    expect(summary.reachedHost).toBe(false);
    expect(store.getSource(source.id)!.consecutiveFailures ?? 0).toBe(0);
    expect(store.getSource(source.id)!.lastError).toMatch(/refused/);

    await store.addSource({ url: `${server.url}/feeds/gone.rss` }); // a host answers: a real failure
    await syncSources({ store, retry: { retries: 0 } });
    await store.close();
    store = await NewsStore.open(dir);
    const sources = store.listSources();
    expect(sources.find((s) => s.url.endsWith('gone.rss'))).toMatchObject({ consecutiveFailures: 1, lastError: 'HTTP 404 Not Found' });
    expect(sources.find((s) => s.url.endsWith('gone.rss'))!.retryAfter).not.toBeNull();
  });
});

describe('cancelling mid-sync', () => {
  it('reports "Cancelled", keeps the store whole on disk, and the next sync completes', async () => {
    // A site whose 12 article pages each take 150 ms: the cancel lands while pages are in flight.
    let base = '';
    const items = Array.from({ length: 12 }, (_, i) => i);
    const feed = () =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Slow Site</title><link>${base}/</link>${items
        .map((i) => `<item><title>Story ${i}</title><guid>s${i}</guid><link>${base}/p${i}.html</link><description>Summary ${i}.</description></item>`)
        .join('')}</channel></rss>`;
    const page = (i: number) =>
      `<!doctype html><html><head><title>Story ${i}</title></head><body><article><h1>Story ${i}</h1>${'<p>A long paragraph of the slow story, told at length so that it reads as an article. </p>'.repeat(8)}</article></body></html>`;
    const slow = http.createServer((req, res) => {
      if (req.url === '/feed.xml') {
        res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(feed());
        return;
      }
      const m = /^\/p(\d+)\.html$/.exec(req.url ?? '');
      if (!m) {
        res.writeHead(404).end();
        return;
      }
      const timer = setTimeout(() => res.writeHead(200, { 'Content-Type': 'text/html' }).end(page(Number(m[1]))), 150);
      res.on('close', () => clearTimeout(timer));
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
    try {
      await store.addSource({ url: `${base}/feed.xml` });
      const controller = new AbortController();
      const summary = await syncSources({
        store,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'articles' && p.done >= 3) controller.abort();
        },
      });
      expect(summary.ok).toBe(false);
      expect(summary.sources[0]!.error).toBe(CANCELLED_MESSAGE);
      const stored = store.articleCount();
      expect(stored).toBeGreaterThanOrEqual(3);
      expect(stored).toBeLessThan(items.length);
      // A cancel is no failure of the source.
      expect(store.listSources()[0]).toMatchObject({ consecutiveFailures: 0, lastError: null });

      // Reopen from disk: every listed article has its body, nothing half-written is left.
      await store.close();
      store = await NewsStore.open(dir);
      expect(store.recoveryNotes).toEqual([]);
      expect(store.articleCount()).toBe(stored);
      for (const a of store.listArticles({})) {
        expect(fs.existsSync(path.join(dir, 'articles', `${a.id}.json`)), a.title).toBe(true);
        expect((await store.getArticle(a.id))!.bodyText).toContain('slow story');
      }
      const leftovers = [dir, path.join(dir, 'articles'), path.join(dir, 'summaries')].flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.tmp')));
      expect(leftovers).toEqual([]);

      const next = await syncSources({ store });
      expect(next.ok).toBe(true);
      expect(store.articleCount()).toBe(items.length);
    } finally {
      slow.closeAllConnections();
      await new Promise((resolve) => slow.close(resolve));
    }
  });

  it('names every unfinished source "Cancelled"', async () => {
    await store.addSource({ url: `${server.url}/feeds/news.rss` });
    await store.addSource({ url: `${server.url}/feeds/world.atom` });
    const controller = new AbortController();
    controller.abort();
    const summary = await syncSources({ store, signal: controller.signal });
    expect(summary.sources.map((s) => s.error)).toEqual([CANCELLED_MESSAGE, CANCELLED_MESSAGE]);
    expect(store.articleCount()).toBe(0);
    expect(fixtureArticles.length).toBeGreaterThan(0);
  });
});
