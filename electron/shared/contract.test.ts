/**
 * The contract test: the channel table in contract.ts, the Electron IPC handlers (electron/main/ipc),
 * the preload bridge (electron/preload/bridge) and the browser host's HTTP + SSE routes
 * (electron/cli/browser-host) must agree exactly. Each side is driven with one valid argument per
 * method, and a recording service stands in for the core so the test sees which method each channel
 * reached. Adding a channel on one side only fails here.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewsService } from '../core/types';
import { channels, channelTables, eventChannels, eventNames, methodNames, type ArgOf, type NewsApi, type NewsEventName, type NewsMethod } from './contract';

vi.mock('electron', () => ({ ipcMain: { handle: () => undefined, removeHandler: () => undefined } }));

const { createIpcHandlers } = await import('../main/ipc');
const { createNewsBridge } = await import('../preload/bridge');
const { startBrowserHost } = await import('../cli/browser-host');

/** One valid argument per method; the type makes a new method without a sample a compile error. */
const sampleArgs: { [M in NewsMethod]: ArgOf<M> } = {
  getStatus: undefined,
  listSections: undefined,
  listArticles: { section: 'News > City', limit: 10 },
  countArticles: { section: 'News > City' },
  markAllRead: { section: 'News > City' },
  updateSource: { id: 'source-1', title: 'City desk', section: 'News > City' },
  cancelSync: undefined,
  search: { text: 'cafe', saved: true },
  exportSaved: { format: 'markdown' },
  getArticle: 'article-1',
  setSaved: { id: 'article-1', saved: true },
  setRead: { id: 'article-1', read: true },
  listSaved: undefined,
  listSources: undefined,
  addSource: { url: 'https://example.org/feed.xml' },
  removeSource: 'source-1',
  syncNow: undefined,
  openExternal: 'https://example.org/story',
  queueArticle: 'https://example.org/other-story',
  listQueue: undefined,
  getSettings: undefined,
  updateSettings: { keepDays: 14 },
  getStorageInfo: undefined,
  exportOpml: undefined,
  importOpml: '<opml version="2.0"><body><outline text="A" xmlUrl="https://example.org/feed.xml"/></body></opml>',
};

interface Call {
  method: string;
  arg: unknown;
}

/** A service whose API records which method was called with what; events can be emitted at will. */
function recordingService() {
  const calls: Call[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api = Object.fromEntries(
    methodNames.map((method) => [
      method,
      async (arg?: unknown) => {
        calls.push({ method, arg });
        return method === 'getStatus' ? { online: true } : [];
      },
    ]),
  ) as unknown as NewsApi;
  const service = {
    api,
    dataDir: '/nonexistent',
    photosDir: '/nonexistent/photos',
    on(event: NewsEventName, listener: (payload: unknown) => void) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)!.delete(listener);
    },
    emit(event: NewsEventName, payload: unknown) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    resolvePhoto: () => null,
    close: async () => undefined,
  };
  return { service, calls };
}

const tableChannels = Object.values(channels).sort();

describe('contract table', () => {
  it('has unique channel and event names', () => {
    expect(new Set(Object.values(channels)).size).toBe(methodNames.length);
    expect(new Set(Object.values(eventChannels)).size).toBe(eventNames.length);
  });
});

describe('Electron IPC handlers agree with the table', () => {
  it('register exactly the table channels, each reaching its own method', async () => {
    const { service, calls } = recordingService();
    const handlers = createIpcHandlers(service);
    expect([...handlers.keys()].sort()).toEqual(tableChannels);
    const appPage = { senderFrame: { url: 'app://reader/index.html', parent: null } };
    for (const method of methodNames) {
      calls.length = 0;
      await handlers.get(channels[method])!(appPage, sampleArgs[method]);
      expect(calls, channels[method]).toEqual([{ method, arg: sampleArgs[method] }]);
    }
  });
});

describe('preload bridge agrees with the table', () => {
  it('has one method per table channel (plus on) invoking that channel', async () => {
    const invoked: unknown[][] = [];
    const bridge = createNewsBridge(async (...args) => {
      invoked.push(args);
      return null;
    }, () => () => undefined, channelTables);
    expect(Object.keys(bridge).filter((k) => k !== 'on').sort()).toEqual([...methodNames].sort());
    for (const method of methodNames) {
      invoked.length = 0;
      await (bridge[method] as (arg?: unknown) => Promise<unknown>)(sampleArgs[method]);
      const expected = sampleArgs[method] === undefined ? [channels[method]] : [channels[method], sampleArgs[method]];
      expect(invoked, method).toEqual([expected]);
    }
  });

  it('subscribes to exactly the table event channels', () => {
    const subscribed: string[] = [];
    const bridge = createNewsBridge(async () => null, (channel) => {
      subscribed.push(channel);
      return () => undefined;
    }, channelTables);
    for (const name of eventNames) bridge.on(name, () => undefined);
    expect(subscribed.sort()).toEqual(Object.values(eventChannels).sort());
  });
});

describe('browser host agrees with the table', () => {
  let host: Awaited<ReturnType<typeof startBrowserHost>>;
  let rendererDir: string;
  const { service, calls } = recordingService();

  beforeAll(async () => {
    rendererDir = await mkdtemp(join(tmpdir(), 'contract-renderer-'));
    host = await startBrowserHost({ service: service as unknown as NewsService, rendererDir, port: 0 });
  });
  afterAll(async () => {
    await host?.close();
    await rm(rendererDir, { recursive: true, force: true });
  });

  const post = (channel: string, body: unknown) =>
    fetch(new URL(`/api/${channel}`, host.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-News-Token': host.token },
      body: JSON.stringify(body),
    });

  it('serves POST /api/<channel> for every table channel, each reaching its own method', async () => {
    for (const method of methodNames) {
      calls.length = 0;
      const body = sampleArgs[method] === undefined ? {} : { arg: sampleArgs[method] };
      const res = await post(channels[method], body);
      expect(res.status, channels[method]).toBe(200);
      expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
      expect(calls, channels[method]).toEqual([{ method, arg: sampleArgs[method] }]);
    }
  });

  it('has no route for a channel outside the table', async () => {
    calls.length = 0;
    for (const channel of ['news:delete-everything', 'getStatus', 'news:get-status-x']) {
      const res = await post(channel, {});
      expect(res.status, channel).toBe(404);
    }
    expect(calls).toEqual([]);
  });

  it('streams every table event under its event channel name', async () => {
    const controller = new AbortController();
    const res = await fetch(new URL('/api/events', host.url), { headers: { 'X-News-Token': host.token }, signal: controller.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    await reader.read(); // ": connected"
    for (const name of eventNames) service.emit(name, { probe: name });
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && eventNames.some((n) => !text.includes(`event: ${eventChannels[n]}\n`))) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    controller.abort();
    const streamed = [...text.matchAll(/^event: (.+)$/gm)].map((m) => m[1]);
    expect(streamed.sort()).toEqual(Object.values(eventChannels).sort());
    for (const name of eventNames) expect(text).toContain(`data: ${JSON.stringify({ probe: name })}`);
  });
});
