import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../../electron/shared/contract';
import { createHttpBridge } from './httpBridge';

interface Seen {
  method: string;
  url: string;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

let server: Server;
let base: string;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', body, headers: req.headers });
      res.setHeader('Content-Type', 'application/json');
      if (req.url === `/api/${channels.getArticle}`) {
        res.statusCode = 400;
        res.end(JSON.stringify({ ok: false, error: 'Invalid argument for getArticle: expected a string' }));
      } else if (req.url === `/api/${channels.removeSource}`) {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'text/plain');
        res.end('boom');
      } else {
        res.end(JSON.stringify({ ok: true, result: { echo: JSON.parse(body || '{}') } }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('createHttpBridge', () => {
  it('posts each method to /api/<channel> with {"arg"} and returns the result', async () => {
    const bridge = createHttpBridge({ base, token: 'tok' });
    const result = await bridge.setSaved({ id: 'a1', saved: true });
    expect(result).toEqual({ echo: { arg: { id: 'a1', saved: true } } });
    const last = seen[seen.length - 1]!;
    expect(last.method).toBe('POST');
    expect(last.url).toBe(`/api/${channels.setSaved}`);
    expect(last.headers['x-news-token']).toBe('tok');
    expect(last.headers['content-type']).toBe('application/json');
  });

  it('sends an empty object for methods without an argument', async () => {
    const bridge = createHttpBridge({ base });
    await expect(bridge.getStatus()).resolves.toEqual({ echo: {} });
    expect(seen[seen.length - 1]!.url).toBe(`/api/${channels.getStatus}`);
  });

  it("throws the server's error message", async () => {
    const bridge = createHttpBridge({ base });
    await expect(bridge.getArticle(42 as unknown as string)).rejects.toThrow(
      'Invalid argument for getArticle: expected a string',
    );
    await expect(bridge.removeSource('x')).rejects.toThrow('boom');
  });

  it('reports an unreachable host clearly', async () => {
    const bridge = createHttpBridge({ base: 'http://127.0.0.1:1/api' });
    await expect(bridge.listSources()).rejects.toThrow(/not reachable/);
  });

  it('has every contract method', () => {
    const bridge = createHttpBridge({ base });
    for (const method of Object.keys(channels)) expect(typeof (bridge as unknown as Record<string, unknown>)[method]).toBe('function');
    expect(typeof bridge.on).toBe('function');
  });
});
