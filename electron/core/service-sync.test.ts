// The service's sync parts: the scheduler (start-up sync, nextSyncAt, the refresh setting),
// connectivity polling and the sync on reconnect, backoff honoured by scheduled runs only,
// cancelSync, and updateSource moving a source's articles. Real fixture server, real files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixtureArticles, startNewsServer, type NewsServer } from '../../e2e/fixtures/news-server';
import type { NewsEvents } from '../shared/contract';
import type { SyncSummary } from '../shared/models';
import { createNewsService, type CoreNewsService } from './service';
import type { NewsServiceOptions } from './types';

let server: NewsServer;
let dir: string;
let service: CoreNewsService | null = null;

beforeAll(async () => {
  server = await startNewsServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'service-sync-'));
});
afterEach(async () => {
  await service?.close();
  service = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function open(extra: Partial<NewsServiceOptions> = {}): Promise<CoreNewsService> {
  await service?.close();
  service = await createNewsService({ dataDir: dir, retry: { baseDelayMs: 1 }, ...extra });
  return service;
}

function next<E extends keyof NewsEvents>(s: CoreNewsService, event: E, match: (p: NewsEvents[E]) => boolean = () => true): Promise<NewsEvents[E]> {
  return new Promise((resolve) => {
    const off = s.on(event, (payload) => {
      if (!match(payload)) return;
      off();
      resolve(payload);
    });
  });
}

describe('scheduled syncs', () => {
  it('sync shortly after start when there are sources, then show the next time; the setting re-arms it', async () => {
    let s = await open();
    await s.api.addSource({ url: `${server.url}/feeds/news.rss` });
    expect((await s.api.getStatus()).nextSyncAt).toBeNull(); // not scheduling

    s = await open({ schedule: { startDelayMs: 10 } });
    const finished = await next(s, 'sync:finished');
    expect(finished.ok).toBe(true);
    expect((await s.api.listArticles({})).length).toBe(fixtureArticles.filter((a) => a.feed === 'rss').length);
    await vi.waitFor(async () => expect((await s.api.getStatus()).nextSyncAt).not.toBeNull());
    const status = await s.api.getStatus();
    const inMinutes = (Date.parse(status.nextSyncAt!) - Date.parse(status.lastSyncAt!)) / 60_000;
    expect(Math.round(inMinutes)).toBe(30);

    await s.api.updateSettings({ refreshMinutes: 5 });
    const after = await s.api.getStatus();
    expect(Math.round((Date.parse(after.nextSyncAt!) - Date.parse(after.lastSyncAt!)) / 60_000)).toBe(5);
    await s.api.updateSettings({ refreshMinutes: 0 });
    expect((await s.api.getStatus()).nextSyncAt).toBeNull();
  });

  it('scheduled runs skip a backed-off source; "Sync now" tries it', async () => {
    let s = await open();
    await s.api.addSource({ url: `${server.url}/feeds/news.rss` });
    const bad = await s.api.addSource({ url: `${server.url}/feeds/gone.rss`, title: 'Gone' });
    const manual = await s.api.syncNow();
    expect(manual.sources.find((r) => r.sourceId === bad.id)!.error).toBe('HTTP 404 Not Found');
    const listed = (await s.api.listSources()).find((x) => x.id === bad.id)!;
    expect(listed).toMatchObject({ consecutiveFailures: 1, lastError: 'HTTP 404 Not Found' });
    expect(listed.retryAfter).not.toBeNull();

    s = await open({ schedule: { startDelayMs: 10 } });
    const scheduled: SyncSummary = await next(s, 'sync:finished');
    expect(scheduled.sources.find((r) => r.sourceId === bad.id)!.error).toMatch(/^Backed off after 1 failure until \d\d:\d\d: HTTP 404 Not Found$/);
    expect(scheduled.sources.find((r) => r.sourceId === bad.id)!.outcome).toMatchObject({ kind: 'backed-off', failures: 1 });
    expect(scheduled.sources.find((r) => r.sourceId !== bad.id)!.ok).toBe(true);
    expect((await s.api.listSources()).find((x) => x.id === bad.id)!.consecutiveFailures).toBe(1);

    const again = await s.api.syncNow();
    expect(again.sources.find((r) => r.sourceId === bad.id)!.error).toBe('HTTP 404 Not Found');
    expect((await s.api.listSources()).find((x) => x.id === bad.id)!.consecutiveFailures).toBe(2);
  });

  it('"Sync now" pressed during a scheduled run also tries the sources that run skipped', async () => {
    let s = await open();
    await s.api.addSource({ url: `${server.url}/feeds/news.rss` });
    const bad = await s.api.addSource({ url: `${server.url}/feeds/gone.rss`, title: 'Gone' });
    await s.api.syncNow();
    s = await open({ schedule: { startDelayMs: 10 } });
    const pressed = new Promise<SyncSummary>((resolve) => {
      const off = s.on('sync:progress', () => {
        off();
        resolve(s.api.syncNow()); // while the scheduled run is under way
      });
    });
    const summary = await pressed;
    expect(summary.sources).toHaveLength(2);
    expect(summary.sources.find((r) => r.sourceId === bad.id)!.error).toBe('HTTP 404 Not Found');
    expect(summary.sources.find((r) => r.sourceId !== bad.id)!.ok).toBe(true);
    expect((await s.api.listSources()).find((x) => x.id === bad.id)!.consecutiveFailures).toBe(2);
  });
});

describe('connectivity', () => {
  it('polls the probe, emits every change, and syncs when it comes back', async () => {
    let online = true;
    const s = await open({ isOnline: () => online, connectivityPollMs: 20, schedule: { startDelayMs: 60 * 60_000 } });
    await s.api.addSource({ url: `${server.url}/feeds/news.rss` });
    expect((await s.api.getStatus()).online).toBe(true);
    const wentOffline = next(s, 'connectivity');
    online = false;
    expect(await wentOffline).toEqual({ online: false });
    expect((await s.api.getStatus()).online).toBe(false);

    const cameBack = next(s, 'connectivity');
    const synced = next(s, 'sync:finished');
    online = true;
    expect(await cameBack).toEqual({ online: true });
    expect((await synced).ok).toBe(true);
  });

  it('trustLastSync: a sync that reached no host reads as offline until one does', async () => {
    const s = await open({ isOnline: () => true, trustLastSync: true, connectivityPollMs: 0 });
    const gone = await startNewsServer();
    const url = `${gone.url}/feeds/news.rss`;
    await gone.close();
    const source = await s.api.addSource({ url });
    const offline = next(s, 'connectivity');
    await s.api.syncNow();
    expect(await offline).toEqual({ online: false });
    expect((await s.api.getStatus()).online).toBe(false);
    await s.api.removeSource(source.id);
    await s.api.addSource({ url: `${server.url}/feeds/news.rss` });
    const online = next(s, 'connectivity');
    await s.api.syncNow();
    expect(await online).toEqual({ online: true });
  });
});

describe('cancelSync', () => {
  it('stops a running sync (sources "Cancelled"), and the next sync works', async () => {
    const s = await open();
    await s.api.addSource({ url: `${server.url}/feeds/news.rss` });
    await s.api.addSource({ url: `${server.url}/feeds/world.atom` });
    expect(await s.api.cancelSync()).toBe(false);
    const started = next(s, 'sync:progress', (p) => p.phase === 'fetching');
    const running = s.api.syncNow();
    await started;
    expect(await s.api.cancelSync()).toBe(true);
    const summary = await running;
    expect(summary.ok).toBe(false);
    expect(summary.sources.some((r) => r.error === 'Cancelled')).toBe(true);
    expect(summary.sources.filter((r) => r.error === 'Cancelled').every((r) => r.outcome.kind === 'cancelled')).toBe(true);
    const full = await s.api.syncNow();
    expect(full.ok).toBe(true);
    expect(await s.api.countArticles({})).toBe(fixtureArticles.length);
  });
});

describe('updateSource', () => {
  it('renames, moves the articles to a section and back', async () => {
    const s = await open();
    const source = await s.api.addSource({ url: `${server.url}/feeds/news.rss` });
    await s.api.syncNow();
    const moved = await s.api.updateSource({ id: source.id, title: 'Local paper', section: 'Local › Papers' });
    expect(moved).toMatchObject({ title: 'Local paper', section: ['Local', 'Papers'] });
    expect((await s.api.listSections()).map((x) => x.key)).toEqual(['Local > Papers']);
    await s.api.updateSource({ id: source.id, section: null });
    const keys = (await s.api.listSections()).map((x) => x.key);
    expect(keys).not.toContain('Local > Papers');
    const expected = new Set(fixtureArticles.filter((a) => a.feed === 'rss').map((a) => a.sectionPath.join(' > ')));
    for (const key of expected) expect(keys).toContain(key);
    await expect(s.api.updateSource({ id: source.id, title: '  ' })).rejects.toThrow(/title/);
  });
});
