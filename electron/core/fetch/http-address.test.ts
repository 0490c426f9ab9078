// The connect-time address check (FetchOptions.allowAddress): real IP literals and real names
// (`localhost`, resolved by the system's resolver), real loopback servers, redirects between them.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressPolicy } from '../sync/address-guard';
import { FetchError, fetchUrl } from './http';

interface Server {
  port: number;
  hits: string[];
  close: () => Promise<void>;
}

async function start(redirects: Record<string, string> = {}): Promise<Server> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const to = redirects[req.url ?? ''];
    if (to) {
      res.writeHead(302, { Location: to.replace('{B}', String(b.port)) });
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('hello');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let a: Server;
let b: Server;

beforeAll(async () => {
  b = await start();
  a = await start({
    '/to-b-literal': 'http://127.0.0.1:{B}/secret',
    '/to-b-name': 'http://localhost:{B}/secret',
    '/to-b-decimal': 'http://2130706433:{B}/secret',
    '/to-metadata': 'http://169.254.169.254/latest/meta-data/',
    '/to-self': '/ok',
  });
});
afterAll(async () => {
  await a.close();
  await b.close();
});

async function refused(url: string, allow: (ip: string, u: URL) => boolean): Promise<FetchError> {
  const error = await fetchUrl(url, { allowAddress: allow, timeoutMs: 5000 }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  expect((error as FetchError).code).toBe('address-refused');
  return error as FetchError;
}

describe('allowAddress: literals are refused before connecting', () => {
  const none = addressPolicy(new Set());
  it.each([
    'http://127.0.0.1:{A}/ok',
    'http://2130706433:{A}/ok',
    'http://0x7f.1:{A}/ok',
    'http://0177.0.0.1:{A}/ok',
    'http://[::ffff:127.0.0.1]:{A}/ok',
    'http://[::1]:{A}/ok',
    'http://0.0.0.0:{A}/ok',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/',
    'http://172.16.5.4/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://[fc00::1]/',
    'http://[fd12:3456::1]/',
    'http://[fe80::1]/',
    'http://[64:ff9b::7f00:1]/',
  ])('%s', async (template) => {
    const before = a.hits.length;
    const error = await refused(template.replace('{A}', String(a.port)), none);
    expect(error.message).toMatch(/local or private network address/);
    expect(a.hits.length).toBe(before);
  });
});

describe('allowAddress: names are checked after DNS', () => {
  it('refuses localhost when it is not trusted, without reaching the server', async () => {
    const before = a.hits.length;
    const error = await refused(`http://localhost:${a.port}/ok`, addressPolicy(new Set()));
    expect(error.message).toContain('refused to connect to localhost');
    expect(a.hits.length).toBe(before);
  });

  it('asks the policy about the resolved address, and connects when allowed', async () => {
    const asked: string[] = [];
    const res = await fetchUrl(`http://localhost:${a.port}/ok`, {
      allowAddress: (ip, url) => {
        asked.push(`${url.host} ${ip}`);
        return addressPolicy(new Set([`localhost:${a.port}`]))(ip, url);
      },
    });
    expect(res.body.toString()).toBe('hello');
    expect(asked.length).toBeGreaterThan(0);
    for (const line of asked) expect(line).toMatch(new RegExp(`^localhost:${a.port} (127\\.0\\.0\\.1|::1)$`));
  });

  it('a trusted literal host (the source the user added) still works', async () => {
    const res = await fetchUrl(`http://127.0.0.1:${a.port}/ok`, { allowAddress: addressPolicy(new Set([`127.0.0.1:${a.port}`])) });
    expect(res.status).toBe(200);
  });

  it('no policy: behaviour unchanged', async () => {
    const res = await fetchUrl(`http://localhost:${a.port}/ok`);
    expect(res.status).toBe(200);
  });
});

describe('allowAddress: every redirect hop', () => {
  it.each(['/to-b-literal', '/to-b-name', '/to-b-decimal', '/to-metadata'])(
    'a redirect from the trusted host via %s to an untrusted local address is refused',
    async (route) => {
      const trusted = addressPolicy(new Set([`127.0.0.1:${a.port}`]));
      const hitsOfB = b.hits.length;
      const error = await refused(`http://127.0.0.1:${a.port}${route}`, trusted);
      expect(a.hits).toContain(route);
      expect(b.hits.length).toBe(hitsOfB);
      expect(error.url).not.toContain(`:${a.port}`);
    },
  );

  it('a redirect within the trusted host is followed', async () => {
    const res = await fetchUrl(`http://127.0.0.1:${a.port}/to-self`, { allowAddress: addressPolicy(new Set([`127.0.0.1:${a.port}`])) });
    expect(res.url).toBe(`http://127.0.0.1:${a.port}/ok`);
  });

  it('trusting both hosts lets the redirect through', async () => {
    const res = await fetchUrl(`http://127.0.0.1:${a.port}/to-b-literal`, {
      allowAddress: addressPolicy(new Set([`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`])),
    });
    expect(res.body.toString()).toBe('hello');
    expect(b.hits).toContain('/secret');
  });
});
