import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixtureArticles, startNewsServer, type NewsServer } from '../../../e2e/fixtures/news-server';
import type { SyncProgress } from '../../shared/models';
import { NewsStore } from '../store/store';
import { HostLimiter } from './limiter';
import { syncSources } from './sync';

let server: NewsServer;
let dir: string;
let store: NewsStore;

beforeAll(async () => {
  server = await startNewsServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sync-'));
  store = await NewsStore.open(dir);
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function addFixtureFeeds(): Promise<void> {
  await store.addSource({ url: `${server.url}/feeds/news.rss` });
  await store.addSource({ url: `${server.url}/feeds/world.atom` });
}

describe('syncSources against the fixture news server', () => {
  it('stores every article with section path, photo on disk, caption and credit apart, no chrome', async () => {
    await addFixtureFeeds();
    const progress: SyncProgress[] = [];
    const summary = await syncSources({ store, onProgress: (p) => progress.push(p) });
    expect(summary.ok).toBe(true);
    expect(summary.sources.map((s) => s.added).reduce((a, b) => a + b)).toBe(fixtureArticles.length);
    expect(store.articleCount()).toBe(fixtureArticles.length);

    for (const fixture of fixtureArticles) {
      const summaryRow = store.listArticles({}).find((a) => a.title === fixture.title);
      expect(summaryRow, fixture.title).toBeDefined();
      const article = (await store.getArticle(summaryRow!.id))!;
      expect(article.sectionPath).toEqual(fixture.sectionPath);
      expect(article.offline).toBe(true);
      expect(article.contentSource).toBe('page');
      expect(article.photo?.caption).toBe(fixture.caption);
      expect(article.photo?.credit).toBe(fixture.credit);
      expect(article.photo?.file).toMatch(/^[0-9a-f]{64}\.jpg$/);
      expect(fs.existsSync(path.join(store.photosDir, article.photo!.file!))).toBe(true);
      expect(article.bodyText).toContain(fixture.bodySentence);
      expect(article.bodyText).not.toContain(fixture.chrome);
      expect(article.bodyHtml).not.toMatch(/\ssrc="https?:/);
      if (fixture.inlinePhoto) expect(article.bodyHtml).toMatch(/src="\/photos\/[0-9a-f]{64}\.jpg"/);
      const related = article.related.find((r) => r.url.includes(fixture.relatedSlug));
      expect(related?.articleId, `${fixture.slug} related`).toBe(
        store.listArticles({}).find((a) => a.url.includes(fixture.relatedSlug))?.id,
      );
    }
    const phases = progress.filter((p) => p.url.endsWith('news.rss')).map((p) => p.phase);
    expect(phases[0]).toBe('queued');
    expect(phases).toContain('parsed');
    expect(phases.at(-1)).toBe('done');
  });

  it('a second sync adds nothing new', async () => {
    await addFixtureFeeds();
    await syncSources({ store });
    const again = await syncSources({ store });
    expect(again.ok).toBe(true);
    expect(again.sources.map((s) => [s.added, s.updated])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(store.articleCount()).toBe(fixtureArticles.length);
  });

  it('a broken feed fails only its own source and keeps stored articles', async () => {
    await addFixtureFeeds();
    await syncSources({ store });
    await store.addSource({ url: `${server.url}/feeds/missing.rss`, title: 'Broken' });
    server.setStatus('/feeds/world.atom', 503);
    try {
      const summary = await syncSources({ store, retry: { baseDelayMs: 1 } }); // the 503 is retried
      expect(summary.ok).toBe(false);
      const byUrl = Object.fromEntries(summary.sources.map((s) => [s.url.replace(server.url, ''), s]));
      expect(byUrl['/feeds/news.rss']!.ok).toBe(true);
      expect(byUrl['/feeds/world.atom']!.error).toMatch(/HTTP 503/);
      expect(byUrl['/feeds/missing.rss']!.error).toMatch(/HTTP 404/);
      expect(store.articleCount()).toBe(fixtureArticles.length);
      expect(store.listSources().find((s) => s.title === 'Broken')?.lastError).toMatch(/HTTP 404/);
    } finally {
      server.setStatus('/feeds/world.atom', null);
    }
  });

  it('stores an article from the feed when its page fails, and completes it on the next sync', async () => {
    const fixture = fixtureArticles.find((a) => a.feed === 'rss')!; // the item with content:encoded
    await store.addSource({ url: `${server.url}/feeds/news.rss` });
    server.setStatus(fixture.path, 500);
    let summary;
    try {
      summary = await syncSources({ store });
    } finally {
      server.setStatus(fixture.path, null);
    }
    expect(summary.ok).toBe(true);
    expect(summary.sources[0]!.warnings.join('\n')).toMatch(/HTTP 500/);
    const row = store.listArticles({}).find((a) => a.title === fixture.title)!;
    const stored = (await store.getArticle(row.id))!;
    expect(stored.offline).toBe(false);
    expect(stored.contentSource).toBe('feed');
    expect(stored.bodyText).toContain(fixture.bodySentence);
    expect(stored.sectionPath).toEqual(fixture.sectionPath);

    const retry = await syncSources({ store });
    expect(retry.sources[0]!.updated).toBeGreaterThanOrEqual(1);
    const completed = (await store.getArticle(row.id))!;
    expect(completed.offline).toBe(true);
    expect(completed.contentSource).toBe('page');
  });

  it('finds the feed of a site address through its advertised link (once)', async () => {
    const { source } = await store.addSource({ url: `${server.url}/` });
    const summary = await syncSources({ store });
    expect(summary.ok).toBe(true);
    expect(summary.sources[0]!.added).toBe(fixtureArticles.filter((a) => a.feed === 'rss').length);
    expect(store.getSource(source.id)?.feedUrl).toBe(`${server.url}/feeds/news.rss`);
    const again = await syncSources({ store });
    expect(again.sources[0]!.added).toBe(0);
  });

  it('can be cancelled, leaving a store that opens', async () => {
    await addFixtureFeeds();
    const controller = new AbortController();
    const running = syncSources({
      store,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'articles') controller.abort();
      },
    });
    const summary = await running;
    expect(summary.ok).toBe(false);
    expect(summary.sources.some((s) => s.error === 'Cancelled')).toBe(true);
    await store.close();
    store = await NewsStore.open(dir);
    expect(store.articleCount()).toBeLessThanOrEqual(fixtureArticles.length);
  });
});

describe('syncSources with a hand-written feed', () => {
  it('stores repeated items and tracking-parameter links once, and items without a link from their text', async () => {
    let base = '';
    const feed = () => `<?xml version="1.0"?><rss version="2.0"><channel><title>Odd Feed</title><link>${base}/</link>
      <item><title>First</title><guid>a1</guid><link>${base}/a1.html</link><description>&lt;p&gt;First story text.&lt;/p&gt;</description><category>Local</category></item>
      <item><title>First</title><guid>a1</guid><link>${base}/a1.html</link><description>&lt;p&gt;First story text.&lt;/p&gt;</description></item>
      <item><title>First again</title><link>${base}/a1.html?utm_source=rss&amp;utm_medium=feed</link><description>&lt;p&gt;First story text.&lt;/p&gt;</description></item>
      <item><title>Linkless</title><description>&lt;p&gt;A story told only in the feed.&lt;/p&gt;</description></item>
    </channel></rss>`;
    const odd = http.createServer((req, res) => {
      if (req.url === '/feed.xml') res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(feed());
      else res.writeHead(404).end('not found');
    });
    await new Promise<void>((resolve) => odd.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(odd.address() as AddressInfo).port}`;
    try {
      await store.addSource({ url: `${base}/feed.xml` });
      const first = await syncSources({ store });
      expect(first.ok).toBe(true);
      expect(first.sources[0]!.added).toBe(2);
      const again = await syncSources({ store });
      expect(again.sources[0]!.added).toBe(0);
      expect(store.articleCount()).toBe(2);
      const linkless = store.listArticles({}).find((a) => a.title === 'Linkless')!;
      const article = (await store.getArticle(linkless.id))!;
      expect(article.bodyText).toContain('A story told only in the feed.');
      expect(article.contentSource).toBe('feed');
      expect(article.offline).toBe(true);
      const withPageMissing = store.listArticles({}).find((a) => a.title === 'First')!;
      expect(withPageMissing.offline).toBe(false); // its page answered 404: retried next sync
      expect(withPageMissing.sectionPath).toEqual(['Local']);
    } finally {
      await new Promise((resolve) => odd.close(resolve));
    }
  });
});

describe('HostLimiter', () => {
  it('runs at most N overall and M per host at once', async () => {
    const limiter = new HostLimiter(3, 2);
    let running = 0;
    let peak = 0;
    const perHost = new Map<string, number>();
    let peakPerHost = 0;
    const task = (host: string) =>
      limiter.run(`http://${host}/x`, async () => {
        running++;
        perHost.set(host, (perHost.get(host) ?? 0) + 1);
        peak = Math.max(peak, running);
        peakPerHost = Math.max(peakPerHost, perHost.get(host)!);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        perHost.set(host, perHost.get(host)! - 1);
      });
    await Promise.all([...Array(10)].map((_, i) => task(i % 3 === 0 ? 'a' : i % 3 === 1 ? 'b' : 'c')));
    expect(peak).toBe(3);
    expect(peakPerHost).toBeLessThanOrEqual(2);
  });
});
