/**
 * IPC handler table test: sender check, argument validation and dispatch. The core is replaced by
 * a recorder so the test can prove it is never called for a refused message.
 */
import { describe, expect, it, vi } from 'vitest';
import { channels, methodNames, type NewsApi } from '../shared/contract';

const registered = vi.hoisted(() => new Map<string, unknown>());
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: unknown) => {
      if (registered.has(channel)) throw new Error(`second handler for ${channel}`);
      registered.set(channel, handler);
    },
    removeHandler: (channel: string) => registered.delete(channel),
  },
}));

const { createIpcHandlers, isAppSender, registerIpcHandlers } = await import('./ipc');

function recordingService() {
  const calls: { method: string; arg: unknown }[] = [];
  const api = Object.fromEntries(
    methodNames.map((method) => [method, async (arg?: unknown) => {
      calls.push({ method, arg });
      return { method };
    }]),
  ) as unknown as NewsApi;
  return { service: { api }, calls };
}

const appPage = { senderFrame: { url: 'app://reader/index.html#/article/abc', parent: null } };

describe('isAppSender', () => {
  it.each([
    ['app page', appPage, true],
    ['app root', { senderFrame: { url: 'app://reader/', parent: null } }, true],
    ['no frame (destroyed)', { senderFrame: null }, false],
    ['sub frame of the app', { senderFrame: { url: 'app://reader/index.html', parent: {} } }, false],
    ['web page', { senderFrame: { url: 'https://evil.example/', parent: null } }, false],
    ['other app host', { senderFrame: { url: 'app://evil/index.html', parent: null } }, false],
    ['file page', { senderFrame: { url: 'file:///tmp/index.html', parent: null } }, false],
    ['data page', { senderFrame: { url: 'data:text/html,hi', parent: null } }, false],
    ['about:blank', { senderFrame: { url: 'about:blank', parent: null } }, false],
    ['loopback browser host', { senderFrame: { url: 'http://127.0.0.1:5173/', parent: null } }, false],
  ])('%s -> %s', (_name, event, expected) => {
    expect(isAppSender(event as never)).toBe(expected);
  });
});

describe('IPC handlers', () => {
  it('has one handler per contract channel', () => {
    const { service } = recordingService();
    expect([...createIpcHandlers(service).keys()].sort()).toEqual(Object.values(channels).sort());
  });

  it('passes a valid call from the app page through to the core', async () => {
    const { service, calls } = recordingService();
    const handlers = createIpcHandlers(service);
    await expect(handlers.get(channels.getArticle)!(appPage, 'abc')).resolves.toEqual({ method: 'getArticle' });
    await handlers.get(channels.setSaved)!(appPage, { id: 'abc', saved: true });
    await handlers.get(channels.listSections)!(appPage);
    expect(calls).toEqual([
      { method: 'getArticle', arg: 'abc' },
      { method: 'setSaved', arg: { id: 'abc', saved: true } },
      { method: 'listSections', arg: undefined },
    ]);
  });

  const refused: [string, string, unknown, object, RegExp][] = [
    ['foreign sender', channels.getArticle, 'abc', { senderFrame: { url: 'https://evil.example/', parent: null } }, /not the app page/],
    ['no sender frame', channels.listSections, undefined, { senderFrame: null }, /not the app page/],
    ['number for an id', channels.getArticle, 42, appPage, /expected a string/],
    ['50 MB string', channels.getArticle, 'x'.repeat(50 * 1024 * 1024), appPage, /larger than/],
    ['missing field', channels.setSaved, { id: 'abc' }, appPage, /missing field "saved"/],
    ['extra field', channels.setSaved, { id: 'abc', saved: true, admin: true }, appPage, /unknown field/],
    ['string for a boolean', channels.setRead, { id: 'abc', read: 'yes' }, appPage, /expected a boolean/],
    ['argument where none is taken', channels.syncNow, { force: true }, appPage, /expected no argument/],
    ['file: source', channels.addSource, { url: 'file:///etc/passwd' }, appPage, /scheme|http/],
    ['javascript: link', channels.openExternal, 'javascript:alert(1)', appPage, /scheme/],
    ['array for an object', channels.listArticles, ['x'], appPage, /expected an object/],
  ];

  it.each(refused)('refuses %s before the core sees it', async (_name, channel, arg, event, message) => {
    const { service, calls } = recordingService();
    const handler = createIpcHandlers(service).get(channel)!;
    await expect(handler(event as never, arg)).rejects.toThrow(message);
    expect(calls).toEqual([]);
  });

  it('registers every channel with ipcMain and removes them again; unknown channels have no handler', () => {
    const { service } = recordingService();
    registered.clear();
    const unregister = registerIpcHandlers(service);
    expect([...registered.keys()].sort()).toEqual(Object.values(channels).sort());
    expect(registered.has('news:delete-everything')).toBe(false);
    unregister();
    expect(registered.size).toBe(0);
  });

  it('IPC from the dev server is accepted only in dev and only from its exact origin', () => {
    const from = (url: string) => ({ senderFrame: { url, parent: null } });
    expect(isAppSender(from('http://localhost:5173/index.html'))).toBe(false);
    expect(isAppSender(from('http://localhost:5173/index.html'), 'http://localhost:5173')).toBe(true);
    expect(isAppSender(from('http://localhost:5174/index.html'), 'http://localhost:5173')).toBe(false);
    expect(isAppSender(from('app://reader/index.html'), 'http://localhost:5173')).toBe(true);
  });
});
