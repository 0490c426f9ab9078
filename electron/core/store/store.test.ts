import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleInput } from './article-input.fixture';
import { cleanLink, dedupeKeys } from './ids';
import { DataDirLockedError } from './lock';
import { NewsStore, type ArticleInput } from './store';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'store-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function input(overrides: Partial<ArticleInput> & { guid?: string | null; link?: string }): ArticleInput {
  const { link = 'https://news.example/world/story-1', ...rest } = overrides;
  return articleInput(link, { sectionPath: ['News', 'World'], dek: 'Short dek', byline: 'A. Writer', ...rest });
}

describe('ids', () => {
  it('removes tracking parameters and fragments', () => {
    expect(cleanLink('https://News.example/a?utm_source=x&b=2&fbclid=1&a=1#top')).toBe('https://news.example/a?a=1&b=2');
  });
});

describe('NewsStore', () => {
  it('stores an article with its body in articles/<id>.json and reads it back after reopening', async () => {
    const store = await NewsStore.open(dir);
    const { id, status } = await store.upsertArticle(input({}));
    expect(status).toBe('added');
    await store.setSaved(id, true);
    await store.close();
    await expect(fs.access(path.join(dir, 'articles', `${id}.json`))).resolves.toBeUndefined();
    const index = JSON.parse(await fs.readFile(path.join(dir, 'index.json'), 'utf8'));
    expect(index.schemaVersion).toBe(2);
    expect(index.articles).toBeUndefined(); // summaries live in summaries/<day>.json

    const again = await NewsStore.open(dir);
    const article = await again.getArticle(id);
    expect(article?.bodyText).toBe('Body');
    expect(article?.saved).toBe(true);
    expect(again.listSaved().map((a) => a.id)).toEqual([id]);
    expect(again.listSections()).toEqual([{ key: 'News > World', path: ['News', 'World'], count: 1, unread: 1 }]);
    expect(again.listArticles({ section: 'News' })).toHaveLength(1);
    expect(again.listArticles({ section: 'News > Wor' })).toHaveLength(0);
    await again.close();
  });

  it('never duplicates: same guid, same link with utm_ parameters, same canonical URL', async () => {
    const store = await NewsStore.open(dir);
    const first = await store.upsertArticle(input({ guid: 'g-1' }));
    const sameGuid = await store.upsertArticle(input({ guid: 'g-1', link: 'https://news.example/moved' }));
    const utm = await store.upsertArticle(input({ link: 'https://news.example/world/story-1?utm_source=rss&utm_medium=feed' }));
    const canonical = await store.upsertArticle({
      ...input({ link: 'https://m.news.example/s1' }),
      keys: [...dedupeKeys({ sourceId: 's1', guid: null, link: 'https://m.news.example/s1' }), 'url:https://news.example/world/story-1'],
    });
    expect(sameGuid).toEqual({ id: first.id, status: 'updated' });
    expect(utm.id).toBe(first.id);
    expect(canonical.id).toBe(first.id);
    expect(store.articleCount()).toBe(1);
    await store.close();
  });

  it('keeps saved and read state when an article is updated', async () => {
    const store = await NewsStore.open(dir);
    const { id } = await store.upsertArticle(input({}));
    await store.setSaved(id, true);
    await store.setRead(id, true);
    await store.upsertArticle(input({ title: 'A story, updated' }));
    const summary = store.getSummary(id)!;
    expect([summary.title, summary.saved, summary.read]).toEqual(['A story, updated', true, true]);
    await store.close();
  });

  it('removing a source keeps its saved articles', async () => {
    const store = await NewsStore.open(dir);
    const { source } = await store.addSource({ url: 'https://news.example/feed.xml' });
    const keep = await store.upsertArticle({ ...input({ link: 'https://news.example/a' }), sourceId: source.id });
    const drop = await store.upsertArticle({ ...input({ link: 'https://news.example/b' }), sourceId: source.id });
    await store.setSaved(keep.id, true);
    await store.removeSource(source.id);
    expect(store.getSummary(keep.id)).not.toBeNull();
    expect(store.getSummary(drop.id)).toBeNull();
    await store.close();
  });

  it('resolves related links to stored articles', async () => {
    const store = await NewsStore.open(dir);
    const target = await store.upsertArticle(input({ link: 'https://news.example/target' }));
    const { id } = await store.upsertArticle({
      ...input({ link: 'https://news.example/other' }),
      related: [
        { title: 'Target', url: 'https://news.example/target?utm_campaign=x', articleId: null },
        { title: 'Elsewhere', url: 'https://elsewhere.example/', articleId: null },
      ],
    });
    const article = await store.getArticle(id);
    expect(article?.related.map((r) => r.articleId)).toEqual([target.id, null]);
    await store.close();
  });

  it('restores index.json and a summaries partition from .bak when found corrupt, and reports it', async () => {
    const store = await NewsStore.open(dir);
    const { source } = await store.addSource({ url: 'https://news.example/feed.xml' });
    await store.updateSource(source.id, { title: 'Renamed' }); // a second index.json write
    const { id } = await store.upsertArticle(input({}));
    await store.setSaved(id, true);
    const two = await store.upsertArticle(input({ link: 'https://news.example/two' })); // one more partition write
    await store.close();
    await fs.writeFile(path.join(dir, 'index.json'), Buffer.alloc(2048));
    await fs.writeFile(path.join(dir, 'summaries', '2024-02-16.json'), '{"partition": "2024-02-16", "arti');
    const reopened = await NewsStore.open(dir);
    expect(reopened.recoveryNotes.map((n) => [path.basename(n.file), n.outcome])).toEqual([
      ['index.json', 'restored'],
      ['2024-02-16.json', 'restored'],
      ['summaries', 'restored'], // the .bak is one write older: "two" comes back from its body file
    ]);
    expect(reopened.recoveryNotes[2]!.message).toMatch(/1 article \("[^"]+"\) were recovered from their own files/);
    expect(reopened.getSummary(two.id)).not.toBeNull();
    expect(reopened.getSummary(id)?.saved).toBe(true);
    expect(reopened.getSource(source.id)).not.toBeNull();
    await reopened.close();
  });

  it('rewrites only the partitions a commit changed', async () => {
    const store = await NewsStore.open(dir);
    const old = await store.upsertArticle(input({ link: 'https://news.example/old', publishedAt: '2024-01-01T08:00:00Z' }));
    await store.upsertArticle(input({ link: 'https://news.example/new', publishedAt: '2024-02-16T08:00:00Z' }));
    const partitions = path.join(dir, 'summaries');
    expect((await fs.readdir(partitions)).filter((n) => n.endsWith('.json')).sort()).toEqual(['2024-01-01.json', '2024-02-16.json']);
    const before = (await fs.stat(path.join(partitions, '2024-01-01.json'))).mtimeMs;
    const headBefore = (await fs.stat(path.join(dir, 'index.json'))).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    await store.upsertArticle(input({ link: 'https://news.example/newer', publishedAt: '2024-02-16T09:00:00Z' }));
    expect((await fs.stat(path.join(partitions, '2024-01-01.json'))).mtimeMs).toBe(before);
    expect((await fs.stat(path.join(dir, 'index.json'))).mtimeMs).toBe(headBefore); // head unchanged
    // An article whose date changes moves to its new day; an emptied day is removed.
    await store.upsertArticle(input({ link: 'https://news.example/old', publishedAt: '2024-02-15T08:00:00Z' }));
    expect(store.getSummary(old.id)).not.toBeNull();
    expect((await fs.readdir(partitions)).filter((n) => n.endsWith('.json')).sort()).toEqual(['2024-02-15.json', '2024-02-16.json']);
    expect(store.listArticles().map((a) => a.url)).toEqual([
      'https://news.example/newer',
      'https://news.example/new',
      'https://news.example/old',
    ]);
    await store.close();
    const reopened = await NewsStore.open(dir);
    expect(reopened.articleCount()).toBe(3);
    await reopened.close();
  });

  it('refuses a data folder held by a live process and takes over a stale lock', async () => {
    const store = await NewsStore.open(dir);
    await expect(NewsStore.open(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(NewsStore.open(dir)).rejects.toThrow(/in use by another process \(pid \d+\)/);
    await store.close();

    // A lock left by a process that has exited.
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = child.pid!;
    await new Promise((resolve) => child.on('exit', resolve));
    await fs.writeFile(path.join(dir, '.lock'), JSON.stringify({ pid: deadPid, host: os.hostname(), startedAt: '' }));
    const takeover = await NewsStore.open(dir);
    expect(JSON.parse(await fs.readFile(path.join(dir, '.lock'), 'utf8')).pid).toBe(process.pid);
    await takeover.close();
    await expect(fs.access(path.join(dir, '.lock'))).rejects.toThrow();
  });

  it('refuses a store written by a newer schema, without touching it', async () => {
    const newer = JSON.stringify({ schemaVersion: 99, sources: {}, articles: {} });
    await fs.writeFile(path.join(dir, 'index.json'), newer);
    await expect(NewsStore.open(dir)).rejects.toThrow(/newer version of Offline News \(schema 99\)/);
    expect(await fs.readFile(path.join(dir, 'index.json'), 'utf8')).toBe(newer);
    await expect(fs.access(path.join(dir, '.lock'))).rejects.toThrow(); // lock released
  });

  it('writes the day an article moves to before the day it left (never in neither after a crash)', async () => {
    const renames: string[] = [];
    const recording = { ...fs, rename: async (from: string, to: string) => {
      if (!to.endsWith('.bak')) renames.push(path.basename(to));
      return fs.rename(from, to);
    } } as unknown as import('./durable-file').DurableFs;
    const store = await NewsStore.open(dir, { fs: recording });
    await store.upsertArticle(input({ link: 'https://news.example/stay', publishedAt: '2024-02-10T08:00:00Z' }));
    await store.upsertArticle(input({ link: 'https://news.example/move', publishedAt: '2024-02-10T09:00:00Z' }));
    renames.length = 0;
    await store.upsertArticle(input({ link: 'https://news.example/move', publishedAt: '2024-02-20T09:00:00Z' }));
    expect(renames.filter((n) => n.startsWith('2024-'))).toEqual(['2024-02-20.json', '2024-02-10.json']);
    await store.close();
  });

  it('opens progressively: the newest days first, older ones in the background', async () => {
    const store = await NewsStore.open(dir);
    const ids: string[] = [];
    for (let day = 1; day <= 9; day++) {
      const publishedAt = `2024-03-0${day}T08:00:00.000Z`;
      ids.push((await store.upsertArticle(input({ link: `https://news.example/d${day}`, publishedAt }))).id);
    }
    await store.close();
    const reopened = await NewsStore.open(dir, { progressive: 2 });
    expect(reopened.loaded).toBe(false);
    expect(reopened.listArticles({ limit: 2 }).map((a) => a.id)).toEqual([ids[8], ids[7]]);
    await reopened.whenAllRead(); // every summary read (the warm-up may still run)
    expect(reopened.allSummaries().map((s) => s.id).sort()).toEqual([...ids].sort());
    const saved = await reopened.setSaved(ids[0]!, true); // an old one: waits for the rest
    expect(saved.saved).toBe(true);
    expect(reopened.loaded).toBe(true);
    expect(reopened.articleCount()).toBe(9);
    await reopened.close();
  });

  it('recovers damaged and missing older days in the background read like on a full open', async () => {
    const store = await NewsStore.open(dir);
    const ids: string[] = [];
    for (let day = 1; day <= 6; day++) {
      const publishedAt = `2024-03-0${day}T08:00:00.000Z`;
      ids.push((await store.upsertArticle(input({ link: `https://news.example/d${day}`, publishedAt }))).id);
      // A second write of each day, so every partition has a .bak.
      await store.setRead(ids[day - 1]!, true);
    }
    await store.close();
    const summaries = path.join(dir, 'summaries');
    await fs.writeFile(path.join(summaries, '2024-03-01.json'), '{"partition": "2024-03-01", "arti');
    await fs.rm(path.join(summaries, '2024-03-02.json'));
    await fs.writeFile(path.join(summaries, '2024-03-03.json'), '{"partition": 3}');
    const reopened = await NewsStore.open(dir, { progressive: 1 });
    expect(reopened.loaded).toBe(false);
    await reopened.whenLoaded();
    expect(reopened.articleCount()).toBe(6);
    expect(reopened.listArticles().map((a) => a.id)).toEqual([...ids].reverse());
    expect(reopened.recoveryNotes.map((n) => [path.basename(n.file), n.outcome]).sort()).toEqual([
      ['2024-03-01.json', 'restored'],
      ['2024-03-02.json', 'restored'],
      ['2024-03-03.json', 'restored'],
    ]);
    await reopened.close();
  });

  it('keeps sections and counts right after read, saved and new articles (cached between changes)', async () => {
    const store = await NewsStore.open(dir);
    const a = (await store.upsertArticle(input({ link: 'https://news.example/a', publishedAt: '2024-03-01T08:00:00.000Z' }))).id;
    const b = (await store.upsertArticle(input({ link: 'https://news.example/b', publishedAt: '2024-03-02T08:00:00.000Z' }))).id;
    expect(store.listSections()).toEqual([{ key: 'News > World', path: ['News', 'World'], count: 2, unread: 2 }]);
    await store.setRead(a, true);
    expect(store.listSections()[0]!.unread).toBe(1);
    await store.setSaved(b, true);
    expect(store.listArticles().map((s) => s.id)).toEqual([b, a]); // the order stays
    expect(store.listArticles({ saved: true }).map((s) => s.id)).toEqual([b]);
    store.listSections()[0]!.path.push('mutated by a caller');
    const c = (await store.upsertArticle(input({ link: 'https://news.example/c', publishedAt: '2024-03-03T08:00:00.000Z', sectionPath: ['Sport'] }))).id;
    expect(store.listSections()).toEqual([
      { key: 'News > World', path: ['News', 'World'], count: 2, unread: 1 },
      { key: 'Sport', path: ['Sport'], count: 1, unread: 1 },
    ]);
    expect(store.listArticles().map((s) => s.id)).toEqual([c, b, a]);
    await store.markAllRead('Sport');
    expect(store.listSections()[1]!.unread).toBe(0);
    await store.close();
  });

  it('coalesces concurrent writes and keeps every acknowledged one', async () => {
    const store = await NewsStore.open(dir);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.upsertArticle(input({ link: `https://news.example/n${i}` }))),
    );
    await store.close();
    const reopened = await NewsStore.open(dir);
    for (const r of results) expect(reopened.getSummary(r.id)).not.toBeNull();
    await reopened.close();
  });
});
