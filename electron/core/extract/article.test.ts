import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureArticles, startNewsServer, type NewsServer } from '../../../e2e/fixtures/news-server';
import { extractArticle, extractFeedContent, NotAnArticleError } from './article';

let server: NewsServer;
const pages = new Map<string, string>();

beforeAll(async () => {
  server = await startNewsServer();
  for (const a of fixtureArticles) pages.set(a.slug, await (await fetch(server.url + a.path)).text());
});
afterAll(async () => {
  await server.close();
});

describe('extractArticle on the fixture site', () => {
  it.each(fixtureArticles.map((a) => [a.slug, a] as const))('%s', (_slug, a) => {
    const url = server.url + a.path;
    const r = extractArticle(pages.get(a.slug)!, url);
    expect(r.title).toBe(a.title);
    expect(r.sectionPath).toEqual(a.sectionPath);
    expect(r.byline).toBe(a.byline);
    expect(r.dek).toBe(a.dek);
    expect(r.publishedAt?.slice(0, 10)).toBe(a.publishedAt);
    expect(r.canonicalUrl).toBe(url);
    expect(r.siteName).toBe('Westmere Daily');
    expect(r.language).toBe('en');
    expect(r.leadPhoto).toMatchObject({
      url: `${server.url}/photos/${a.photo.name}`,
      caption: a.caption,
      credit: a.credit,
      alt: a.photo.alt,
    });
    expect(r.bodyText).toContain(a.bodySentence);
    expect(r.bodyHtml).not.toContain(a.chrome);
    expect(r.bodyText).not.toContain(a.chrome);
    for (const chrome of ['Audio Only', 'google plus', 'facebook', 'Post with no comments', 'Get the Westmere Daily briefing', 'Advertisement', 'Published ', 'All rights reserved']) {
      expect(r.bodyText).not.toContain(chrome);
    }
    // The lead figure is shown above the body, never inside it.
    expect(r.bodyHtml).not.toContain(a.photo.name);
    expect(r.bodyText).not.toContain(a.caption);
    expect(r.inlinePhotos.map((p) => p.url)).not.toContain(r.leadPhoto!.url);
    // The related block's target, with its title.
    const related = fixtureArticles.find((x) => x.slug === a.relatedSlug)!;
    expect(r.related).toContainEqual({ title: related.title, url: server.url + related.path });
    if (a.inlinePhoto) {
      expect(r.inlinePhotos).toHaveLength(1);
      expect(r.inlinePhotos[0]).toMatchObject({
        url: `${server.url}/photos/${a.inlinePhoto.name}`,
        caption: a.inlinePhoto.caption,
        credit: a.inlinePhoto.credit,
        alt: a.inlinePhoto.alt,
      });
      expect(r.bodyHtml).toContain(`src="${server.url}/photos/${a.inlinePhoto.name}"`);
      expect(r.bodyHtml).toContain('<figcaption>');
    } else {
      expect(r.inlinePhotos).toEqual([]);
    }
    // Every image in the body is absolute http(s) and listed as an inline photo.
    const srcs = [...r.bodyHtml.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
    expect(srcs).toEqual(r.inlinePhotos.map((p) => p.url));
    expect(r.bodyHtml).not.toMatch(/<(script|style|iframe|form|nav|button)\b|\son\w+=|\sstyle=|data:image/i);
  });

  it('keeps tables, blockquotes and headings (chess page)', () => {
    const a = fixtureArticles.find((x) => x.slug === 'westmere-chess-open-final')!;
    const r = extractArticle(pages.get(a.slug)!, server.url + a.path);
    expect(r.bodyHtml).toContain('<blockquote>');
    expect(r.bodyHtml).toMatch(/<h2>Final standings<\/h2>/);
    expect(r.bodyHtml).toContain('<td>Mira Odum</td>');
  });

  it('keeps lists and drops the tracking pixel (river page)', () => {
    const a = fixtureArticles.find((x) => x.slug === 'orwen-river-cleanup')!;
    const r = extractArticle(pages.get(a.slug)!, server.url + a.path);
    expect(r.bodyHtml).toContain('<li>Traffic cones: 11</li>');
    expect(r.bodyHtml).not.toContain('tracker');
  });

  it('throws NotAnArticleError for the home page', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    expect(() => extractArticle(html, `${server.url}/`)).toThrow(NotAnArticleError);
  });
});

const para = (n: number) =>
  `Paragraph ${n} of a made-up story about the lantern festival on the canal, where boats carried paper lanterns past the old warehouses while a brass band played on the towpath.`;

describe('extractArticle on inline pages', () => {
  it('handles a seed-shaped page with no helpful classes', () => {
    const html = `<!doctype html><html lang="en"><head><title>Lantern Festival Lights Up the Canal</title></head><body>
      <ul><li><a href="/live">Live</a><ul><li><a href="/audio">Audio Only</a></li></ul></li></ul>
      <ul><li><a href="https://plus.google.com/">google plus</a></li><li><a href="https://facebook.com/">facebook</a></li><li><a href="https://twitter.com/">twitter</a></li></ul>
      <div><a href="/news">News</a> &gt; <a href="/news/culture">Culture</a></div>
      <h1>Lantern Festival Lights Up the Canal</h1>
      <ul><li><figure><img src="img/lanterns.jpg" alt="Paper lanterns on the water"><figcaption>Lanterns drift past the warehouses, 2024. | Photo: X/ @canal_news</figcaption></figure></li></ul>
      <div>Published 3 March 2024</div>
      <p>${para(1)}</p><p>${para(2)}</p><p>${para(3)}</p><p>${para(4)}</p>
      <div>Post with no comments.</div></body></html>`;
    const r = extractArticle(html, 'https://canal.example.test/news/culture/lantern-festival.html');
    expect(r.title).toBe('Lantern Festival Lights Up the Canal');
    expect(r.sectionPath).toEqual(['News', 'Culture']);
    expect(r.publishedAt).toBe('2024-03-03');
    expect(r.leadPhoto).toMatchObject({
      url: 'https://canal.example.test/news/culture/img/lanterns.jpg',
      caption: 'Lanterns drift past the warehouses, 2024.',
      credit: 'X/ @canal_news',
      alt: 'Paper lanterns on the water',
    });
    expect(r.bodyText).toContain('Paragraph 4 of a made-up story');
    for (const chrome of ['Live', 'Audio Only', 'google plus', 'facebook', 'twitter', 'Post with no comments', 'Published']) {
      expect(r.bodyText).not.toMatch(new RegExp(`\\b${chrome}\\b`));
    }
    expect(r.bodyHtml).not.toContain('lanterns.jpg');
  });

  it('resolves relative URLs against <base href> and lazy images to their best candidate', () => {
    const html = `<!doctype html><html><head><base href="https://cdn.example.test/site/">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"Canal Boats Return","datePublished":"2024-03-04T00:30:00+02:00","articleSection":["News","Canal"],"author":{"@type":"Person","name":"R. Lowe"},"image":{"@type":"ImageObject","url":"https://cdn.example.test/site/lead.jpg","caption":"Boats at the lock gate","creditText":"Canal Trust"}}]}</script>
      </head><body><article><h1>Canal Boats Return</h1>
      <figure><img src="lead.jpg" alt="Boats"></figure>
      <p>${para(1)} <a href="stories/2024/boat-race-results.html">Boat race results announced</a></p>
      <figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-srcset="pics/a-320.jpg 320w, pics/a-1280.jpg 1280w" alt="A lock"><figcaption>The lock keeper at work (Reuters)</figcaption></figure>
      <p>${para(2)}</p>
      <figure><picture><source srcset="pics/b.webp 1x, pics/b@2x.webp 2x" type="image/webp"><img src="pics/b-small.jpg" alt="A bridge"></picture><figcaption>The bridge. <cite>Photo: J. Park</cite></figcaption></figure>
      <p>${para(3)}</p><p>${para(4)}</p></article></body></html>`;
    const r = extractArticle(html, 'https://www.example.test/news/canal-boats-return');
    expect(r.publishedAt).toBe('2024-03-04T00:30:00+02:00');
    expect(r.sectionPath).toEqual(['News', 'Canal']);
    expect(r.byline).toBe('R. Lowe');
    expect(r.leadPhoto).toMatchObject({ url: 'https://cdn.example.test/site/lead.jpg', caption: 'Boats at the lock gate', credit: 'Canal Trust', alt: 'Boats' });
    expect(r.inlinePhotos).toEqual([
      { url: 'https://cdn.example.test/site/pics/a-1280.jpg', caption: 'The lock keeper at work', credit: 'Reuters', alt: 'A lock', width: null, height: null },
      { url: 'https://cdn.example.test/site/pics/b@2x.webp', caption: 'The bridge.', credit: 'J. Park', alt: 'A bridge', width: null, height: null },
    ]);
    expect(r.bodyHtml).toContain('href="https://cdn.example.test/site/stories/2024/boat-race-results.html"');
    expect(r.bodyHtml).not.toMatch(/<source|<picture|srcset|data:/);
  });

  it('throws NotAnArticleError for a link list and for an empty page', () => {
    const list = `<html><body><h1>Sections</h1><ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="/s/${i}">Section number ${i}</a></li>`).join('')}</ul></body></html>`;
    expect(() => extractArticle(list, 'https://x.example.test/')).toThrow(NotAnArticleError);
    expect(() => extractArticle('', 'https://x.example.test/')).toThrow(NotAnArticleError);
  });
});

describe('extractFeedContent', () => {
  it('sanitizes feed HTML, resolves URLs and lists photos with captions and credits', () => {
    const r = extractFeedContent(
      `<p>${para(1)}</p><script>alert(1)</script><figure><img src="/photos/a.jpg" alt="A" onerror="x()"><figcaption>Caption here | Photo: Agency/ @h</figcaption></figure>
       <p onclick="x()">${para(2)} <a href="javascript:alert(1)">bad</a></p><img src="https://t.example.test/p.gif" width="1" height="1">`,
      'https://feed.example.test/articles/one.html',
    );
    expect(r.inlinePhotos).toEqual([{ url: 'https://feed.example.test/photos/a.jpg', caption: 'Caption here', credit: 'Agency/ @h', alt: 'A', width: null, height: null }]);
    expect(r.bodyHtml).not.toMatch(/script|onclick|onerror|javascript|t\.example/);
    expect(r.bodyText).toContain('Paragraph 2 of a made-up story');
    expect(r.bodyText).toContain('bad');
  });
});

describe('chrome removal keeps prose', () => {
  it('keeps chrome-like words inside sentences and "Published in ..." prose', () => {
    const long = 'The harbour museum reopened its boat shed after a winter of repairs, and volunteers led tours all weekend long. ';
    const html = `<html><body><article><h1>Museum Boat Shed Reopens</h1>
      <p>${long}Questions can be sent by <a href="mailto:desk@example.test">email</a> or asked at the <span>Live</span> desk.</p>
      <p>Published in 1998, the museum guide is still sold at the door.</p>
      <p>${long.repeat(2)}</p><div><a href="https://facebook.example.test/">facebook</a> <a href="https://twitter.example.test/">twitter</a></div></article></body></html>`;
    const r = extractArticle(html, 'https://museum.example.test/news/boat-shed.html');
    expect(r.bodyText).toContain('sent by email or asked at the Live desk.');
    expect(r.bodyText).toContain('Published in 1998, the museum guide');
    expect(r.bodyText).not.toContain('facebook');
  });
});
