/**
 * Slow response bodies are cut at the request's deadline, and a server that drips its bodies does
 * not hold the sync: a loopback site whose feed answers at once but whose ten article pages drip
 * one word every 100 ms. Every socket closes at the deadline (measured on the server), a dripping
 * body is not retried, and once one page dripped past the deadline the host's other pages are
 * skipped for this sync: the articles keep the feed's text and are fetched again next sync.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FetchError, fetchUrl } from '../fetch/http';
import { fetchWithRetry } from '../fetch/retry';
import { NewsStore } from '../store/store';
import { syncSources } from './sync';

const PAGES = 10;
let server: http.Server;
let base: string;
/** How long each request's socket stayed open, measured by the server. */
let held: { url: string; ms: number }[];

beforeEach(async () => {
  const log: typeof held = (held = []); // this server's own list: a late close of the last test's socket is not counted
  server = http.createServer((req, res) => {
    const started = Date.now();
    req.socket.once('close', () => log.push({ url: req.url ?? '', ms: Date.now() - started }));
    if (req.url === '/feed.xml') {
      const items = Array.from({ length: PAGES }, (_, i) =>
        `<item><title>Story ${i}</title><link>${base}/story/${i}</link><guid>story-${i}</guid><description>The feed's own text of story ${i}.</description></item>`,
      ).join('');
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Drip</title><link>${base}/</link>${items}</channel></rss>`);
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.write('<!doctype html><html><body><article><p>');
    const drip = setInterval(() => res.write('word '), 100);
    res.once('close', () => clearInterval(drip));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const closedSoon = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('slow response bodies', () => {
  it('fetchUrl cuts a dripping body at the deadline and closes the socket', async () => {
    const started = Date.now();
    const error = (await fetchUrl(`${base}/story/0`, { timeoutMs: 500 }).catch((e: unknown) => e)) as FetchError;
    expect(error).toBeInstanceOf(FetchError);
    expect(error.message).toBe('timed out after 0.5 s');
    expect(error.duringBody).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    await closedSoon();
    expect(held).toHaveLength(1);
    expect(held[0]!.ms).toBeLessThan(800);
  });

  it('a dripping body gets no second deadline from the retries', async () => {
    const retries: number[] = [];
    const started = Date.now();
    await expect(fetchWithRetry(`${base}/story/1`, { timeoutMs: 400 }, { retries: 2, onRetry: ({ retry }) => retries.push(retry) })).rejects.toThrow(
      'timed out after 0.4 s',
    );
    expect(retries).toEqual([]);
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('a sync over ten dripping pages ends after about one deadline, keeps every feed text, holds no socket', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slow-body-'));
    const store = await NewsStore.open(dir);
    try {
      await store.addSource({ url: `${base}/feed.xml` });
      const started = Date.now();
      const summary = await syncSources({ store, fetchOptions: { timeoutMs: 1000 } });
      const took = Date.now() - started;
      // Before: each page waited out 3 deadlines (2 retries), two at a time: about 15 s here.
      expect(took).toBeLessThan(3500);
      expect(summary.sources[0]!.ok).toBe(true);
      expect(store.articleCount()).toBe(PAGES);
      for (const article of store.listArticles({})) expect(article.offline).toBe(false); // fetched again next sync
      const warnings = summary.sources[0]!.warnings.join('\n');
      expect(warnings).toMatch(/timed out after 1 s/);
      expect(warnings).toMatch(/sent an earlier response too slowly/);
      await closedSoon();
      const pages = held.filter((h) => h.url.startsWith('/story/'));
      expect(pages.length, JSON.stringify(held)).toBeLessThanOrEqual(2); // only the two already under way
      for (const h of held) expect(h.ms, h.url).toBeLessThan(1500);
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
