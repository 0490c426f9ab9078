import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, parseRetryAfter } from './http';
import { fetchWithRetry, isTransient, retryDelayMs, type RetryPolicy } from './retry';

let base = '';
let server: http.Server;
const hits = new Map<string, number>();

/** Each route fails its first `n` requests in its own way, then answers 200 "ok". */
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const count = (hits.get(url.pathname) ?? 0) + 1;
    hits.set(url.pathname, count);
    const failures = Number(url.searchParams.get('fail') ?? '0');
    if (count > failures) {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      return;
    }
    switch (url.pathname) {
      case '/status':
        res.writeHead(Number(url.searchParams.get('code')), { ...(url.searchParams.has('ra') ? { 'Retry-After': url.searchParams.get('ra')! } : {}) }).end('no');
        return;
      case '/reset':
        req.socket.destroy();
        return;
      case '/hang':
        return; // never answers: the deadline fires
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let route = 0;
/** A fresh path per test so the hit counts never mix. */
const fresh = (path: string, query: string) => `${base}${path}?${query}&n=${route++}`;
const countOf = (url: string) => hits.get(new URL(url).pathname) ?? 0;
const tiny: RetryPolicy = { baseDelayMs: 2, random: () => 0.5 };

describe('fetchWithRetry', () => {
  it.each([500, 502, 503, 504, 408, 425, 429])('retries HTTP %i and then succeeds', async (code) => {
    hits.clear();
    const waits: number[] = [];
    const res = await fetchWithRetry(fresh('/status', `code=${code}&fail=2`), {}, { ...tiny, onRetry: (r) => waits.push(r.delayMs) });
    expect(res.body.toString()).toBe('ok');
    expect(countOf(`${base}/status`)).toBe(3);
    expect(waits).toEqual([2, 6]); // exponential: base, base x 3
  });

  it('gives up after the retries and throws the last error', async () => {
    hits.clear();
    await expect(fetchWithRetry(fresh('/status', 'code=503&fail=9'), {}, tiny)).rejects.toMatchObject({ code: 'http-status', status: 503 });
    expect(countOf(`${base}/status`)).toBe(3); // 1 + 2 retries
  });

  it.each([400, 403, 404, 410, 451])('never retries HTTP %i', async (code) => {
    hits.clear();
    await expect(fetchWithRetry(fresh('/status', `code=${code}&fail=1`), {}, tiny)).rejects.toMatchObject({ status: code });
    expect(countOf(`${base}/status`)).toBe(1);
  });

  it('retries a reset connection and a timeout', async () => {
    hits.clear();
    const res = await fetchWithRetry(fresh('/reset', 'fail=1'), {}, tiny);
    expect(res.body.toString()).toBe('ok');
    expect(countOf(`${base}/reset`)).toBe(2);
    const slow = await fetchWithRetry(fresh('/hang', 'fail=1'), { timeoutMs: 150 }, tiny);
    expect(slow.body.toString()).toBe('ok');
    expect(countOf(`${base}/hang`)).toBe(2);
  });

  it('retries a refused connection', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const tries: string[] = [];
    await expect(
      fetchWithRetry(`http://127.0.0.1:${port}/`, {}, { ...tiny, onRetry: (r) => tries.push(r.error.errno ?? '') }),
    ).rejects.toMatchObject({ code: 'network' });
    expect(tries).toEqual(['ECONNREFUSED', 'ECONNREFUSED']);
  });

  it('never retries too-large, scheme or address refusals', async () => {
    hits.clear();
    await expect(fetchWithRetry(fresh('/status', 'code=200&fail=0'), { maxBytes: 1 }, tiny)).rejects.toMatchObject({ code: 'too-large' });
    expect(countOf(`${base}/status`)).toBe(1);
    await expect(fetchWithRetry('file:///etc/passwd', {}, tiny)).rejects.toMatchObject({ code: 'scheme-refused' });
    await expect(fetchWithRetry(fresh('/status', 'code=503&fail=1'), { allowAddress: () => false }, tiny)).rejects.toMatchObject({
      code: 'address-refused',
    });
  });

  it('honours a Retry-After within the cap, and gives up on a longer one', async () => {
    hits.clear();
    const waits: number[] = [];
    await fetchWithRetry(fresh('/status', 'code=429&fail=1&ra=0'), {}, { ...tiny, onRetry: (r) => waits.push(r.delayMs) });
    expect(waits).toEqual([0]);
    hits.clear();
    await expect(fetchWithRetry(fresh('/status', 'code=503&fail=1&ra=3600'), {}, tiny)).rejects.toMatchObject({ status: 503, retryAfterMs: 3_600_000 });
    expect(countOf(`${base}/status`)).toBe(1);
  });

  it('a cancel during the wait ends it at once with "cancelled"', async () => {
    hits.clear();
    const controller = new AbortController();
    const pending = fetchWithRetry(fresh('/status', 'code=503&fail=9'), { signal: controller.signal }, {
      baseDelayMs: 60_000,
      onRetry: () => controller.abort(),
    });
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
    expect(countOf(`${base}/status`)).toBe(1);
  });

  it('runs each attempt through `wrap` (a limiter slot per attempt, none while waiting)', async () => {
    hits.clear();
    let inside = 0;
    await fetchWithRetry(fresh('/status', 'code=500&fail=1'), {}, {
      ...tiny,
      wrap: async (attempt) => {
        inside++;
        return attempt();
      },
    });
    expect(inside).toBe(2);
  });
});

describe('retry rules', () => {
  it('isTransient and retryDelayMs', () => {
    const err = (code: ConstructorParameters<typeof FetchError>[0], status: number | null = null, errno: string | null = null) =>
      new FetchError(code, 'x', 'http://x/', status, { errno });
    expect(isTransient(err('timeout'))).toBe(true);
    expect(isTransient(err('network', null, 'ECONNRESET'))).toBe(true);
    expect(isTransient(err('network', null, 'ENOTFOUND'))).toBe(false);
    expect(isTransient(err('network', null, 'Z_DATA_ERROR'))).toBe(false);
    expect(isTransient(err('aborted'))).toBe(false);
    expect(isTransient(err('too-many-redirects'))).toBe(false);
    expect(isTransient(new Error('parse error'))).toBe(false);
    // Default: ~0.5 s then ~1.5 s (±25 %), none after the second retry.
    expect(retryDelayMs(err('timeout'), 1, { random: () => 0.5 })).toBe(500);
    expect(retryDelayMs(err('timeout'), 2, { random: () => 0.5 })).toBe(1500);
    expect(retryDelayMs(err('timeout'), 1, { random: () => 0 })).toBe(375);
    expect(retryDelayMs(err('timeout'), 3)).toBeNull();
    expect(retryDelayMs(err('timeout'), 1, { retries: 0 })).toBeNull();
  });

  it('parseRetryAfter reads seconds and HTTP dates', () => {
    const now = Date.parse('2024-02-17T19:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sat, 17 Feb 2024 19:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
