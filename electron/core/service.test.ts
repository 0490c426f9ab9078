import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startNewsServer, type NewsServer } from '../../e2e/fixtures/news-server';
import { methodNames, type NewsEvents } from '../shared/contract';
import { createNewsService, type CoreNewsService } from './service';

const firstRunDir = path.resolve(import.meta.dirname, '../../assets/first-run');
let server: NewsServer;
let dir: string;
let service: CoreNewsService;
const opened: string[] = [];

beforeAll(async () => {
  server = await startNewsServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'service-'));
  opened.length = 0;
  service = await createNewsService({ dataDir: dir, firstRunDir, openExternal: (url) => void opened.push(url) });
});
afterEach(async () => {
  await service.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('createNewsService', () => {
  it('tells the user through getStatus when a damaged index was restored from its backup', async () => {
    const [first] = await service.api.listArticles({});
    await service.api.setSaved({ id: first!.id, saved: true });
    await service.close();
    const index = path.join(dir, 'index.json');
    expect(fs.existsSync(`${index}.bak`)).toBe(true);
    fs.writeFileSync(index, Buffer.alloc(4096)); // a power cut can leave a file full of NUL bytes
    service = await createNewsService({ dataDir: dir, firstRunDir });
    const status = await service.api.getStatus();
    expect(status.recoveryNotes.length).toBeGreaterThan(0);
    expect(status.recoveryNotes.join(' ')).toMatch(/index\.json/);
    expect((await service.api.listSaved()).map((a) => a.id)).toContain(first!.id);
  });

  it('implements every method of the contract', () => {
    for (const method of methodNames) expect(typeof service.api[method], method).toBe('function');
  });

  it('seeds a new data folder with the first-run edition, photos included', async () => {
    expect(service.seededArticles).toBeGreaterThanOrEqual(3);
    const sections = await service.api.listSections();
    expect(sections.map((s) => s.key)).toEqual(expect.arrayContaining(['Guide > Getting started', 'Guide > Tips']));
    const [first] = await service.api.listArticles({ section: 'Guide' });
    const article = (await service.api.getArticle(first!.id))!;
    expect(article.photo?.credit).toBe('Offline News');
    expect(article.photo?.caption).not.toBe('');
    expect(article.bodyText.length).toBeGreaterThan(100);
    const file = service.resolvePhoto(article.photo!.file!);
    expect(file && fs.existsSync(file)).toBe(true);
    expect(service.resolvePhoto('../index.json')).toBeNull();
    expect((await service.api.getStatus()).articleCount).toBe(service.seededArticles);
  });

  it('does not seed again once the folder has a store', async () => {
    const [first] = await service.api.listArticles({});
    await service.api.setSaved({ id: first!.id, saved: true });
    await service.close();
    service = await createNewsService({ dataDir: dir, firstRunDir });
    expect(service.seededArticles).toBe(0);
    expect((await service.api.listSaved()).map((a) => a.id)).toEqual([first!.id]);
  });

  it('saves, reads, and tells listeners the store changed', async () => {
    const changes: NewsEvents['store:changed'][] = [];
    service.on('store:changed', (e) => changes.push(e));
    const [first] = await service.api.listArticles({ limit: 1 });
    const saved = await service.api.setSaved({ id: first!.id, saved: true });
    expect(saved.saved).toBe(true);
    expect((await service.api.setRead({ id: first!.id, read: true })).read).toBe(true);
    expect(changes.length).toBeGreaterThanOrEqual(1);
    expect(await service.api.getArticle('nope')).toBeNull();
    await expect(service.api.setSaved({ id: 'nope', saved: true })).rejects.toThrow(/No article/);
  });

  it('adds a source, syncs it with progress events, and removes it', async () => {
    const progress: NewsEvents['sync:progress'][] = [];
    const finished: NewsEvents['sync:finished'][] = [];
    service.on('sync:progress', (p) => progress.push(p));
    service.on('sync:finished', (s) => finished.push(s));
    const source = await service.api.addSource({ url: `${server.url}/feeds/news.rss` });
    expect((await service.api.addSource({ url: `${server.url}/feeds/news.rss` })).id).toBe(source.id);
    const [summary, concurrent] = await Promise.all([service.api.syncNow(), service.api.syncNow()]);
    expect(concurrent).toBe(summary);
    expect(summary.ok).toBe(true);
    expect(progress.at(-1)?.phase).toBe('done');
    expect(finished).toHaveLength(1);
    const sources = await service.api.listSources();
    expect(sources[0]!.articleCount).toBeGreaterThan(0);
    expect(sources[0]!.title).toContain('Westmere');
    expect((await service.api.getStatus()).online).toBe(true);
    await service.api.removeSource(source.id);
    expect(await service.api.listSources()).toEqual([]);
  });

  it('keeps the chosen notification sections (off by default) and lists what a sync added', async () => {
    expect((await service.api.getSettings()).notifySections).toEqual([]);
    const saved = await service.api.updateSettings({ notifySections: ['News', 'Guide > Tips'] });
    expect(saved.notifySections).toEqual(['News', 'Guide > Tips']);
    expect(saved.keepDays).toBe(30);
    await service.close();
    service = await createNewsService({ dataDir: dir, firstRunDir });
    expect((await service.api.getSettings()).notifySections).toEqual(['News', 'Guide > Tips']);
    await expect(service.api.updateSettings({ notifySections: 'News' as unknown as string[] })).rejects.toThrow(/notifySections/);

    const finished: NewsEvents['sync:finished'][] = [];
    service.on('sync:finished', (s) => finished.push(s));
    await service.api.addSource({ url: `${server.url}/feeds/news.rss` });
    const summary = await service.api.syncNow();
    const added = summary.sources.reduce((n, s) => n + s.added, 0);
    expect(added).toBeGreaterThan(0);
    expect(summary.newArticles).toHaveLength(added);
    expect(finished[0]!.newArticles).toEqual(summary.newArticles);
    expect(summary.newArticles![0]).toEqual({ id: expect.any(String), title: expect.any(String), sectionPath: expect.any(Array) });
    const again = await service.api.syncNow(); // nothing new the second time
    expect(again.newArticles ?? []).toEqual([]);
  });

  it('reports offline after a sync that reached no host', async () => {
    const events: boolean[] = [];
    service.on('connectivity', (e) => events.push(e.online));
    await service.api.addSource({ url: 'http://127.0.0.1:9/feed.xml' });
    const summary = await service.api.syncNow();
    expect(summary.ok).toBe(false);
    expect((await service.api.getStatus()).online).toBe(false);
    expect(events).toEqual([false]);
  });

  it('reads and changes retention settings and reports the disk used', async () => {
    expect(await service.api.getSettings()).toMatchObject({ keepDays: 30, maxPerSource: 500, keepNewest: 20 });
    expect(await service.api.updateSettings({ keepDays: 7 })).toMatchObject({ keepDays: 7, maxPerSource: 500, keepNewest: 20 });
    const info = await service.api.getStorageInfo();
    expect(info.articles).toBe(service.seededArticles); // the first-run edition is fresh: nothing pruned
    expect(info.photos).toBeGreaterThan(0);
    expect(info.totalBytes).toBe(info.indexBytes + info.searchBytes + info.summariesBytes + info.bodiesBytes + info.photosBytes);
    await expect(service.api.updateSettings({ keepDays: 0 })).rejects.toThrow(/keepDays/);
  });

  it('opens only http, https and mailto links', async () => {
    expect(await service.api.openExternal('https://example.org/a')).toBe(true);
    expect(await service.api.openExternal('mailto:desk@example.org')).toBe(true);
    // A page's mailto: reaches the mail client as address and subject only (no attach=, body=, cc=).
    expect(await service.api.openExternal('mailto:desk@example.org?subject=Tip&attach=/etc/passwd&body=x&cc=spy@example.net')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'ms-msdt:x', 'not a url', 'mailto:?attach=/etc/passwd']) {
      expect(await service.api.openExternal(bad), bad).toBe(false);
    }
    expect(opened).toEqual(['https://example.org/a', 'mailto:desk@example.org', 'mailto:desk@example.org?subject=Tip']);
  });
});
