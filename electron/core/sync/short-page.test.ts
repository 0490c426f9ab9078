// A page too short for an article (a photo page, a video page): the stored article keeps the
// page's title, lead photo and caption, with the feed's text as its body, marked as from the feed.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewsStore } from '../store/store';
import { syncSources } from './sync';

let server: http.Server;
let base = '';
let dir: string;

const feedText = 'The harbour festival in twelve pictures: boats, lanterns and the choir on the pier, from dusk to midnight.';
const page = () => `<!doctype html><html><head><title>In pictures | The Paper</title>
  <meta property="og:image" content="${base}/img/lanterns.jpg"></head><body>
  <article><h1>Harbour festival in pictures</h1><figure><img src="/img/lanterns.jpg" width="1200" height="800" alt="Lanterns">
  <figcaption>Lanterns crossing the bay at dusk.</figcaption></figure><p>Swipe for more.</p></article></body></html>`;
const feed = () => `<?xml version="1.0"?><rss version="2.0"><channel><title>The Paper</title><link>${base}/</link>
  <item><title>Festival photos</title><guid>p1</guid><link>${base}/pictures.html</link><description>${feedText}</description></item>
  </channel></rss>`;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/feed.xml') res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(feed());
    else if (req.url === '/pictures.html') res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page());
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sync-short-page-'));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a linked page too short for an article', () => {
  it("keeps the page's title, photo and caption with the feed's text", async () => {
    const store = await NewsStore.open(dir);
    try {
      await store.updateSettings({ downloadPhotos: false });
      await store.addSource({ url: `${base}/feed.xml` });
      const summary = await syncSources({ store });
      expect(summary.ok).toBe(true);
      const [row] = store.listArticles({});
      const article = (await store.getArticle(row!.id))!;
      expect(article.title).toBe('Harbour festival in pictures');
      expect(article.bodyText).toContain(feedText);
      expect(article.contentSource).toBe('feed');
      expect(article.photo).toMatchObject({ url: `${base}/img/lanterns.jpg`, caption: 'Lanterns crossing the bay at dusk.' });
    } finally {
      await store.close();
    }
  });
});
