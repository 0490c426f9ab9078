/**
 * Metadata precedence (docs/EXTRACTION.md), one hand-written page per shape real sites use. All text
 * is invented (the town of Fenwick); no page imitates a particular site.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './article';
import { parsePage } from './dom';
import { parseJsonLd } from './jsonld';
import { readMetadata } from './metadata';
import { resolveImages } from './photos';

const O = 'https://courier.example.test';
const URL_ = `${O}/news/2024/03/garage-flats`;
const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
const body = Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i + 1} of the story about the Dyer Street garage, which the council voted to turn into forty affordable flats after six years of argument.</p>`).join('');

function meta(head: string, bodyHtml = '', url = URL_) {
  const html = `<html><head>${head}</head><body>${bodyHtml}</body></html>`;
  const { document, baseUrl } = parsePage(html, url);
  resolveImages(document, baseUrl);
  return readMetadata(document, url, baseUrl, html);
}

describe('title precedence', () => {
  it('JSON-LD headline (inside @graph) over og:title, h1 and <title>', () => {
    const m = meta(
      `<title>Garage page | Courier</title><meta property="og:title" content="Garage (og)">${ld({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'Fenwick Courier' }, { '@type': 'ReportageNewsArticle', headline: 'Garage to Become Forty Flats' }] })}`,
      `<article><h1>Garage h1</h1>${body}</article>`,
    );
    expect(m.title).toBe('Garage to Become Forty Flats');
    expect(m.declaredArticle).toBe(true);
  });

  it('the page\'s own article among several in a JSON-LD array (a teaser list comes first)', () => {
    const m = meta(ld([
      { '@type': 'BlogPosting', headline: 'Another Story Entirely', url: `${O}/news/other` },
      { '@type': 'NewsArticle', headline: 'The Garage Story', mainEntityOfPage: { '@id': URL_ } },
    ]));
    expect(m.title).toBe('The Garage Story');
  });

  it('og:title without the site name, over the h1', () => {
    const m = meta('<meta property="og:site_name" content="Fenwick Courier"><meta property="og:title" content="Flats Plan Approved | Fenwick Courier">', `<article><h1>Flats plan approved, at last</h1>${body}</article>`);
    expect(m.title).toBe('Flats Plan Approved');
  });

  it('the h1 inside the article, never a site-logo h1 or a "back to home" h1', () => {
    const m = meta(
      '<title>Fenwick Courier</title>',
      `<header><h1 class="logo"><a href="/">Fenwick Courier</a></h1></header><h1><a href="${O}/">courier back to courier home</a></h1><main><article><h1>Clock Restorer Chosen</h1>${body}</article></main>`,
    );
    expect(m.title).toBe('Clock Restorer Chosen');
    expect(m.headline?.textContent).toBe('Clock Restorer Chosen');
  });

  it('an h1 holding a <style> block gives no CSS text', () => {
    const m = meta('', `<div><h1><style>.logo{display:block;text-indent:-1000px}</style>Garden Plot Opens</h1></div>${body}`);
    expect(m.title).toBe('Garden Plot Opens');
  });

  it('<title> minus the site name when nothing else names the story', () => {
    expect(meta('<title>Fenwick Courier - Bus Depot Moves Out</title><meta property="og:site_name" content="Fenwick Courier">', body).title).toBe('Bus Depot Moves Out');
    expect(meta('<title>Bus Depot Moves Out | courier.example.test</title>', body).title).toBe('Bus Depot Moves Out');
  });

  it('a declared headline cut short ("…") is completed from the page\'s h1', () => {
    const m = meta(ld({ '@type': 'NewsArticle', headline: 'Council backs the garage plan after a long…' }), `<article><h1>Council backs the garage plan after a long night of debate</h1></article>`);
    expect(m.title).toBe('Council backs the garage plan after a long night of debate');
  });

  it('character references a CMS left in JSON-LD are decoded', () => {
    expect(meta(ld({ '@type': 'NewsArticle', headline: 'Flats &#8216;by autumn&#8217; &amp;amp; more' })).title).toBe('Flats ‘by autumn’ & more');
  });
});

describe('JSON-LD that does not parse as written', () => {
  it('is repaired where cheap: raw line breaks in strings, trailing commas, a comment wrapper', () => {
    const raw = '<!-- {"@type": "NewsArticle", "headline": "Garage\nFlats Approved", "datePublished": "2024-03-05",} -->';
    const m = meta(`<script type="application/ld+json">${raw}</script>`);
    expect(m.title).toBe('Garage Flats Approved');
    expect(m.publishedAt).toBe('2024-03-05');
  });

  it('a block past repair is skipped, and the rest of the page still read', () => {
    expect(parseJsonLd('{"@type": "NewsArticle", "headline": ')).toBeUndefined();
    const m = meta('<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><meta property="article:published_time" content="2024-03-06T10:00:00Z"><meta property="og:title" content="Still Read">');
    expect(m.title).toBe('Still Read');
    expect(m.publishedAt).toBe('2024-03-06T10:00:00Z');
  });
});

describe('JSON-LD in other shapes', () => {
  it('a <script> without a type holding schema.org JSON-LD is read; other scripts are not', () => {
    const m = meta(`<script>var x = {"headline": "not this"};</script><script>{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Typeless Block", "datePublished": "2024-03-02"}</script>`);
    expect(m.title).toBe('Typeless Block');
    expect(m.publishedAt).toBe('2024-03-02');
  });

  it('a page whose main node is no article (a recipe, a forum post) still gives its published date', () => {
    const m = meta(`${ld({ '@type': 'Recipe', name: 'Fenwick Apple Cake', datePublished: '2023-10-01', image: { '@type': 'ImageObject', datePublished: '2020-01-01' } })}<meta property="sailthru.date" content="2024-01-01">`);
    expect(m.publishedAt).toBe('2023-10-01');
  });
});

describe('the debug log (NODE_DEBUG=extract)', () => {
  it('says which JSON-LD block was skipped and which was repaired', () => {
    const module = pathToFileURL(path.join(import.meta.dirname, 'jsonld.ts')).href;
    const code = `import { parseJsonLd } from ${JSON.stringify(module)}; parseJsonLd('{"@type": "NewsArticle", "headline": '); parseJsonLd('{"headline": "x",}');`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { env: { ...process.env, NODE_DEBUG: 'extract' }, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/EXTRACT \d+: JSON-LD block skipped: .+\(first 80 characters: "\{\\"@type\\": \\"NewsArticle\\"/);
    expect(run.stderr).toMatch(/EXTRACT \d+: JSON-LD block repaired \(trailing commas\)/);
  });
});

describe('published date', () => {
  it.each([
    ['article:published', '<meta property="article:published" content="2024-03-01T08:00:00+01:00">'],
    ['og:article:published_time', '<meta property="og:article:published_time" content="2024-03-01T08:00:00+01:00">'],
    ['itemprop=datePublished on a meta', '<meta itemprop="datePublished" content="2024-03-01T08:00:00+01:00">'],
    ['dcterms.created', '<meta name="dcterms.created" content="2024-03-01T08:00:00+01:00">'],
    ['parsely-pub-date', '<meta name="parsely-pub-date" content="2024-03-01T08:00:00+01:00">'],
    ['publishdate', '<meta name="publishdate" content="2024-03-01T08:00:00+01:00">'],
    ['parsely-page JSON', `<meta name="parsely-page" content='{"title":"x","pub_date":"2024-03-01T08:00:00+01:00"}'>`],
  ])('%s', (_name, head) => {
    expect(meta(head).publishedAt).toBe('2024-03-01T08:00:00+01:00');
  });

  it('JSON-LD datePublished over the meta tags', () => {
    expect(meta(`${ld({ '@type': 'NewsArticle', datePublished: '2024-02-28' })}<meta property="article:published_time" content="2024-03-01">`).publishedAt).toBe('2024-02-28');
  });

  it('never falls back to the modified date', () => {
    const m = meta(`${ld({ '@type': 'NewsArticle', headline: 'x', dateModified: '2024-03-09T12:00:00Z' })}<meta property="article:modified_time" content="2024-03-09T12:00:00Z">`, `<article><h1>x</h1>${body}</article>`);
    expect(m.publishedAt).toBeNull();
    expect(m.updatedAt).toBe('2024-03-09T12:00:00Z');
  });

  it('a <time> of another story outside the article is not the date', () => {
    const m = meta('', `<aside><time datetime="2023-01-01">old teaser</time></aside><article><h1>Garage</h1><time datetime="2024-03-05T09:00:00Z">5 March</time>${body}</article>`);
    expect(m.publishedAt).toBe('2024-03-05T09:00:00Z');
  });
});

describe('byline', () => {
  it('from JSON-LD authors (a Place in the list is no author)', () => {
    expect(meta(ld({ '@type': 'NewsArticle', author: [{ '@type': 'Person', name: 'Ann Moss' }, { '@type': 'Place', name: 'Fenwick' }] })).byline).toBe('Ann Moss');
  });

  it('the article\'s own byline, not a teaser\'s that comes first on the page', () => {
    const m = meta('', `<div class="teasers"><div class="byline">By Ruth Ng</div></div><article><h1>Garage</h1><p class="byline">By Lev Ortiz</p>${body}</article>`);
    expect(m.byline).toBe('Lev Ortiz');
  });

  it('a teaser list inside the article scope is not the article\'s byline', () => {
    const m = meta('', `<article><h1>Garage</h1>${body}<div class="related-stories"><span class="byline">By Ruth Ng</span></div></article>`);
    expect(m.byline).toBe('');
  });

  it.each([['By | Staff'], ['FAIL'], ['By Fenwick Courier'], ['admin'], ['https://courier.example.test/staff/ann']])('decoy "%s" names nobody', (decoy) => {
    const m = meta('<meta property="og:site_name" content="Fenwick Courier">', `<article><h1>Garage</h1><p class="byline">${decoy}</p>${body}</article>`);
    expect(m.byline).toBe('');
  });

  it('a byline with its date and labels cleaned', () => {
    const m = meta('', `<article><h1>Garage</h1><div class="byline">Published 5 March 2024 · by Ann Moss · in Local</div>${body}</article>`);
    expect(m.byline).toBe('Ann Moss');
    expect(meta('', `<article><h1>Garage</h1><div class="byline">Ann Moss March 5, 2024, 7:57 AM</div>${body}</article>`).byline).toBe('Ann Moss');
  });
});

describe('section path', () => {
  it('breadcrumb items that are CSS or a back link are no sections', () => {
    const m = meta('', `<nav class="breadcrumb"><a href="/">Home</a><a href="/news">News</a><a href="/news/local">Local</a><span>@media only screen{x}</span><a href="/">‹ Back</a></nav><article><h1>Garage</h1>${body}</article>`);
    expect(m.sectionPath).toEqual(['News', 'Local']);
  });
});

describe('lead photo', () => {
  const page = (head: string, inside: string) =>
    extractArticle(`<html><head><meta property="og:type" content="article">${head}</head><body><article><h1>Garage Flats</h1>${inside}${body}</article></body></html>`, URL_);

  it('og:image that is the site logo is refused; the story\'s figure is the lead', () => {
    const r = page('<meta property="og:image" content="/static/site-logo.png">', '<figure><img src="/img/garage.jpg" width="1200"><figcaption>The garage. Photo: Ann Moss</figcaption></figure>');
    expect(r.leadPhoto).toMatchObject({ url: `${O}/img/garage.jpg`, caption: 'The garage.', credit: 'Ann Moss' });
  });

  it('a placeholder og:image and a JSON-LD publisher logo are no lead photo', () => {
    expect(page('<meta property="og:image" content="/i/blank.jpg">', '').leadPhoto).toBeNull();
    expect(page(ld({ '@type': 'NewsArticle', image: `${O}/brand/mark.png`, publisher: { '@type': 'Organization', name: 'Courier', logo: { '@type': 'ImageObject', url: `${O}/brand/mark.png` } } }), '').leadPhoto).toBeNull();
  });

  it('a 70 px in-page thumbnail of the declared picture gives way to the declared rendition, with the page\'s caption', () => {
    const r = page('<meta property="og:image" content="/img/garage-1200x800.jpg">', '<figure><img src="/img/garage-70x70.jpg" width="70" height="70"><figcaption>The garage at dusk. Photo: Lev Ortiz</figcaption></figure>');
    expect(r.leadPhoto).toMatchObject({ url: `${O}/img/garage-1200x800.jpg`, caption: 'The garage at dusk.', credit: 'Lev Ortiz' });
    expect(r.bodyHtml).not.toContain('garage-70x70');
  });

  it('a JSON-LD image that is a thumbnail gives way to the larger og:image, keeping its caption', () => {
    const r = page(`${ld({ '@type': 'NewsArticle', headline: 'Garage Flats', image: { '@type': 'ImageObject', url: `${O}/img/garage-150x150.jpg`, caption: 'The garage', creditText: 'Ann Moss' } })}<meta property="og:image" content="${O}/img/garage-1200x800.jpg">`, '');
    expect(r.leadPhoto).toMatchObject({ url: `${O}/img/garage-1200x800.jpg`, caption: 'The garage', credit: 'Ann Moss' });
  });

  it('the declared image over an unrelated small figure before the text', () => {
    const r = page('<meta property="og:image" content="/img/flats.jpg">', '<figure><img src="/img/author-face.jpg" width="70" height="70"><figcaption>Ann Moss</figcaption></figure>');
    expect(r.leadPhoto?.url).toBe(`${O}/img/flats.jpg`);
  });

  it('JSON-LD image given by an @id reference to an ImageObject in the graph', () => {
    const r = page(ld({ '@graph': [{ '@type': 'ImageObject', '@id': `${URL_}#primaryimage`, url: `${O}/img/render.jpg`, caption: 'The courtyard', creditText: 'Hale Architects' }, { '@type': 'Article', headline: 'Garage Flats', image: { '@id': `${URL_}#primaryimage` } }] }), '');
    expect(r.leadPhoto).toMatchObject({ url: `${O}/img/render.jpg`, caption: 'The courtyard', credit: 'Hale Architects' });
  });
});

describe('headline and body', () => {
  it('the story\'s h1 leaves the body when the title comes from og:title', () => {
    const r = extractArticle(`<html><head><meta property="og:title" content="Flats Plan Approved"></head><body><article><h1>Flats plan approved, at last</h1>${body}</article></body></html>`, URL_);
    expect(r.title).toBe('Flats Plan Approved');
    expect(r.bodyText).not.toContain('at last');
    expect(r.bodyText).toContain('Paragraph 1');
  });
});

describe('one field failing never drops the page', () => {
  it('a link whose path is not valid percent-encoding ("URI malformed") costs nothing', () => {
    const r = extractArticle(`<html><body><article><h1>Garage Flats</h1>${body}<p><a href="/news/100%-sure-the-garage-will-open">100% sure the garage will open</a> <a href="/news/local/garden-plot-approved">Corner Garden Approved for School</a></p></article></body></html>`, URL_);
    expect(r.title).toBe('Garage Flats');
    expect(r.related.map((x) => x.url)).toContain(`${O}/news/local/garden-plot-approved`);
  });
});
