/**
 * The loopback site the 'sync' crash mode syncs (crash-harness.ts): every feed path is a new feed
 * of 20 items, each linking to an article page that shows two photos of its own, so each sync
 * downloads pages and photos and stores new articles. Tests and benches only.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const ITEMS = 20;

/** A PNG header (signature + IHDR of 100x100) padded to `size` bytes, distinct per `seed`. */
export function fakePng(size: number, seed: number): Buffer {
  const out = Buffer.alloc(size, seed % 251);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(out, 0);
  out.writeUInt32BE(13, 8);
  out.write('IHDR', 12, 'latin1');
  out.writeUInt32BE(100, 16);
  out.writeUInt32BE(100, 20);
  out.writeUInt8(8, 24);
  out.writeUInt8(2, 25);
  out.writeUInt32BE(seed >>> 0, 33);
  return out;
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function feed(base: string, name: string): string {
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const day = String(1 + (i % 5)).padStart(2, '0');
    return `<item><title>Story ${name} ${i}</title><link>${base}/page/${name}/${i}</link><guid>${base}/page/${name}/${i}</guid>
      <pubDate>${new Date(`2024-03-${day}T10:00:00Z`).toUTCString()}</pubDate><description>Story ${i} of ${name}.</description></item>`;
  }).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Crash site ${name}</title><link>${base}/</link>${items}</channel></rss>`;
}

function page(base: string, name: string, i: number): string {
  const para = (n: number) => `<p>Paragraph ${n} of story ${i} in ${name}: the council met on Tuesday and talked at length about the roads, the library and the river, and everyone had something to say about it.</p>`;
  return `<!doctype html><html><head><title>Story ${name} ${i}</title><meta property="og:title" content="Story ${name} ${i}"></head><body>
    <article><h1>Story ${name} ${i}</h1>${para(1)}
    <figure><img src="${base}/img/${name}/${i}-a.png" width="100" height="100" alt="First"><figcaption>The first photo.</figcaption></figure>
    ${para(2)}${para(3)}<figure><img src="${base}/img/${name}/${i}-b.png" width="100" height="100" alt="Second"><figcaption>The second photo.</figcaption></figure>
    ${para(4)}${para(5)}${para(6)}</article></body></html>`;
}

export async function startCrashSite(): Promise<{ url: string; close: () => Promise<void> }> {
  let base = '';
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    let m = /^\/feed\/([\w-]+)\.xml$/.exec(url);
    if (m) return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(base, m[1]!));
    m = /^\/page\/([\w-]+)\/(\d+)$/.exec(url);
    if (m) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(base, m[1]!, Number(m[2])));
    m = /^\/img\/([\w-]+\/\d+-[ab])\.png$/.exec(url);
    if (m) return void res.writeHead(200, { 'content-type': 'image/png' }).end(fakePng(30_000, seedOf(m[1]!)));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: base, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
