// syncItem honours the downloadPhotos setting: off = no photo is fetched, the article is complete
// (offline) once its text is stored, its photo metadata is kept with no file and its body shows no
// remote image.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticles, startNewsServer, type NewsServer } from '../../../e2e/fixtures/news-server';
import { NewsStore } from '../store/store';
import { syncSources } from './sync';

let server: NewsServer;
let dir: string;

beforeAll(async () => {
  server = await startNewsServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sync-photos-off-'));
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('downloadPhotos off', () => {
  it('stores complete articles without fetching a photo, keeping the photo metadata with no file', async () => {
    const store = await NewsStore.open(dir);
    try {
      await store.updateSettings({ downloadPhotos: false });
      await store.addSource({ url: `${server.url}/feeds/news.rss` });
      const summary = await syncSources({ store });
      expect(summary.ok).toBe(true);
      expect(server.requests.filter((r) => r.startsWith('/photos/'))).toEqual([]);
      expect(fs.readdirSync(store.photosDir).filter((f) => !f.startsWith('.'))).toEqual([]);

      const rows = store.listArticles({});
      expect(rows.length).toBeGreaterThan(0);
      let withInline = 0;
      for (const row of rows) {
        expect(row.offline, row.title).toBe(true);
        expect(row.thumbnail).toBeNull();
        const article = (await store.getArticle(row.id))!;
        const fixture = fixtureArticles.find((f) => f.title === article.title);
        expect(article.bodyText.length).toBeGreaterThan(0);
        if (fixture) {
          expect(article.photo?.file).toBeNull();
          expect(article.photo?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/photos\//);
          expect(article.photo?.caption).toBe(fixture.caption);
          expect(article.photo?.credit).toBe(fixture.credit);
        }
        expect(article.bodyHtml).not.toMatch(/\ssrc=/);
        if (/<img/.test(article.bodyHtml)) {
          withInline++;
          expect(article.bodyHtml).toContain('data-pending-src="http://127.0.0.1');
        }
      }
      expect(withInline).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });
});
