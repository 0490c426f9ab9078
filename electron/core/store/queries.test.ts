import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleInput } from './article-input.fixture';
import { NewsStore, type ArticleInput } from './store';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'store-queries-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function input(n: number, section: string[]): ArticleInput {
  // Story 1 is the oldest; days apart so partitions differ too.
  return articleInput(`https://news.example/story-${n}`, { sectionPath: section, title: `Story ${n}`, publishedAt: new Date(Date.UTC(2024, 0, n, 12)).toISOString() });
}

/** Stories 1..10: odd ones in News > City, even ones in Sport. */
async function filledStore(): Promise<{ store: NewsStore; ids: Map<number, string> }> {
  const store = await NewsStore.open(dir);
  const ids = new Map<number, string>();
  for (let n = 1; n <= 10; n++) {
    const { id } = await store.upsertArticle(input(n, n % 2 ? ['News', 'City'] : ['Sport']));
    ids.set(n, id);
  }
  return { store, ids };
}

const titles = (list: { title: string }[]) => list.map((a) => a.title.replace('Story ', ''));

describe('store queries: sort, count, markAllRead (on disk)', () => {
  it('sorts newest or oldest first, and pages through either order with offset/limit', async () => {
    const { store } = await filledStore();
    expect(titles(store.listArticles({ limit: 3 }))).toEqual(['10', '9', '8']);
    expect(titles(store.listArticles({ sort: 'newest', offset: 3, limit: 3 }))).toEqual(['7', '6', '5']);
    expect(titles(store.listArticles({ sort: 'oldest', limit: 3 }))).toEqual(['1', '2', '3']);
    expect(titles(store.listArticles({ sort: 'oldest', offset: 3, limit: 3 }))).toEqual(['4', '5', '6']);
    expect(titles(store.listArticles({ sort: 'oldest', offset: 9, limit: 3 }))).toEqual(['10']);
    expect(store.listArticles({ sort: 'oldest', offset: 10, limit: 3 })).toEqual([]);
    expect(titles(store.listArticles({ sort: 'oldest', section: 'News' }))).toEqual(['1', '3', '5', '7', '9']);
    expect(titles(store.listArticles({ sort: 'oldest', section: 'Sport', offset: 1, limit: 2 }))).toEqual(['4', '6']);
    await store.close();
  });

  it('counts what a query selects, by section prefix and saved state', async () => {
    const { store, ids } = await filledStore();
    await store.setSaved(ids.get(3)!, true);
    await store.setSaved(ids.get(4)!, true);
    expect(store.countArticles()).toBe(10);
    expect(store.countArticles({ section: 'News' })).toBe(5);
    expect(store.countArticles({ section: 'News > City' })).toBe(5);
    expect(store.countArticles({ section: 'News > Cit' })).toBe(0);
    expect(store.countArticles({ saved: true })).toBe(2);
    expect(store.countArticles({ section: 'Sport', saved: true })).toBe(1);
    // limit/offset do not change the count.
    expect(store.countArticles({ section: 'Sport', limit: 1, offset: 2 })).toBe(5);
    await store.close();
  });

  it('marks a section read in one write that survives reopening, leaving other sections alone', async () => {
    const { store, ids } = await filledStore();
    await store.setRead(ids.get(1)!, true);
    expect(await store.markAllRead('News')).toBe(4);
    expect(await store.markAllRead('News')).toBe(0);
    await store.close();

    const reopened = await NewsStore.open(dir);
    const sections = Object.fromEntries(reopened.listSections().map((s) => [s.key, s.unread]));
    expect(sections).toEqual({ 'News > City': 0, Sport: 5 });
    expect(await reopened.markAllRead()).toBe(5);
    expect(reopened.listArticles({}).every((a) => a.read)).toBe(true);
    await reopened.close();
  });
});
