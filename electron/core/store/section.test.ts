// Moving a source to a section (store.setSourceSection and upsertArticle), checked on disk.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleInput } from './article-input.fixture';
import { NewsStore, type ArticleInput } from './store';

let dir: string;
let store: NewsStore;
let sourceId: string;
let otherId: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'store-section-'));
  store = await NewsStore.open(dir);
  sourceId = (await store.addSource({ url: 'https://moved.example/feed.xml' })).source.id;
  otherId = (await store.addSource({ url: 'https://other.example/feed.xml' })).source.id;
});
afterEach(async () => {
  await store.close();
  await fs.rm(dir, { recursive: true, force: true });
});

function article(source: string, slug: string, sectionPath: string[], day = '2024-02-16'): ArticleInput {
  return articleInput(`https://${source}.example/${slug}`, {
    guid: slug,
    sourceId: source,
    sourceTitle: source,
    sectionPath,
    title: slug,
    publishedAt: `${day}T09:00:00.000Z`,
    siteName: '',
  });
}

async function reopen(): Promise<void> {
  await store.close();
  store = await NewsStore.open(dir);
}

const pathsOf = () => Object.fromEntries(store.listArticles({}).map((a) => [a.title, a.sectionPath]));

describe('setSourceSection', () => {
  it('moves existing and later articles of the source, and null restores the feed paths, on disk', async () => {
    await store.upsertArticle(article(sourceId, 'a', ['News', 'City']));
    await store.upsertArticle(article(sourceId, 'b', [], '2024-02-15'));
    await store.upsertArticle(article(otherId, 'c', ['Sport']));

    await store.setSourceSection(sourceId, ['Local', 'Moved']);
    await reopen();
    expect(pathsOf()).toEqual({ a: ['Local', 'Moved'], b: ['Local', 'Moved'], c: ['Sport'] });
    expect(store.listSources().find((s) => s.id === sourceId)!.section).toEqual(['Local', 'Moved']);
    expect(store.listSections().map((s) => s.key)).toEqual(['Local > Moved', 'Sport']);

    // A new article and an update of a moved one land in the chosen section, keeping the feed's path.
    await store.upsertArticle(article(sourceId, 'd', ['Business']));
    await store.upsertArticle({ ...article(sourceId, 'a', ['News', 'Courts']), dek: 'changed' });
    await reopen();
    expect(pathsOf()).toMatchObject({ a: ['Local', 'Moved'], d: ['Local', 'Moved'] });

    await store.setSourceSection(sourceId, null);
    await reopen();
    expect(pathsOf()).toEqual({ a: ['News', 'Courts'], b: [], c: ['Sport'], d: ['Business'] });
    expect(store.listSources().find((s) => s.id === sourceId)!.section).toBeNull();
  });

  it('treats a summary written before feedSectionPath existed as its own feed path', async () => {
    await store.upsertArticle(article(sourceId, 'old', ['World']));
    await store.close();
    // As an older version wrote it: no feedSectionPath.
    const file = path.join(dir, 'summaries', '2024-02-16.json');
    const doc = JSON.parse(await fs.readFile(file, 'utf8'));
    for (const s of Object.values(doc.articles) as Record<string, unknown>[]) delete s.feedSectionPath;
    await fs.writeFile(file, JSON.stringify(doc));
    store = await NewsStore.open(dir);
    await store.setSourceSection(sourceId, ['Elsewhere']);
    expect(pathsOf()).toEqual({ old: ['Elsewhere'] });
    await store.setSourceSection(sourceId, null);
    await reopen();
    expect(pathsOf()).toEqual({ old: ['World'] });
  });

  it('refuses an unknown source', async () => {
    await expect(store.setSourceSection('s000000000000', ['X'])).rejects.toThrow(/No source/);
  });
});
