// The offline queue against the fixture news server: a queued link is fetched by the next full sync
// (page -> extract -> photos), stored saved and taken off the queue; a failure stays queued with why.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixtureArticleBySlug, startNewsServer, type NewsServer } from '../../../e2e/fixtures/news-server';
import { createNewsService, type CoreNewsService } from '../service';
import { NewsStore } from '../store/store';
import { syncSources } from './sync';

let server: NewsServer;
let dir: string;

beforeAll(async () => {
  server = await startNewsServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'queue-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('store: the offline queue', () => {
  it('keeps links in order, once each, across a reopen', async () => {
    const store = await NewsStore.open(dir);
    expect(await store.queueLink('https://example.org/a')).toBe(true);
    expect(await store.queueLink('https://example.org/b', 'B')).toBe(true);
    expect(await store.queueLink('https://example.org/a')).toBe(false);
    await store.updateQueued('https://example.org/a', { lastError: 'offline' });
    await store.close();
    const again = await NewsStore.open(dir);
    expect(again.listQueue().map((q) => [q.url, q.title, q.lastError])).toEqual([
      ['https://example.org/a', '', 'offline'],
      ['https://example.org/b', 'B', null],
    ]);
    await again.removeQueued('https://example.org/a');
    expect(again.listQueue().map((q) => q.url)).toEqual(['https://example.org/b']);
    await again.close();
  });
});

describe('sync: the offline queue', () => {
  it('fetches a queued article after the sources, saves it with its photos, and empties the queue', async () => {
    const store = await NewsStore.open(dir);
    try {
      await store.addSource({ url: `${server.url}/feeds/news.rss` });
      const harbour = fixtureArticleBySlug('harbour-ferry-returns'); // only in the Atom feed: not stored
      await store.queueLink(`${server.url}${harbour.path}`);
      const result = await syncSources({ store });
      expect(result.queue.failed).toEqual([]);
      expect(result.queue.stored).toHaveLength(1);
      expect(store.listQueue()).toEqual([]);
      const saved = store.listSaved();
      expect(saved.map((a) => a.title)).toEqual([harbour.title]);
      const article = (await store.getArticle(saved[0]!.id))!;
      expect(article.offline).toBe(true);
      expect(article.sectionPath).toEqual(harbour.sectionPath);
      expect(article.bodyText).toContain(harbour.bodySentence);
      expect(article.photo?.caption).toBe(harbour.caption);
      expect(fs.existsSync(path.join(store.photosDir, article.photo!.file!))).toBe(true);
      // The rail story's related link to it now opens the stored copy.
      const rail = store.listArticles({}).find((a) => a.title === fixtureArticleBySlug('regional-rail-late-trains').title)!;
      const related = (await store.getArticle(rail.id))!.related;
      expect(related.find((r) => r.url.endsWith(harbour.path))?.articleId).toBe(article.id);
    } finally {
      await store.close();
    }
  });

  it('keeps a link that fails queued, with the reason, and refuses local hosts that are not sources', async () => {
    const store = await NewsStore.open(dir);
    try {
      await store.addSource({ url: `${server.url}/feeds/news.rss` });
      await store.queueLink(`${server.url}/articles/no-such-story.html`);
      await store.queueLink('http://127.0.0.2:9/articles/private.html');
      const result = await syncSources({ store });
      expect(result.queue.stored).toEqual([]);
      const queue = store.listQueue();
      expect(queue).toHaveLength(2);
      expect(queue[0]!.lastError).toMatch(/404/);
      expect(queue[1]!.lastError).toMatch(/local or private/);
      expect(store.listSaved()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe('service: queueArticle / listQueue', () => {
  let service: CoreNewsService;
  afterEach(async () => {
    await service.close();
  });

  it('queues a link once, says what happens next, and refuses to queue what is stored', async () => {
    service = await createNewsService({ dataDir: dir });
    const changes: string[] = [];
    service.on('store:changed', ({ reason }) => changes.push(reason));
    await service.api.addSource({ url: `${server.url}/feeds/news.rss` });
    await service.api.syncNow();
    const library = fixtureArticleBySlug('westmere-library-opens');
    expect(await service.api.queueArticle(`${server.url}${library.path}`)).toEqual({ queued: false, message: 'This article is already stored.' });

    const url = `${server.url}${fixtureArticleBySlug('westmere-chess-open-final').path}`;
    const reply = await service.api.queueArticle(url);
    expect(reply).toEqual({ queued: true, message: 'Queued for the next sync: it will appear in Saved.' });
    expect(changes).toContain('queued');
    expect((await service.api.listQueue()).map((q) => [q.url, q.lastError])).toEqual([[url, null]]);

    await service.api.syncNow();
    expect(await service.api.listQueue()).toEqual([]);
    expect((await service.api.listSaved()).map((a) => a.title)).toEqual([fixtureArticleBySlug('westmere-chess-open-final').title]);
    expect(changes).toContain('queue');
  });
});
