import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../../electron/shared/contract';
import { coalesceStatus } from './bridge';
import { createHttpBridge } from './httpBridge';

// A real host stand-in on 127.0.0.1 that counts getStatus requests.
let server: Server;
let base: string;
let statusRequests = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url === `/api/${channels.getStatus}`) statusRequests++;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ ok: true, result: { online: true, request: statusRequests } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('coalesceStatus', () => {
  it('sends one getStatus for the calls of one task, and a new one for a later call', async () => {
    const news = coalesceStatus(createHttpBridge({ base }));
    statusRequests = 0;
    const answers = await Promise.all([news.getStatus(), news.getStatus(), news.getStatus()]);
    expect(statusRequests).toBe(1);
    expect(answers.map((a) => (a as unknown as { request: number }).request)).toEqual([1, 1, 1]);
    const later = await news.getStatus();
    expect(statusRequests).toBe(2);
    expect((later as unknown as { request: number }).request).toBe(2);
  });

  it('passes every other method through', async () => {
    const news = coalesceStatus(createHttpBridge({ base }));
    expect(typeof news.listArticles).toBe('function');
    expect(typeof news.on).toBe('function');
    await news.listArticles({ limit: 1 });
  });
});
