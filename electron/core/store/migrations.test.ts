/**
 * Migration tests: for every earlier schema version a fixture writes a data folder exactly as that
 * version did; opening it must migrate to the current version with nothing lost and the old index
 * kept. A crash in the middle of a migration (index not yet rewritten) must rerun cleanly.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from './migrations';
import { SCHEMA_VERSION } from './schema';
import { NewsStore } from './store';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'migrate-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const photo = 'a'.repeat(64) + '.jpg';
const bodyPhoto = 'b'.repeat(64) + '.png';

function v1Summary(id: string, n: number, extra: Record<string, unknown> = {}) {
  return {
    id,
    url: `https://old.example/${n}`,
    canonicalUrl: `https://old.example/${n}`,
    sourceId: 'sold',
    sourceTitle: 'Old News',
    sectionPath: ['World'],
    title: `Old story ${n}`,
    dek: '',
    byline: '',
    publishedAt: `2024-03-0${n}T10:00:00+01:00`,
    updatedAt: null,
    thumbnail: n === 1 ? photo : null,
    saved: false,
    savedAt: null,
    read: false,
    offline: true,
    fetchedAt: '2024-03-09T00:00:00.000Z',
    contentSource: 'page',
    keys: [`url:https://old.example/${n}`],
    feedFingerprint: null,
    ...extra,
  };
}

/** Writes a data folder as schema 1 did; returns what must survive. */
async function writeV1(root: string) {
  const articles = {
    aaaa000000000001: v1Summary('aaaa000000000001', 1, { saved: true, savedAt: '2024-03-09T01:00:00.000Z' }),
    aaaa000000000002: v1Summary('aaaa000000000002', 2, { read: true }),
    aaaa000000000003: v1Summary('aaaa000000000003', 3),
  };
  const index = {
    schemaVersion: 1,
    sources: {
      sold: { id: 'sold', url: 'https://old.example/feed', title: 'Old News', siteUrl: '', addedAt: '2024-03-01T00:00:00.000Z', lastSyncAt: null, lastError: null, etag: '"e1"', lastModified: null, feedUrl: null },
    },
    articles,
    settings: { keepDays: 14 },
    sync: { lastSyncAt: '2024-03-09T00:00:00.000Z', lastSyncReachedHost: true },
    firstRunSeededAt: null,
  };
  await fs.mkdir(path.join(root, 'articles'), { recursive: true });
  await fs.mkdir(path.join(root, 'photos'), { recursive: true });
  await fs.writeFile(path.join(root, 'index.json'), JSON.stringify(index));
  for (const id of Object.keys(articles)) {
    const body = {
      schemaVersion: 1,
      id,
      photo: id.endsWith('1') ? { file: photo, url: 'https://old.example/p.jpg', caption: '', credit: '', alt: '', width: null, height: null } : null,
      bodyHtml: `<p>Body of ${id}</p>` + (id.endsWith('2') ? `<figure><img src="/photos/${bodyPhoto}"></figure>` : ''),
      bodyText: `Body of ${id}`,
      related: [],
      siteName: 'Old',
      language: 'en',
    };
    await fs.writeFile(path.join(root, 'articles', `${id}.json`), JSON.stringify(body));
  }
  return { index };
}

/** One fixture per earlier schema version. */
const fixtures: Record<number, (root: string) => Promise<{ index: { articles: Record<string, { saved: boolean; read: boolean }> } }>> = {
  1: writeV1,
};

describe('migrations', () => {
  it('has a step and a fixture for every earlier version', () => {
    for (let v = 1; v < SCHEMA_VERSION; v++) {
      expect(migrations[v], `step from ${v}`).toBeTypeOf('function');
      expect(fixtures[v], `fixture for ${v}`).toBeTypeOf('function');
    }
  });

  for (const from of Object.keys(fixtures).map(Number)) {
    it(`opens a schema ${from} folder and migrates it to ${SCHEMA_VERSION}, nothing lost, old index kept`, async () => {
      const { index } = await fixtures[from]!(dir);
      const original = await fs.readFile(path.join(dir, 'index.json'), 'utf8');
      const store = await NewsStore.open(dir);
      expect(store.recoveryNotes).toEqual([]);
      expect(store.data.schemaVersion).toBe(SCHEMA_VERSION);
      expect(store.articleCount()).toBe(Object.keys(index.articles).length);
      for (const [id, old] of Object.entries(index.articles)) {
        const article = await store.getArticle(id);
        expect(article?.bodyText).toBe(`Body of ${id}`);
        expect([article?.saved, article?.read]).toEqual([old.saved, old.read]);
      }
      expect(store.getSummary('aaaa000000000001')?.photos).toEqual([photo]);
      expect(store.getSummary('aaaa000000000002')?.photos).toEqual([bodyPhoto]);
      expect(store.data.settings.keepDays).toBe(14);
      expect(store.listSources().map((s) => s.articleCount)).toEqual([3]);
      expect(store.findArticleId(['url:https://old.example/3'])).toBe('aaaa000000000003');
      await store.close();
      expect(await fs.readFile(path.join(dir, `index.json.v${from}.bak`), 'utf8')).toBe(original);
      const onDisk = JSON.parse(await fs.readFile(path.join(dir, 'index.json'), 'utf8'));
      expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
      // Opening again is a no-op.
      const again = await NewsStore.open(dir);
      expect(again.articleCount()).toBe(Object.keys(index.articles).length);
      await again.close();
    });

    it(`reruns a schema ${from} migration interrupted before index.json was rewritten`, async () => {
      const { index } = await fixtures[from]!(dir);
      // The state a crash leaves: a stray partition with a wrong summary, old index still in place.
      await fs.mkdir(path.join(dir, 'summaries'), { recursive: true });
      await fs.writeFile(path.join(dir, 'summaries', '2020-01-01.json'), JSON.stringify({ schemaVersion: 2, partition: '2020-01-01', articles: {} }));
      const store = await NewsStore.open(dir);
      expect(store.articleCount()).toBe(Object.keys(index.articles).length);
      await store.close();
      expect(await fs.readdir(path.join(dir, 'summaries'))).not.toContain('2020-01-01.json');
    });
  }
});
