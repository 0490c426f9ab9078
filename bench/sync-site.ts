/**
 * The sync benchmark's loopback news site, run in its own process (bench/sync.ts forks it) so the
 * site's CPU is not counted as the sync's: N RSS feeds x M items, each item a ~100 KB article page
 * (bench/pages.ts) with a lead photo and one inline photo (JPEG, distinct bytes per URL). Prints
 * nothing; tells its parent { port } once listening and answers { cpu: true } with its CPU time.
 */
import { createServer } from 'node:http';
import { makeJpeg } from '../scripts/photo-maker';
import { makeArticlePage, makeRssFeed } from './pages';

const items = Number(process.argv[2] ?? 30);
const basePhotos = Array.from({ length: 8 }, (_, i) => makeJpeg(640, 400, i + 1));

const server = createServer((req, res) => {
  const url = req.url ?? '/';
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  let m: RegExpMatchArray | null;
  if ((m = url.match(/^\/feeds\/(\d+)\.rss$/))) {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(makeRssFeed(origin, Number(m[1]), items));
  } else if ((m = url.match(/^\/articles\/story-(\d+)\.html$/))) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(makeArticlePage(origin, Number(m[1]), 100, 2).html);
  } else if ((m = url.match(/^\/img\/(\d+)-(\d+)\.jpg$/))) {
    // Distinct bytes per URL (a trailing marker after the JPEG end), so every photo is its own file.
    const base = basePhotos[(Number(m[1]) + Number(m[2])) % basePhotos.length]!;
    res.writeHead(200, { 'content-type': 'image/jpeg' });
    res.end(Buffer.concat([base, Buffer.from(`#${m[1]}-${m[2]}`)]));
  } else {
    res.writeHead(404).end();
  }
});

server.listen(0, '127.0.0.1', () => {
  process.send!({ port: (server.address() as { port: number }).port });
});
process.on('message', (message: { cpu?: boolean }) => {
  if (message.cpu) {
    const cpu = process.cpuUsage();
    process.send!({ cpuMs: (cpu.user + cpu.system) / 1000 });
  }
});
process.on('disconnect', () => process.exit(0));
