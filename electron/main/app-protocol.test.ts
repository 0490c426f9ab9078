import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP, createAppProtocolHandler, safePathSegments } from './app-protocol';

let root: string;
let handler: (request: Request) => Promise<Response>;
let photoFile: string;
const PHOTO_BYTES = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
/** Cache files are named by the SHA-256 of their bytes (images/cache.ts). */
const PHOTO = `${createHash('sha256').update(PHOTO_BYTES).digest('hex')}.jpg`;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'app-protocol-'));
  const rendererDir = join(root, 'renderer');
  const photosDir = join(root, 'data', 'photos');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await mkdir(photosDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Reader</title>');
  await writeFile(join(rendererDir, 'assets', 'index-abc123.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.txt'), 'do not serve');
  await writeFile(join(photosDir, PHOTO), PHOTO_BYTES);
  photoFile = join(photosDir, PHOTO);
  handler = createAppProtocolHandler({
    rendererDir,
    resolvePhoto: (name) => (/^[0-9a-f]{64}\.(jpg|png|webp|gif|avif)$/.test(name) ? join(photosDir, name) : null),
  });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const get = (url: string) => handler(new Request(url));

describe('app:// protocol handler', () => {
  it('serves index.html at the root and by name, with CSP and nosniff', async () => {
    for (const url of ['app://reader/', 'app://reader/index.html']) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toContain('<title>Reader</title>');
    }
  });

  it('serves built assets with their type', async () => {
    const res = await get('app://reader/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('serves cached photos by file name', async () => {
    const res = await get(`app://reader/photos/${PHOTO}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  });

  it('404s a photo file damaged on disk (bytes no longer match its hash name) and removes it', async () => {
    const damaged = `${'ef'.repeat(32)}.jpg`;
    await writeFile(join(photoFile, '..', damaged), PHOTO_BYTES);
    expect((await get(`app://reader/photos/${damaged}`)).status).toBe(404);
    expect((await get(`app://reader/photos/${PHOTO}`)).status).toBe(200);
  });

  it('404s a missing file and another host, still with the security headers', async () => {
    for (const url of ['app://reader/missing.js', `app://reader/photos/${'cd'.repeat(32)}.jpg`, 'app://other/index.html']) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
    }
  });

  it.each([
    'app://reader/..%2f..%2f.ssh/id_rsa',
    'app://reader/%2e%2e%2fsecret.txt',
    'app://reader/assets%2f..%2f..%2fsecret.txt',
    'app://reader/..%5csecret.txt',
    'app://reader/%2fetc%2fpasswd',
    'app://reader/index.html%00.png',
    'app://reader/.env',
    `app://reader/${'a'.repeat(300)}.js`,
    `app://reader/${'a/'.repeat(600)}`,
    'app://reader/photos/..%2f..%2fsecret.txt',
    'app://reader/photos/CON',
    'app://reader/photos/NUL',
    `app://reader/photos/${'a'.repeat(300)}.jpg`,
    'app://reader/photos/a/b.jpg',
    'app://reader/C:%5cWindows%5cwin.ini',
    'app://reader/%E0%A4%A',
  ])('refuses %s with 403', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(await res.text()).not.toContain('do not serve');
  });

  it('never serves outside the renderer folder when URL parsing already folded ../ segments', async () => {
    // WHATWG URL parsing (Request, Chromium) turns /../../x and /%2e%2e/x into /x before the handler.
    for (const url of ['app://reader/../../secret.txt', 'app://reader/%2e%2e/secret.txt']) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('do not serve');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await handler(new Request('app://reader/index.html', { method: 'POST', body: 'x' }));
    expect(res.status).toBe(405);
  });
});

describe('safePathSegments', () => {
  it('decodes plain paths', () => {
    expect(safePathSegments('/assets/a%20b.js')).toEqual(['assets', 'a b.js']);
    expect(safePathSegments('/')).toEqual([]);
  });
  it('rejects traversal and separators', () => {
    expect(safePathSegments('/a/%2e%2e/b')).toBeNull();
    expect(safePathSegments('/a%2fb')).toBeNull();
  });
});
