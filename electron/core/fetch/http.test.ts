// fetchUrl against a real loopback server that misbehaves on purpose (one route per fault).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBody } from './decode';
import { FetchError, fetchUrl } from './http';
import { streamFiller } from '../../../e2e/fixtures/fault-server';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const TEN_MIB_OF_ZEROS_GZIPPED = zlib.gzipSync(Buffer.alloc(10 * 1024 * 1024), { level: 9 });
/** 20 concatenated gzip members: ~200 KB on the wire, 200 MiB decoded. */
const GZIP_BOMB = Buffer.concat(Array.from({ length: 20 }, () => TEN_MIB_OF_ZEROS_GZIPPED));
const FEED_TEXT = '<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback</title></channel></rss>';

const routes: Record<string, Handler> = {
  '/ok': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' });
    res.end(FEED_TEXT);
  },
  '/echo-headers': (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(req.headers));
  },
  '/gzip': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Encoding': 'gzip' });
    res.end(zlib.gzipSync(FEED_TEXT));
  },
  '/deflate': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Encoding': 'deflate' });
    res.end(zlib.deflateSync(FEED_TEXT));
  },
  '/br': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Encoding': 'br' });
    res.end(zlib.brotliCompressSync(FEED_TEXT));
  },
  '/corrupt-gzip': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Encoding': 'gzip' });
    res.end(Buffer.from('this is not gzip at all'));
  },
  '/gzip-bomb': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Encoding': 'gzip' });
    res.end(GZIP_BOMB);
  },
  '/huge-stream': (_req, res) => {
    // 50 MiB, chunked (no Content-Length), written as fast as the client takes it.
    res.writeHead(200, { 'Content-Type': 'text/xml' });
    streamFiller(res, 50 * 1024 * 1024, 0x61);
  },
  '/huge-declared': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': String(50 * 1024 * 1024) });
    res.write('<rss>');
  },
  '/exactly-cap': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end(Buffer.alloc(1000, 0x62));
  },
  '/slow-drip': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml' });
    const timer = setInterval(() => res.write('x'), 100);
    res.on('close', () => clearInterval(timer));
  },
  '/hang-after-headers': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml' });
    res.flushHeaders();
  },
  '/hang-before-headers': () => {
    /* never answers */
  },
  '/500': (_req, res) => {
    res.writeHead(500);
    res.end('boom');
  },
  '/503': (_req, res) => {
    res.writeHead(503, 'Service Unavailable', { 'Retry-After': '60' });
    res.end();
  },
  '/404-custom-reason': (_req, res) => {
    res.writeHead(404, 'Nothing Here');
    res.end();
  },
  '/reset': (req) => {
    req.socket.destroy();
  },
  '/reset-mid-body': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': '100000' });
    res.write('<rss><channel>');
    setTimeout(() => res.socket?.destroy(), 20);
  },
  '/loop-a': (_req, res) => {
    res.writeHead(302, { Location: '/loop-b' });
    res.end();
  },
  '/loop-b': (_req, res) => {
    res.writeHead(301, { Location: '/loop-a' });
    res.end();
  },
  '/to-file': (_req, res) => {
    res.writeHead(302, { Location: 'file:///etc/passwd' });
    res.end();
  },
  '/to-data': (_req, res) => {
    res.writeHead(307, { Location: 'data:text/plain,hello' });
    res.end();
  },
  '/to-ftp': (_req, res) => {
    res.writeHead(308, { Location: 'ftp://example.invalid/feed.xml' });
    res.end();
  },
  '/redirect-no-location': (_req, res) => {
    res.writeHead(302);
    res.end();
  },
  '/validators': (req, res) => {
    const etag = '"v1"';
    const lastModified = 'Fri, 16 Feb 2024 10:00:00 GMT';
    if (req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === lastModified) {
      res.writeHead(304, { ETag: etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/xml', ETag: etag, 'Last-Modified': lastModified });
    res.end(FEED_TEXT);
  },
  '/cp1252': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml; charset=windows-1252' });
    res.end(Buffer.concat([Buffer.from('<title>'), Buffer.from([0x93, 0x80, 0x35, 0x94, 0x20, 0xe9, 0x97]), Buffer.from('</title>')]));
  },
  '/gbk-declared': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml' });
    res.end(Buffer.concat([Buffer.from('<?xml version="1.0" encoding="GB2312"?><title>'), Buffer.from('d6d0cec4', 'hex'), Buffer.from('</title>')]));
  },
};

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const chain = /^\/chain\/(\d+)$/.exec(path);
    if (chain) {
      const left = Number(chain[1]);
      if (left === 0) routes['/ok']!(req, res);
      else {
        res.writeHead(302, { Location: `/chain/${left - 1}` });
        res.end();
      }
      return;
    }
    const handler = routes[path];
    if (handler) handler(req, res);
    else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function fetchError(path: string, opts: Parameters<typeof fetchUrl>[1] = {}): Promise<FetchError> {
  const err = await fetchUrl(base + path, opts).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

describe('fetchUrl: successful responses', () => {
  it.each([['/ok'], ['/gzip'], ['/deflate'], ['/br'], ['/chain/5']])('%s yields the feed text', async (path) => {
    const result = await fetchUrl(base + path);
    expect(result.status).toBe(200);
    expect(result.notModified).toBe(false);
    expect(result.body.toString('utf8')).toBe(FEED_TEXT);
  });

  it('reports the final URL after redirects', async () => {
    const result = await fetchUrl(`${base}/chain/3`);
    expect(result.url).toBe(`${base}/chain/0`);
    expect(result.contentType).toBe('application/rss+xml; charset=utf-8');
  });

  it('sends a User-Agent, an Accept that names feeds, and compression it can decode', async () => {
    const result = await fetchUrl(`${base}/echo-headers`);
    const headers = JSON.parse(result.body.toString('utf8')) as Record<string, string>;
    expect(headers['user-agent']).toMatch(/OfflineNews/);
    expect(headers.accept).toMatch(/application\/rss\+xml/);
    expect(headers['accept-encoding']).toBe('gzip, deflate, br');
    const custom = await fetchUrl(`${base}/echo-headers`, { accept: 'image/*' });
    expect((JSON.parse(custom.body.toString('utf8')) as Record<string, string>).accept).toBe('image/*');
  });

  it('accepts a body exactly at the cap', async () => {
    const result = await fetchUrl(`${base}/exactly-cap`, { maxBytes: 1000 });
    expect(result.body.length).toBe(1000);
  });
});

describe('fetchUrl: conditional GET', () => {
  it('returns validators, then 304 with an empty body when they match', async () => {
    const first = await fetchUrl(`${base}/validators`);
    expect(first.etag).toBe('"v1"');
    expect(first.lastModified).toBe('Fri, 16 Feb 2024 10:00:00 GMT');

    const byEtag = await fetchUrl(`${base}/validators`, { etag: first.etag });
    expect(byEtag).toMatchObject({ status: 304, notModified: true, etag: '"v1"' });
    expect(byEtag.body.length).toBe(0);

    const byDate = await fetchUrl(`${base}/validators`, { lastModified: first.lastModified });
    expect(byDate.notModified).toBe(true);
    // The 304 carried no Last-Modified; the one sent is handed back so it is kept.
    expect(byDate.lastModified).toBe('Fri, 16 Feb 2024 10:00:00 GMT');

    const stale = await fetchUrl(`${base}/validators`, { etag: '"v0"' });
    expect(stale.notModified).toBe(false);
  });
});

describe('fetchUrl: faults', () => {
  const cases: { name: string; path: string; opts?: Parameters<typeof fetchUrl>[1]; code: string; message: RegExp; maxMs?: number }[] = [
    { name: 'slow drip', path: '/slow-drip', opts: { timeoutMs: 400 }, code: 'timeout', message: /^timed out after 0\.4 s$/, maxMs: 1500 },
    { name: 'hang after headers', path: '/hang-after-headers', opts: { timeoutMs: 300 }, code: 'timeout', message: /timed out/, maxMs: 1500 },
    { name: 'hang before headers', path: '/hang-before-headers', opts: { timeoutMs: 300 }, code: 'timeout', message: /timed out/, maxMs: 1500 },
    { name: 'HTTP 500', path: '/500', code: 'http-status', message: /^HTTP 500 Internal Server Error$/ },
    { name: 'HTTP 503', path: '/503', code: 'http-status', message: /^HTTP 503 Service Unavailable$/ },
    { name: 'HTTP 404 with own reason', path: '/404-custom-reason', code: 'http-status', message: /^HTTP 404 Nothing Here$/ },
    { name: 'connection reset before headers', path: '/reset', code: 'network', message: /connection reset/ },
    { name: 'connection reset mid-body', path: '/reset-mid-body', code: 'network', message: /connection reset|closed before/ },
    { name: 'redirect loop', path: '/loop-a', code: 'too-many-redirects', message: /redirect loop/ },
    { name: 'six redirects', path: '/chain/6', code: 'too-many-redirects', message: /more than 5 redirects|too many redirects \(more than 5\)/ },
    { name: 'two redirects with limit 1', path: '/chain/2', opts: { maxRedirects: 1 }, code: 'too-many-redirects', message: /more than 1/ },
    { name: 'redirect to file:', path: '/to-file', code: 'scheme-refused', message: /^refused redirect to file: URL/ },
    { name: 'redirect to data:', path: '/to-data', code: 'scheme-refused', message: /refused redirect to data: URL/ },
    { name: 'redirect to ftp:', path: '/to-ftp', code: 'scheme-refused', message: /refused redirect to ftp: URL/ },
    { name: 'redirect without Location', path: '/redirect-no-location', code: 'http-status', message: /without a Location/ },
    { name: 'gzip bomb', path: '/gzip-bomb', code: 'too-large', message: /^response too large \(over 15 MiB\)$/, maxMs: 3000 },
    { name: '50 MiB chunked body', path: '/huge-stream', code: 'too-large', message: /too large \(over 15 MiB\)/, maxMs: 3000 },
    { name: '50 MiB declared length', path: '/huge-declared', code: 'too-large', message: /too large/, maxMs: 1000 },
    { name: 'corrupt gzip', path: '/corrupt-gzip', code: 'network', message: /corrupt compressed/ },
  ];

  it.each(cases)('$name -> $code', async ({ path, opts, code, message, maxMs }) => {
    const started = Date.now();
    const err = await fetchError(path, opts);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    if (maxMs) expect(Date.now() - started).toBeLessThan(maxMs);
    if (code === 'http-status' && /^HTTP (\d+)/.test(err.message)) expect(err.status).toBe(Number(/^HTTP (\d+)/.exec(err.message)![1]));
  });

  it.each([
    ['file:///etc/passwd', /^refused file: URL/],
    ['data:text/plain,hi', /^refused data: URL/],
    ['ftp://example.invalid/x', /^refused ftp: URL/],
  ])('refuses a %s start URL', async (url, message) => {
    const err = (await fetchUrl(url).catch((e: unknown) => e)) as FetchError;
    expect(err).toBeInstanceOf(FetchError);
    expect(err.code).toBe('scheme-refused');
    expect(err.message).toMatch(message);
  });

  it('reports a refused connection', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const err = (await fetchUrl(`http://127.0.0.1:${port}/`).catch((e: unknown) => e)) as FetchError;
    expect(err.code).toBe('network');
    expect(err.message).toMatch(/connection refused/);
  });

  it('says in words that https:// to a plain-http port gave no secure connection (no OpenSSL text)', async () => {
    const err = (await fetchUrl(base.replace('http://', 'https://') + '/ok').catch((e: unknown) => e)) as FetchError;
    expect(err).toBeInstanceOf(FetchError);
    expect(err.code).toBe('network');
    expect(err.message).toBe(`no secure connection could be made to ${new URL(base).host} (the server does not speak HTTPS there, or the connection was tampered with)`);
    expect(err.message).not.toMatch(/EPROTO|SSL routines|openssl|ssl3_/i);
  });

  it('stops when the caller aborts, mid-body', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const started = Date.now();
    const err = await fetchError('/slow-drip', { signal: controller.signal });
    expect(err.code).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('does not start when the signal is already aborted', async () => {
    const err = await fetchError('/ok', { signal: AbortSignal.abort() });
    expect(err.code).toBe('aborted');
  });

  it('rejects a string that is not a URL', async () => {
    const err = (await fetchUrl('not a url').catch((e: unknown) => e)) as FetchError;
    expect(err).toBeInstanceOf(FetchError);
    expect(err.message).toMatch(/not a valid URL/);
  });
});

describe('fetchUrl + decodeBody: charsets over the wire', () => {
  it('decodes windows-1252 named in the HTTP header', async () => {
    const result = await fetchUrl(`${base}/cp1252`);
    expect(decodeBody(result.body, result.contentType)).toBe('<title>\u201c\u20ac5\u201d \u00e9\u2014</title>');
  });

  it('decodes GB2312 named only in the XML declaration', async () => {
    const result = await fetchUrl(`${base}/gbk-declared`);
    expect(decodeBody(result.body, result.contentType)).toContain('<title>中文</title>');
  });
});
