import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../../electron/shared/contract';
import { createHttpBridge } from './httpBridge';
import { startStandInHost, type StandInHost } from './stand-in-host.fixture';

interface Seen {
  method: string;
  url: string;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

let host: StandInHost;
let base: string;
const seen: Seen[] = [];

beforeAll(async () => {
  host = await startStandInHost((req, body, res) => {
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
  base = host.base;
});

afterAll(() => host.close());

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
