import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, eventChannels, methodNames, type NewsMethod } from '../shared/contract';
import { createNewsService, type CoreNewsService } from '../core/service';
import { CONTENT_SECURITY_POLICY, startBrowserHost, type BrowserHost } from './browser-host';

const firstRunDir = path.resolve(import.meta.dirname, '../../assets/first-run');
let dir: string;
let rendererDir: string;
let service: CoreNewsService;
let host: BrowserHost;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'host-data-'));
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'host-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Offline News</title><script src="/assets/app.js"></script>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  service = await createNewsService({ dataDir: dir, firstRunDir });
  host = await startBrowserHost({ service, rendererDir });
});
afterAll(async () => {
  await host.close();
  await service.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw request (fetch would normalise ../ in paths and refuse a custom Host). */
function request(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, path: pathname, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const cookie = () => `news_token_${host.port}=${host.token}`;

function call(method: NewsMethod, arg?: unknown, headers: Record<string, string> = { Cookie: cookie() }) {
  return request(`/api/${channels[method]}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(arg === undefined ? {} : { arg }),
  });
}

describe('startBrowserHost', () => {
  it('prints a 127.0.0.1 URL with the token, and exchanges the token for a cookie named by the port', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    const login = await request(`/?token=${host.token}`);
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/'); // the token leaves the address bar
    expect(login.headers['set-cookie']?.[0]).toBe(`news_token_${host.port}=${host.token}; HttpOnly; SameSite=Strict; Path=/`);
    expect(login.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await request(`/saved?x=1&token=${host.token}`)).headers.location).toBe('/saved?x=1');
    const page = await request('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await request('/?token=wrong')).status).toBe(403);
  });

  it('refuses the API and photos without the token', async () => {
    expect((await call('getStatus', undefined, {})).status).toBe(403);
    expect((await call('getStatus', undefined, { Cookie: `news_token_${host.port}=nope` })).status).toBe(403);
    // The right token under another port's (or the old, port-less) cookie name is not this host's login.
    expect((await call('getStatus', undefined, { Cookie: `news_token_${host.port + 1}=${host.token}` })).status).toBe(403);
    expect((await call('getStatus', undefined, { Cookie: `news_token=${host.token}` })).status).toBe(403);
    expect((await call('getStatus', undefined, { 'X-News-Token': host.token })).status).toBe(200);
    expect((await request('/api/events')).status).toBe(403);
  });

  it('answers every channel', async () => {
    const articles = JSON.parse((await call('listArticles', {})).body).result as { id: string }[];
    const id = articles[0]!.id;
    const args: Record<NewsMethod, unknown> = {
      getStatus: undefined,
      listSections: undefined,
      listArticles: { section: 'Guide' },
      countArticles: { section: 'Guide' },
      markAllRead: {},
      updateSource: { id: 'placeholder', title: 'Renamed' },
      cancelSync: undefined,
      search: { text: 'guide' },
      exportSaved: { format: 'html' },
      getArticle: id,
      setSaved: { id, saved: true },
      setRead: { id, read: true },
      listSaved: undefined,
      listSources: undefined,
      addSource: { url: 'http://127.0.0.1:9/feed.xml' },
      removeSource: 'placeholder',
      syncNow: undefined,
      openExternal: 'https://example.org/',
      queueArticle: 'https://example.org/story',
      listQueue: undefined,
      getSettings: undefined,
      updateSettings: { keepDays: 30 },
      getStorageInfo: undefined,
      exportOpml: undefined,
      importOpml: '<opml version="2.0"><body><outline text="A" xmlUrl="http://127.0.0.1:9/opml-feed.xml"/></body></opml>',
    };
    for (const method of methodNames) {
      if (method === 'removeSource' || method === 'updateSource') {
        const sources = JSON.parse((await call('listSources')).body).result as { id: string }[];
        if (method === 'removeSource') args.removeSource = sources[0]!.id;
        else args.updateSource = { id: sources[0]!.id, title: 'Renamed' };
      }
      const reply = await call(method, args[method]);
      expect(reply.status, `${method}: ${reply.body}`).toBe(200);
      expect(JSON.parse(reply.body).ok).toBe(true);
    }
    const saved = JSON.parse((await call('listSaved')).body).result as { id: string }[];
    expect(saved.map((a) => a.id)).toEqual([id]);
  });

  it('rejects bad arguments, unknown channels and wrong content types', async () => {
    const bad = await call('setSaved', { id: 'x', saved: 'yes' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({ ok: false, error: expect.stringMatching(/saved: expected a boolean/) });
    expect((await call('openExternal', 'javascript:alert(1)')).status).toBe(400);
    expect((await request('/api/news:nope', { method: 'POST', headers: { Cookie: cookie(), 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(404);
    expect((await request(`/api/${channels.getStatus}`, { method: 'POST', headers: { Cookie: cookie(), 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415);
    const huge = await call('getArticle', 'x'.repeat(70_000));
    expect([400, 413]).toContain(huge.status);
  });

  it('lets importOpml carry a document over 64 KiB (its own 2 MiB cap), non-ASCII included, and no more', async () => {
    const outlines = Array.from({ length: 800 }, (_, i) => `<outline text="Zeitung für Nachrichten ${i} – Überblick" xmlUrl="http://127.0.0.1:9/feed-${i}.xml"/>`);
    const xml = `<opml version="2.0"><body>${outlines.join('\n')}</body></opml>`;
    expect(Buffer.byteLength(xml)).toBeGreaterThan(64 * 1024);
    const reply = await call('importOpml', xml);
    expect(reply.status, reply.body).toBe(200);
    expect(JSON.parse(reply.body).result).toEqual({ added: 800, skipped: 0, errors: [] });
    expect([400, 413]).toContain((await call('importOpml', 'ü'.repeat(2 * 1024 * 1024 + 1))).status);
    expect([400, 413]).toContain((await call('queueArticle', `https://example.org/${'x'.repeat(100_000)}`)).status);
  });

  it('serves cached photos and refuses traversal', async () => {
    const [first] = JSON.parse((await call('listArticles', { section: 'Guide' })).body).result as { thumbnail: string }[];
    const photo = await request(`/photos/${first!.thumbnail}`, { headers: { Cookie: cookie() } });
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect((await request(`/photos/${first!.thumbnail}`)).status).toBe(403);
    for (const evil of ['../index.json', '..%2f..%2fsecret.txt', '%2e%2e%2fsecret.txt', '..%2f..%2f.ssh%2fid_rsa', 'CON', `${'a'.repeat(64)}.jpg`]) {
      const reply = await request(`/photos/${evil}`, { headers: { Cookie: cookie() } });
      expect([403, 404], evil).toContain(reply.status);
      expect(reply.body).not.toContain('secret');
    }
    expect((await request('/photos/..%2f..%2fsecret.txt', { headers: { Cookie: cookie() } })).status).toBe(403);
  });

  it('serves the renderer with an SPA fallback and refuses paths outside it', async () => {
    expect((await request('/assets/app.js')).headers['content-type']).toMatch(/javascript/);
    expect((await request('/saved')).body).toContain('<title>Offline News</title>');
    expect((await request('/assets/missing.js')).status).toBe(404);
    expect([400, 403, 404]).toContain((await request('/..%2f..%2fetc%2fpasswd')).status);
    expect((await request('/', { headers: { Host: 'evil.example' } })).status).toBe(403);
  });

  it('streams events over SSE', async () => {
    const [first] = JSON.parse((await call('listArticles', {})).body).result as { id: string; saved: boolean }[];
    const received = await new Promise<string>((resolve, reject) => {
      let triggered = false;
      const req = http.get({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: { Cookie: cookie() } }, (res) => {
        expect(res.headers['content-type']).toMatch(/text\/event-stream/);
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
          if (!triggered && text.includes(': connected')) {
            triggered = true;
            void call('setSaved', { id: first!.id, saved: !first!.saved });
          }
          if (text.includes(eventChannels['store:changed'])) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', reject);
    });
    expect(received).toMatch(/event: news:event:store-changed\ndata: \{"reason":"(saved|unsaved)"\}/);
  });
});
