// Checks the loopback fixture news site (e2e/fixtures) that the extraction, sync and e2e tests
// rely on: headers, conditional GET, forced statuses, photos, and that its text is what the
// fixture table says. (Vitest does not collect tests under e2e/, so this lives here.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageSize } from 'image-size';
import { fixtureArticles, longDate, startNewsServer, type NewsServer } from '../../../e2e/fixtures/news-server';

let server: NewsServer;
beforeAll(async () => {
  server = await startNewsServer();
});
afterAll(async () => {
  await server.close();
});

describe('fixture news site', () => {
  it('serves feeds, pages and photos with their content types and lengths', async () => {
    const cases: [string, RegExp][] = [
      ['/feeds/news.rss', /^application\/rss\+xml; charset=utf-8$/],
      ['/feeds/world.atom', /^application\/atom\+xml; charset=utf-8$/],
      [fixtureArticles[0]!.path, /^text\/html; charset=utf-8$/],
      ['/', /^text\/html; charset=utf-8$/],
      [`/photos/${fixtureArticles[0]!.photo.name}`, /^image\/jpeg$/],
    ];
    for (const [p, type] of cases) {
      const res = await fetch(server.url + p);
      expect(res.status, p).toBe(200);
      expect(res.headers.get('content-type')).toMatch(type);
      const body = Buffer.from(await res.arrayBuffer());
      expect(Number(res.headers.get('content-length'))).toBe(body.length);
    }
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
  });

  it('answers conditional GETs with 304 and can be told to fail a path', async () => {
    const first = await fetch(`${server.url}/feeds/news.rss`);
    const etag = first.headers.get('etag')!;
    expect((await fetch(`${server.url}/feeds/news.rss`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    const lastModified = first.headers.get('last-modified')!;
    expect((await fetch(`${server.url}/feeds/news.rss`, { headers: { 'If-Modified-Since': lastModified } })).status).toBe(304);
    server.setStatus('/feeds/news.rss', 503);
    expect((await fetch(`${server.url}/feeds/news.rss`)).status).toBe(503);
    server.setStatus('/feeds/news.rss', null);
    expect((await fetch(`${server.url}/feeds/news.rss`)).status).toBe(200);
    expect(server.requests).toContain('/feeds/news.rss');
  });

  it('pages carry what the fixture table says, feeds list every article once', async () => {
    const rss = await (await fetch(`${server.url}/feeds/news.rss`)).text();
    const atom = await (await fetch(`${server.url}/feeds/world.atom`)).text();
    for (const a of fixtureArticles) {
      const html = await (await fetch(server.url + a.path)).text();
      expect(html).toContain(`Published ${longDate(a.publishedAt)}`);
      expect(html).toContain(a.chrome.replace(/&/g, '&amp;'));
      expect(html.replace(/<[^>]+>/g, '')).toContain(a.sectionPath.join(' &gt; '));
      const feed = a.feed === 'rss' ? rss : atom;
      expect(feed.split(`${server.url}${a.path}`).length - 1).toBeGreaterThanOrEqual(1);
      const photo = Buffer.from(await (await fetch(`${server.url}/photos/${a.photo.name}`)).arrayBuffer());
      expect(imageSize(photo)).toMatchObject({ width: a.photo.width, height: a.photo.height });
    }
    expect(rss).toContain('<category>News &gt; City</category>');
    expect(atom).toContain('<category term="Sport &gt; Chess"/>');
  });
});
