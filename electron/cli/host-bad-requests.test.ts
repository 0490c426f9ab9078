/**
 * The browser host under hostile and mistaken requests, table-driven over every contract channel
 * (electron/shared/bad-args.fixture.ts): missing, wrong-typed, unknown, empty, oversized and
 * path-like arguments never answer 500, and every refusal is one plain sentence. Unknown ids and
 * photos answer 404; damaged photo files are not served. A real service on a real data folder.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, methodNames, type NewsMethod } from '../shared/contract';
import { badCalls, plainMessageProblem, UNKNOWN_IDS } from '../shared/bad-args.fixture';
import { createNewsService, type CoreNewsService } from '../core/service';
import { startBrowserHost, type BrowserHost } from './browser-host';

const firstRunDir = path.resolve(import.meta.dirname, '../../assets/first-run');
let dir: string;
let rendererDir: string;
let service: CoreNewsService;
let host: BrowserHost;
let articleId: string;
let sourceId: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'host-bad-'));
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'host-bad-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Offline News</title>');
  service = await createNewsService({ dataDir: dir, firstRunDir });
  host = await startBrowserHost({ service, rendererDir });
  articleId = service.store.listArticles({})[0]!.id;
  sourceId = (await service.api.addSource({ url: 'http://127.0.0.1:9/known.xml' })).id;
});
afterAll(async () => {
  await host.close();
  await service.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  body: string;
}

function request(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: pathname, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = () => ({ Cookie: `news_token_${host.port}=${host.token}` });

function post(method: NewsMethod, body: string): Promise<Reply> {
  return request(`/api/${channels[method]}`, { method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json' }, body });
}
const call = (method: NewsMethod, arg: unknown) => post(method, JSON.stringify(arg === undefined ? {} : { arg }));

function errorOf(reply: Reply): unknown {
  try {
    return (JSON.parse(reply.body) as { error?: unknown }).error;
  } catch {
    return reply.body;
  }
}

describe('browser host: bad requests to every channel', () => {
  it('answers 2xx or 4xx, never 5xx, with a plain message, for every bad argument of every channel', async () => {
    // Mutating calls with a good id stay last, so the known article and source exist until then.
    const order = [...methodNames].sort((a, b) => Number(a === 'removeSource') - Number(b === 'removeSource'));
    const calls = badCalls({ articleId, sourceId }, order);
    expect(new Set(calls.map((c) => c.method))).toEqual(new Set(methodNames));
    const problems: string[] = [];
    for (const { method, label, arg } of calls) {
      const reply = await call(method, arg);
      const where = `${method} (${label}) -> ${reply.status}`;
      if (reply.status >= 500) problems.push(`${where}: ${reply.body.slice(0, 200)}`);
      if (reply.status >= 400) {
        const problem = plainMessageProblem(errorOf(reply));
        if (problem) problems.push(`${where}: ${problem}: ${String(errorOf(reply)).slice(0, 200)}`);
      }
    }
    expect(problems).toEqual([]);
    expect((await call('getStatus', undefined)).status).toBe(200); // still up
  }, 120_000);

  it('answers 400 for malformed bodies on every channel', async () => {
    for (const method of methodNames) {
      for (const body of ['not json', '[]', '"arg"', '{"arg":1,"extra":2}', '{"arg":']) {
        const reply = await post(method, body);
        expect(reply.status, `${method} ${body}`).toBe(400);
        expect(plainMessageProblem(errorOf(reply)), `${method} ${body}`).toBeNull();
      }
    }
  });

  it('answers 404 for ids that name nothing, 400 for an empty or over-long id', async () => {
    const byId: Record<string, (id: string) => [NewsMethod, unknown]> = {
      setSaved: (id) => ['setSaved', { id, saved: true }],
      setRead: (id) => ['setRead', { id, read: false }],
      removeSource: (id) => ['removeSource', id],
      updateSource: (id) => ['updateSource', { id, title: 'Renamed' }],
    };
    for (const [name, make] of Object.entries(byId)) {
      for (const [label, id] of Object.entries(UNKNOWN_IDS)) {
        const reply = await call(...make(id));
        expect(reply.status, `${name} ${label}`).toBe(404);
        expect(errorOf(reply), `${name} ${label}`).toMatch(/^No (article|source) with id ".*" (is stored|exists)\.$/);
      }
      const empty = await call(...make(''));
      expect(empty.status, `${name} empty id`).toBe(400);
      expect(errorOf(empty)).toMatch(/empty id/);
      expect((await call(...make('x'.repeat(201)))).status, `${name} 201 characters`).toBe(400);
    }
    // getArticle answers null for an id that names nothing (the contract's "not stored").
    const missing = await call('getArticle', '../..');
    expect(missing.status).toBe(200);
    expect(JSON.parse(missing.body)).toEqual({ ok: true, result: null });
    expect(fs.readdirSync(dir)).not.toContain('..'); // nothing created outside
  });

  it('answers 404 for unknown photos and 403 for names that are not plain file names', async () => {
    const photo = (name: string) => request(`/photos/${name}`, { headers: auth() });
    expect((await photo(`${'a'.repeat(64)}.jpg`)).status).toBe(404);
    expect((await photo('unknown.jpg')).status).toBe(404);
    for (const evil of ['..%2f..%2findex.json', '%2e%2e%2fsecret.txt', '.hidden', 'a%00b.jpg', 'a%2fb.jpg', '%E0%A4%A']) {
      expect((await photo(evil)).status, evil).toBe(403);
    }
  });

  it('does not serve a damaged photo file: 404, and the file is removed so the next sync stores it again', async () => {
    const [first] = service.store.listArticles({ section: 'Guide' });
    const name = first!.thumbnail!;
    const file = path.join(service.photosDir, name);
    const good = fs.readFileSync(file);
    expect((await request(`/photos/${name}`, { headers: auth() })).status).toBe(200);
    // Same size, one byte flipped in the middle: only the content hash can tell.
    const damaged = Buffer.from(good);
    damaged[damaged.length >> 1] = damaged[damaged.length >> 1]! ^ 0xff;
    fs.writeFileSync(file, damaged);
    const reply = await request(`/photos/${name}`, { headers: auth() });
    expect(reply.status).toBe(404);
    expect(reply.body).toMatch(/damaged on disk; it is fetched again on the next sync/);
    expect(fs.existsSync(file)).toBe(false);
    fs.writeFileSync(file, good); // as the next sync would
    expect((await request(`/photos/${name}`, { headers: auth() })).status).toBe(200);
  });
});
