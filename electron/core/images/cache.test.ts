import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm, symlink, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJpeg, makePng, pngChunk, PNG_SIGNATURE } from '../../../scripts/photo-maker';
import { startNewsServer, type NewsServer } from '../../../e2e/fixtures/news-server';
import { cachePhoto, inspectPhoto, PhotoRejectedError, resolveCachedPhoto, sniffImage, storePhotoBytes } from './cache';

let dir: string;
let news: NewsServer;
let liar: Server;
let liarUrl: string;

/** A 68-byte-ish PNG whose IHDR claims 60000 x 60000. */
function pngBomb(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(60000, 0);
  ihdr.writeUInt32BE(60000, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])), pngChunk('IEND', Buffer.alloc(0))]);
}

const gif = Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.from([0x02, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00]), Buffer.from([0x3b])]);
function webp(): Buffer {
  // RIFF....WEBPVP8X with a 20 x 10 canvas (sizes stored minus one, 24-bit).
  const b = Buffer.alloc(30);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(22, 4);
  b.write('WEBPVP8X', 8, 'latin1');
  b.writeUInt32LE(10, 16);
  b.writeUIntLE(19, 24, 3);
  b.writeUIntLE(9, 27, 3);
  return b;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'photo-cache-'));
  news = await startNewsServer();
  liar = createServer((req, res) => {
    if (req.url === '/fake.png') res.writeHead(200, { 'Content-Type': 'image/png' }).end('<!doctype html><html><body>not a photo</body></html>');
    else if (req.url === '/evil.svg.png') res.writeHead(200, { 'Content-Type': 'image/png' }).end('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    else if (req.url === '/bomb.png') res.writeHead(200, { 'Content-Type': 'image/png' }).end(pngBomb());
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => liar.listen(0, '127.0.0.1', resolve));
  liarUrl = `http://127.0.0.1:${(liar.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await news.close();
  await new Promise<void>((resolve) => liar.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('sniffing and inspecting', () => {
  const table: [string, Buffer, string | null][] = [
    ['jpeg', makeJpeg(40, 30, 1), 'jpg'],
    ['png', makePng(40, 30, 2), 'png'],
    ['gif', gif, 'gif'],
    ['webp', webp(), 'webp'],
    ['avif brand', Buffer.concat([Buffer.from([0, 0, 0, 0x1c]), Buffer.from('ftypavif', 'latin1'), Buffer.alloc(4), Buffer.from('avifmif1miaf', 'latin1')]), 'avif'],
    ['html claiming png', Buffer.from('<!doctype html><html></html>'), null],
    ['svg', Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), null],
    ['text', Buffer.from('hello'), null],
    ['empty', Buffer.alloc(0), null],
    ['mp4 (ftyp isom)', Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom', 'latin1'), Buffer.alloc(4), Buffer.from('isommp41', 'latin1')]), null],
  ];
  it.each(table)('%s', (_name, bytes, ext) => {
    expect(sniffImage(bytes)?.ext ?? null).toBe(ext);
  });

  it('reads sizes from headers and refuses pixel bombs before decoding', () => {
    expect(inspectPhoto(makePng(40, 30, 2))).toMatchObject({ ext: 'png', width: 40, height: 30 });
    expect(inspectPhoto(gif)).toMatchObject({ ext: 'gif', width: 2, height: 3 });
    expect(inspectPhoto(webp())).toMatchObject({ ext: 'webp', width: 20, height: 10 });
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(80);
    const t0 = performance.now();
    expect(() => inspectPhoto(bomb)).toThrow(/60000x60000.*megapixels/);
    expect(performance.now() - t0).toBeLessThan(100);
    expect(() => inspectPhoto(Buffer.from('<svg/>'))).toThrow(PhotoRejectedError);
    expect(() => inspectPhoto(Buffer.from([0xff, 0xd8, 0xff, 0x00]))).toThrow(PhotoRejectedError);
  });
});

describe('storePhotoBytes', () => {
  it('stores by content hash with the sniffed extension, idempotently and atomically', async () => {
    const photos = path.join(dir, 'store');
    const bytes = makeJpeg(64, 40, 3);
    const a = await storePhotoBytes(bytes, photos);
    expect(a.file).toMatch(/^[0-9a-f]{64}\.jpg$/);
    expect(a).toMatchObject({ mime: 'image/jpeg', width: 64, height: 40, bytes: bytes.length });
    expect((await readFile(path.join(photos, a.file))).equals(bytes)).toBe(true);
    const b = await storePhotoBytes(bytes, photos);
    expect(b).toEqual(a);
    expect(await readdir(photos)).toEqual([a.file]); // no temp files left behind
  });

  it('throws on non-images and pixel bombs and writes nothing', async () => {
    const photos = path.join(dir, 'refused');
    await expect(storePhotoBytes(Buffer.from('<html></html>'), photos)).rejects.toThrow(PhotoRejectedError);
    await expect(storePhotoBytes(pngBomb(), photos)).rejects.toThrow(/megapixels/);
    expect(await readdir(photos).catch(() => [])).toEqual([]);
  });
});

describe('cachePhoto', () => {
  it('downloads a fixture photo into the cache', async () => {
    const photos = path.join(dir, 'download');
    const cached = await cachePhoto(`${news.url}/photos/library-opening.jpg`, photos);
    expect(cached).toMatchObject({ mime: 'image/jpeg', width: 600, height: 375 });
    expect(resolveCachedPhoto(photos, cached.file)).toBe(path.join(path.resolve(photos), cached.file));
    expect(news.requests).toContain('/photos/library-opening.jpg');
  });

  it.each([
    ['/fake.png', /HTML/],
    ['/evil.svg.png', /SVG/],
    ['/bomb.png', /megapixels/],
  ])('refuses %s', async (p, message) => {
    await expect(cachePhoto(liarUrl + p, path.join(dir, 'liar'))).rejects.toThrow(message);
  });

  it('passes fetch errors through (404)', async () => {
    await expect(cachePhoto(`${liarUrl}/missing.jpg`, path.join(dir, 'liar'))).rejects.toThrow();
  });
});

describe('resolveCachedPhoto', () => {
  it('resolves only plain cache names of existing files inside the folder', async () => {
    const photos = path.join(dir, 'resolve');
    const { file } = await storePhotoBytes(makePng(8, 8, 9), photos);
    await writeFile(path.join(dir, 'secret.txt'), 'secret');
    await mkdir(path.join(photos, 'c'.repeat(64) + '.jpg'));
    await symlink(path.join(dir, 'secret.txt'), path.join(photos, 'd'.repeat(64) + '.png'));
    const refused = [
      '..',
      '../secret.txt',
      '..%2f..%2fsecret.txt',
      '%2e%2e%2fsecret.txt',
      '..\\..\\secret.txt',
      path.join(dir, 'secret.txt'),
      '/etc/passwd',
      `${file}\0.png`,
      `sub/${file}`,
      'CON',
      'NUL',
      'a'.repeat(300),
      file.toUpperCase(),
      `${file.slice(0, -4)}.svg`,
      'e'.repeat(64) + '.jpg', // well-formed but absent
      'c'.repeat(64) + '.jpg', // a directory
      'd'.repeat(64) + '.png', // a symlink out of the folder
      '',
    ];
    for (const name of refused) expect(resolveCachedPhoto(photos, name), JSON.stringify(name)).toBeNull();
    expect(resolveCachedPhoto(photos, file)).toBe(path.join(path.resolve(photos), file));
  });
});
