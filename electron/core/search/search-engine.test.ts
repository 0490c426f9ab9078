import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleInput } from '../store/article-input.fixture';
import { NewsStore, type ArticleInput } from '../store/store';
import { OLD_SEARCH_INDEX_FILE, SEARCH_INDEX_FILE, SearchEngine } from './search-engine';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'search-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function input(n: number, overrides: Partial<ArticleInput> = {}): ArticleInput {
  return articleInput(`https://news.example/story-${n}`, {
    title: `Story ${n}`,
    dek: 'A short dek',
    byline: 'A. Writer',
    publishedAt: `2024-02-${String(10 + n).padStart(2, '0')}T00:00:00.000Z`,
    ...overrides,
  });
}

async function openBoth(options: { progressive?: number } = {}) {
  const store = await NewsStore.open(dir, options);
  const engine = SearchEngine.start(store, { saveDelayMs: 10 });
  return { store, engine, close: async () => (await engine.close(), await store.close()) };
}

const idsOf = async (engine: SearchEngine, text: string, extra: { section?: string; saved?: boolean } = {}) =>
  (await engine.search({ text, ...extra })).hits.map((h) => h.article.id);

describe('SearchEngine', () => {
  it('builds the index from the store, follows upserts and deletions, and answers with highlights and snippets', async () => {
    const { store, engine, close } = await openBoth();
    const { id: a } = await store.upsertArticle(input(1, { title: 'The Café on the quay', bodyText: `${'Filler words here. '.repeat(40)}Locals queue at the Café every morning for pastries.` }));
    await engine.whenReady();
    expect(engine.ready).toBe(true);
    const result = await engine.search({ text: 'cafe' });
    expect(result).toMatchObject({ total: 1, ready: true });
    expect(result.hits[0]!.article.id).toBe(a);
    expect(result.hits[0]!.terms).toEqual(['Café']);
    expect(result.hits[0]!.snippet).toContain('queue at the Café every morning');
    // A body word (not in the headline or dek) is found, with the snippet around it.
    expect((await engine.search({ text: 'pastris' })).hits[0]!.snippet).toContain('pastries');

    const { id: b } = await store.upsertArticle(input(2, { title: 'Trams return', dek: 'The café reopens too' }));
    expect((await idsOf(engine, 'cafe')).sort()).toEqual([a, b].sort());
    expect((await engine.search({ text: 'cafe' })).hits.find((h) => h.article.id === b)!.snippet).toBe('The café reopens too');
    await store.upsertArticle(input(2, { title: 'Trams return', dek: 'Nothing else' }));
    expect(await idsOf(engine, 'cafe')).toEqual([a]);
    await store.deleteArticles([a]);
    expect(await idsOf(engine, 'cafe')).toEqual([]);
    await close();
  });

  it('filters by section (prefix) and saved, and counts all matches before the limit', async () => {
    const { store, engine, close } = await openBoth();
    const { id: city } = await store.upsertArticle(input(1, { title: 'Harbour news one', sectionPath: ['News', 'City'] }));
    const { id: world } = await store.upsertArticle(input(2, { title: 'Harbour news two', sectionPath: ['News', 'World'] }));
    const { id: sport } = await store.upsertArticle(input(3, { title: 'Harbour regatta', sectionPath: ['Sport'] }));
    await store.setSaved(world, true);
    await engine.whenReady();
    expect((await idsOf(engine, 'harbour')).sort()).toEqual([city, world, sport].sort());
    expect((await idsOf(engine, 'harbour', { section: 'News' })).sort()).toEqual([city, world].sort());
    expect(await idsOf(engine, 'harbour', { section: 'News > City' })).toEqual([city]);
    expect(await idsOf(engine, 'harbour', { section: 'Sport' })).toEqual([sport]);
    expect(await idsOf(engine, 'harbour', { saved: true })).toEqual([world]);
    // The filter follows changes made after a filtered search (cached per store revision).
    await store.setSaved(city, true);
    expect((await idsOf(engine, 'harbour', { saved: true })).sort()).toEqual([city, world].sort());
    await store.setSaved(world, false);
    expect(await idsOf(engine, 'harbour', { saved: true, section: 'News' })).toEqual([city]);
    const limited = await engine.search({ text: 'harbour', limit: 1 });
    expect(limited.hits).toHaveLength(1);
    expect(limited.total).toBe(3);
    await close();
  });

  it('follows retention: pruned articles leave the index', async () => {
    const { store, engine, close } = await openBoth();
    await store.updateSettings({ keepNewest: 0, maxPerSource: 1 });
    await store.upsertArticle(input(1, { title: 'Ferry timetable' }));
    const { id: newer } = await store.upsertArticle(input(2, { title: 'Ferry strike' }));
    await engine.whenReady();
    expect(await idsOf(engine, 'ferry')).toHaveLength(2);
    await store.prune();
    expect(await idsOf(engine, 'ferry')).toEqual([newer]);
    await close();
  });

  it('persists the index and reloads it without rebuilding; catches up on changes made without it', async () => {
    let s = await openBoth();
    const { id } = await s.store.upsertArticle(input(1, { title: 'Zürich trams' }));
    await s.engine.whenReady();
    await s.close();
    await expect(fs.stat(path.join(dir, SEARCH_INDEX_FILE))).resolves.toBeTruthy();

    s = await openBoth({ progressive: 1 });
    await s.engine.whenReady();
    expect(s.engine.stats).toMatchObject({ origin: 'file', indexed: 0, dropped: 0 });
    expect(await idsOf(s.engine, 'zurich')).toEqual([id]);
    await s.close();

    // Changes made while no engine listened (e.g. a crash before the index was saved).
    const store = await NewsStore.open(dir);
    const { id: other } = await store.upsertArticle(input(2, { title: 'Zürich lakes' }));
    await store.deleteArticles([id]);
    await store.close();
    s = await openBoth();
    await s.engine.whenReady();
    expect(s.engine.stats).toMatchObject({ origin: 'file', indexed: 1, dropped: 1 });
    expect(await idsOf(s.engine, 'zurich')).toEqual([other]);
    await s.close();
  });

  it('rebuilds a damaged index file with a note, and one of another version silently', async () => {
    const s = await openBoth();
    const { id } = await s.store.upsertArticle(input(1, { title: 'Kraków market' }));
    await s.close();
    const file = path.join(dir, SEARCH_INDEX_FILE);
    await fs.writeFile(file, '{"format":"offline-news-search","vers');
    const notes: string[] = [];
    let store = await NewsStore.open(dir);
    let engine = SearchEngine.start(store, { onNote: (m) => notes.push(m) });
    await engine.whenReady();
    expect(engine.stats).toMatchObject({ origin: 'rebuilt', indexed: 1 });
    expect(notes.join()).toMatch(/search index was damaged/);
    expect((await engine.search({ text: 'krakow' })).hits.map((h) => h.article.id)).toEqual([id]);
    await engine.close();
    await store.close();
    expect((await fs.readFile(file)).subarray(0, 4).toString()).toBe('ONSI');

    const other = await fs.readFile(file);
    other.writeUInt32LE(2, 4); // an older version of the file form
    await fs.writeFile(file, other);
    // The earlier minisearch file is deleted.
    await fs.writeFile(path.join(dir, OLD_SEARCH_INDEX_FILE), '{"format":"offline-news-search","version":2}');
    notes.length = 0;
    store = await NewsStore.open(dir);
    engine = SearchEngine.start(store, { onNote: (m) => notes.push(m) });
    await engine.whenReady();
    expect(engine.stats.origin).toBe('rebuilt');
    expect(notes).toEqual([]);
    await expect(fs.stat(path.join(dir, OLD_SEARCH_INDEX_FILE))).rejects.toThrow(/ENOENT/);
    await engine.close();
    await store.close();
  });

  it('checks the checksum after loading and rebuilds an index whose bytes were damaged', async () => {
    const s = await openBoth();
    const { id } = await s.store.upsertArticle(input(1, { title: 'Gdańsk shipyard', bodyText: 'Cranes over the harbour.' }));
    await s.close();
    const file = path.join(dir, SEARCH_INDEX_FILE);
    const bytes = await fs.readFile(file);
    bytes[bytes.length - 2]! ^= 0x55; // inside the last posting list: the structure still reads
    await fs.writeFile(file, bytes);
    const notes: string[] = [];
    const store = await NewsStore.open(dir);
    const engine = SearchEngine.start(store, { onNote: (m) => notes.push(m) });
    await engine.whenChecked();
    expect(notes.join()).toMatch(/search index was damaged \(checksum mismatch\)/);
    expect(engine.stats.origin).toBe('rebuilt');
    expect(engine.ready).toBe(true);
    expect((await engine.search({ text: 'gdansk' })).hits.map((h) => h.article.id)).toEqual([id]);
    expect((await engine.search({ text: 'cranes' })).hits.map((h) => h.article.id)).toEqual([id]);
    await engine.close();
    await store.close();
  });

  it('answers while loading with ready: false', async () => {
    const { store, engine, close } = await openBoth();
    expect((await engine.search({ text: 'anything' })).ready).toBe(false);
    await engine.whenReady();
    expect((await engine.search({ text: 'anything' })).ready).toBe(true);
    await store.flush();
    await close();
  });
});
