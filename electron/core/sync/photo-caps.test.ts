/**
 * Photo caps per article, through the real sync CLI (a child process) against a loopback server:
 * an article showing 300 distinct images stores the first 200; one showing eight 9 MB photos
 * stores only as many as fit in 50 MB; one 19 MB photo (under the per-photo cap) still fits.
 * The articles stay complete (offline) and the sync says what was left out.
 */
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli.fixture';
import { ARTICLE_PHOTO_BUDGET_BYTES, PHOTOS_PER_ARTICLE_MAX } from '../images/cache';
import { fakePng } from '../store/crash-sync-server';
import { NewsStore } from '../store/store';

const MANY = 300;
const BIG = 8;
const BIG_BYTES = 9 * 1024 * 1024;
const HUGE_BYTES = 19 * 1024 * 1024;

// Distinct bytes (and so a distinct cache file) per photo: crash-sync-server's fake PNG.
const png = fakePng;

const item = (guid: string, title: string, images: string[]) => `
  <item><guid isPermaLink="false">${guid}</guid><title>${title}</title>
  <pubDate>Fri, 16 Feb 2024 09:30:00 GMT</pubDate>
  <content:encoded><![CDATA[<p>${'A paragraph of the story about photos. '.repeat(20)}</p>${images.map((src) => `<p><img src="${src}" alt="photo"></p>`).join('')}]]></content:encoded></item>`;

function feed(): string {
  const many = Array.from({ length: MANY }, (_, n) => `/img/many-${n}.png`);
  const big = Array.from({ length: BIG }, (_, n) => `/img/big-${n}.png`);
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
  <title>Photo caps</title><link>http://example.invalid/</link>
  ${item('many', 'Many photos', many)}${item('big', 'Big photos', big)}${item('huge', 'One huge photo', ['/img/huge.png'])}
  </channel></rss>`;
}

let server: Server;
let base: string;
let dir: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed());
      return;
    }
    const match = /^\/img\/(many|big|huge)-?(\d*)\.png$/.exec(url);
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    const n = Number(match[2] || 0);
    const bytes = match[1] === 'many' ? png(200 + (n % 50), n + 1) : match[1] === 'big' ? png(BIG_BYTES, 1000 + n) : png(HUGE_BYTES, 5000);
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': bytes.length }).end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'photo-caps-'));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('photo caps per article (case 3)', () => {
  it('stores at most 200 photos and 50 MB of photos per article; one photo under the per-photo cap fits', async () => {
    const result = await runCli('sync.ts', ['--data-dir', dir, '--feed', `${base}/feed.xml`, '--timeout', '60']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain(`"Many photos": photos not stored: ${MANY - PHOTOS_PER_ARTICLE_MAX} beyond the first ${PHOTOS_PER_ARTICLE_MAX}`);
    expect(result.stdout).toMatch(/"Big photos": photos not stored: \d+ over the 50 MB of photos kept per article/);

    const store = await NewsStore.open(dir);
    try {
      const byTitle = (title: string) => store.listArticles({}).find((a) => a.title === title)!;
      const sizeOf = (file: string) => fs.statSync(path.join(store.photosDir, file)).size;

      const many = store.getSummary(byTitle('Many photos').id)!;
      expect(many.photos).toHaveLength(PHOTOS_PER_ARTICLE_MAX);
      expect(many.offline).toBe(true); // the ones left out do not make it incomplete
      const manyBody = (await store.getArticle(many.id))!.bodyHtml;
      expect(manyBody.match(/src="\/photos\//g)).toHaveLength(PHOTOS_PER_ARTICLE_MAX);
      expect(manyBody.match(/data-pending-src=/g)).toHaveLength(MANY - PHOTOS_PER_ARTICLE_MAX);

      const big = store.getSummary(byTitle('Big photos').id)!;
      const bigBytes = big.photos.reduce((sum, file) => sum + sizeOf(file), 0);
      expect(bigBytes).toBeLessThanOrEqual(ARTICLE_PHOTO_BUDGET_BYTES);
      expect(big.photos).toHaveLength(Math.floor(ARTICLE_PHOTO_BUDGET_BYTES / BIG_BYTES)); // 5 of 8
      expect(big.offline).toBe(true);

      const huge = store.getSummary(byTitle('One huge photo').id)!;
      expect(huge.photos).toHaveLength(1);
      expect(sizeOf(huge.photos[0]!)).toBe(HUGE_BYTES);

      // On disk: nothing beyond what the articles show.
      const onDisk = fs.readdirSync(store.photosDir).filter((n) => !n.startsWith('.'));
      expect(onDisk).toHaveLength(PHOTOS_PER_ARTICLE_MAX + big.photos.length + 1);
    } finally {
      await store.close();
    }
  }, 120_000);
});
