/**
 * Items without a page of their own, synced from a loopback site and exported as a user would:
 * Atom entries with only an id, podcast episodes (guid, enclosure, itunes:image, no link), items
 * with neither guid nor link that share a title, and items whose every link is the site's front
 * page, untitled JSON Feed notes. Each is one article, stored from the feed's own text (contentSource "feed"), with its
 * enclosure / media / itunes:image as the photo on disk.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJpeg } from '../../../scripts/photo-maker';
import { runCli } from '../../cli/run-cli.fixture';
import { NewsStore } from '../store/store';
import { syncSources } from './sync';

const enc = (html: string) => html.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const ATOM_IDS_ONLY = (base: string) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
  <title>Town notices</title><id>urn:town:notices</id><updated>2026-11-30T09:00:00Z</updated>
  <entry>
    <id>urn:town:notice:1</id><title>Water main repaired on Harbour Road</title>
    <updated>2026-11-30T08:00:00Z</updated>
    <content type="html">${enc('<p>Crews finished the repair overnight and the road reopened at six.</p>')}</content>
    <link rel="enclosure" type="image/jpeg" href="${base}/photos/harbour-road.jpg"/>
  </entry>
  <entry>
    <id>urn:town:notice:2</id><title>Library opens on Sundays</title>
    <updated>2026-11-29T08:00:00Z</updated>
    <summary>From next month the central library opens every Sunday afternoon.</summary>
    <media:thumbnail url="${base}/photos/library-hall.jpg" width="640" height="360"/>
  </entry>
</feed>`;

const PODCAST = (base: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel><title>Valley talk</title><link>${base}/</link><description>A weekly show</description>
<item><title>Trailer</title><guid isPermaLink="false">valley-talk-trailer</guid><enclosure url="${base}/audio/trailer.mp3" length="1" type="audio/mpeg"/></item>
${[1, 2, 3]
  .map(
    (n) => `<item>
  <title>Episode ${n}: the river in winter</title>
  <guid isPermaLink="false">valley-talk-episode-${n}</guid>
  <pubDate>Mon, 0${n} Nov 2026 10:00:00 GMT</pubDate>
  <description>In episode ${n} the hosts walk the river path and talk to the ferry crew.</description>
  <enclosure url="${base}/audio/episode-${n}.mp3" length="1234" type="audio/mpeg"/>
  <itunes:image href="${base}/photos/episode-art-${n}.jpg"/>
</item>`,
  )
  .join('\n')}
</channel></rss>`;

const SAME_TITLE = () => `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Market desk</title><link>http://127.0.0.1:9/</link><description>Prices</description>
${[1, 2, 3]
  .map(
    (n) => `<item><title>Market report</title><pubDate>Tue, 0${n} Dec 2026 17:00:00 GMT</pubDate>
  <description>Prices at the close.</description>
  <content:encoded>${enc(`<p>Day ${n}: grain closed ${n} cents higher and cattle were steady at the yards.</p>`)}</content:encoded></item>`,
  )
  .join('\n')}
</channel></rss>`;

const SHARED_LINK = (base: string) => `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Club news</title><link>${base}/</link><description>Club</description>
${[1, 2, 3, 4]
  .map(
    (n) => `<item><title>Fixture ${n} moved</title><link>${base}/</link><guid isPermaLink="false">club-${n}</guid>
  <description>Match ${n} moves to the north pitch because of the drainage works.</description></item>`,
  )
  .join('\n')}
</channel></rss>`;

const NOTES = () =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Short notes',
    authors: [{ name: 'Rosa Lind' }],
    items: [
      { id: 'note-1', content_text: 'The bakery on Mill Lane is open again after the flood. Queues were long.', date_published: '2026-12-01T07:00:00Z' },
      { id: 'note-2', content_html: '<p>Two swans are back on the pond.</p>', date_published: '2026-12-02T07:00:00Z' },
    ],
  });

let server: http.Server;
let base = '';
let dir = '';
const requests: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push(url);
    const feeds: Record<string, string> = {
      '/feeds/notices.atom': ATOM_IDS_ONLY(base),
      '/feeds/podcast.rss': PODCAST(base),
      '/feeds/market.rss': SAME_TITLE(),
      '/feeds/club.rss': SHARED_LINK(base),
      '/feeds/notes.json': NOTES(),
    };
    if (feeds[url]) return void res.writeHead(200, { 'Content-Type': 'application/xml' }).end(feeds[url]);
    if (url.startsWith('/photos/')) return void res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(makeJpeg(640, 360, url.length));
    if (url === '/') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Club</title><h1>Welcome to the club</h1>');
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feed-only-'));
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('items without a page of their own', () => {
  it('are each stored from the feed, with their photo, and exported', async () => {
    const store = await NewsStore.open(dir);
    for (const name of ['notices.atom', 'podcast.rss', 'market.rss', 'club.rss', 'notes.json']) await store.addSource({ url: `${base}/feeds/${name}` });
    const run = await syncSources({ store });
    const again = await syncSources({ store });
    await store.close();
    expect(again.sources.map((s) => [s.added, s.updated])).toEqual(again.sources.map(() => [0, 0]));
    expect(run.sources.map((s) => [s.url.replace(base, ''), s.error, s.added])).toEqual([
      ['/feeds/notices.atom', null, 2],
      ['/feeds/podcast.rss', null, 4],
      ['/feeds/market.rss', null, 3],
      ['/feeds/club.rss', null, 4],
      ['/feeds/notes.json', null, 2],
    ]);
    expect(requests).not.toContain('/'); // the shared front-page link is no one item's page

    const result = await runCli('export.ts', ['--data-dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    const articles = JSON.parse(result.stdout) as { title: string; bodyText: string; contentSource: string; offline: boolean; photo: { file: string | null } | null }[];
    expect(articles).toHaveLength(15);
    for (const article of articles) {
      expect(article.contentSource, article.title).toBe('feed');
      expect(article.offline, article.title).toBe(true);
      if (article.title !== 'Trailer') expect(article.bodyText.length, article.title).toBeGreaterThan(20);
    }
    const byTitle = (title: string) => articles.filter((a) => a.title === title);
    const withPhoto = ['Water main repaired on Harbour Road', 'Library opens on Sundays', 'Episode 2: the river in winter'];
    for (const title of withPhoto) {
      const file = byTitle(title)[0]?.photo?.file;
      expect(file, title).toBeTruthy();
      expect(fs.existsSync(file!), title).toBe(true);
    }
    expect(byTitle('Market report').map((a) => a.bodyText.slice(0, 6)).sort()).toEqual(['Day 1:', 'Day 2:', 'Day 3:']);
    expect(byTitle('Fixture 3 moved')[0]?.bodyText).toContain('Match 3 moves to the north pitch');
    // Untitled notes are headed by their first sentence.
    expect(byTitle('The bakery on Mill Lane is open again after the flood.')).toHaveLength(1);
    expect(byTitle('Two swans are back on the pond.')).toHaveLength(1);
  }, 60_000);
});
