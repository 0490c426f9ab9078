// OPML import and export: the parser's rules (nested outlines, http(s) only, hostile files refused)
// and the service end to end on real data folders (duplicates skipped, export -> import round trip).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_OPML_CHARS, OpmlError, feedsFromOpml, opmlFromSources } from './opml';
import { createNewsService, type CoreNewsService } from './service';

const firstRunDir = path.resolve(import.meta.dirname, '../../assets/first-run');

const NESTED = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="World">
      <outline text="Harbour Times" title="Harbour Times" type="rss" xmlUrl="https://harbour.example/feed.xml" htmlUrl="https://harbour.example/"/>
      <outline text="Deep">
        <outline text="Valley &amp; Hills" type="rss" xmlUrl="http://valley.example/rss?x=1&amp;y=2"/>
      </outline>
    </outline>
    <outline text="Local file" xmlUrl="file:///etc/passwd"/>
    <outline text="Script" xmlUrl="javascript:alert(1)"/>
    <outline text="Harbour again" xmlUrl="https://harbour.example/feed.xml"/>
    <outline text="Just a folder"/>
  </body>
</opml>`;

describe('feedsFromOpml', () => {
  it('walks nested outlines, decodes attributes, keeps http(s) feeds once each', () => {
    const { feeds, errors } = feedsFromOpml(NESTED);
    expect(feeds).toEqual([
      { url: 'https://harbour.example/feed.xml', title: 'Harbour Times', siteUrl: 'https://harbour.example/' },
      { url: 'http://valley.example/rss?x=1&y=2', title: 'Valley & Hills', siteUrl: '' },
    ]);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/Local file.*not an http\(s\) feed URL/);
    expect(errors[1]).toMatch(/Script/);
  });

  const hostile: [string, string, RegExp][] = [
    ['billion laughs', `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><opml version="2.0"><body><outline text="&c;" xmlUrl="https://a.example/f"/></body></opml>`, /entities/],
    ['XXE', `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]><opml version="2.0"><body><outline text="&x;" xmlUrl="https://a.example/f"/></body></opml>`, /entities/],
    ['deep nesting', `<opml version="2.0"><body>${'<outline text="a">'.repeat(5000)}${'</outline>'.repeat(5000)}</body></opml>`, /nested/],
    ['too large', `<opml version="2.0"><body>${' '.repeat(MAX_OPML_CHARS)}</body></opml>`, /larger than 2 MiB/],
    ['too many entries', `<opml version="2.0"><body>${'<outline text="a"/>'.repeat(10_001)}</body></opml>`, /more than 10000 entries/],
    ['an HTML page', '<!doctype html><html><body><p>hello</p></body></html>', /Not an OPML file/],
    ['truncated XML', '<opml version="2.0"><body><outline text="a" xmlUrl="https://a.example/f"', /Not an OPML file/],
    ['empty text', '   ', /empty/],
  ];
  it.each(hostile)('refuses %s with a clear error, fast', (_name, xml, message) => {
    const started = performance.now();
    expect(() => feedsFromOpml(xml)).toThrow(OpmlError);
    expect(() => feedsFromOpml(xml)).toThrow(message);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('writes OPML 2.0 that reads back the same', () => {
    const xml = opmlFromSources([
      { id: 's1', url: 'https://a.example/feed?x=1&y=2', title: 'A & "B" <C>', siteUrl: 'https://a.example/', addedAt: '', lastSyncAt: null, lastError: null, articleCount: 0, section: null, consecutiveFailures: 0, retryAfter: null },
      { id: 's2', url: 'http://b.example/rss', title: '', siteUrl: '', addedAt: '', lastSyncAt: null, lastError: null, articleCount: 0, section: null, consecutiveFailures: 0, retryAfter: null },
    ]);
    expect(xml).toMatch(/<opml version="2\.0">/);
    expect(feedsFromOpml(xml).feeds).toEqual([
      { url: 'https://a.example/feed?x=1&y=2', title: 'A & "B" <C>', siteUrl: 'https://a.example/' },
      { url: 'http://b.example/rss', title: 'http://b.example/rss', siteUrl: '' },
    ]);
  });
});

describe('service importOpml / exportOpml', () => {
  const dirs: string[] = [];
  const services: CoreNewsService[] = [];
  const open = async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opml-'));
    dirs.push(dataDir);
    const service = await createNewsService({ dataDir, firstRunDir });
    services.push(service);
    return service;
  };
  afterEach(async () => {
    for (const s of services.splice(0)) await s.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('imports nested feeds, skips known ones and reports refused entries', async () => {
    const service = await open();
    await service.api.addSource({ url: 'http://valley.example/rss?x=1&y=2', title: 'Valley (mine)' });
    const changes: string[] = [];
    service.on('store:changed', (e) => changes.push(e.reason));
    const result = await service.api.importOpml(NESTED);
    expect(result).toEqual({ added: 1, skipped: 1, errors: [expect.stringMatching(/Local file/), expect.stringMatching(/Script/)] });
    const sources = await service.api.listSources();
    expect(sources.map((s) => [s.url, s.title, s.siteUrl]).sort()).toEqual([
      ['http://valley.example/rss?x=1&y=2', 'Valley (mine)', ''],
      ['https://harbour.example/feed.xml', 'Harbour Times', 'https://harbour.example/'],
    ]);
    expect(changes).toEqual(['sources-imported']);
    expect(await service.api.importOpml(NESTED)).toMatchObject({ added: 0, skipped: 2 });
    await expect(service.api.importOpml('<!DOCTYPE x [<!ENTITY a "b">]><opml/>')).rejects.toThrow(/entities/);
  });

  it('exports the user sources (not the first-run edition) and round-trips into a fresh data folder', async () => {
    const first = await open();
    expect(first.seededArticles).toBeGreaterThan(0);
    const empty = await first.api.exportOpml();
    expect(empty).not.toMatch(/<outline/);
    expect(feedsFromOpml(empty).feeds).toEqual([]);
    await first.api.importOpml(NESTED);
    const xml = await first.api.exportOpml();
    expect(xml).toContain('xmlUrl="http://valley.example/rss?x=1&amp;y=2"');
    const second = await open();
    expect(await second.api.importOpml(xml)).toEqual({ added: 2, skipped: 0, errors: [] });
    const strip = (list: Awaited<ReturnType<typeof first.api.listSources>>) => list.map((s) => [s.url, s.title, s.siteUrl]).sort();
    expect(strip(await second.api.listSources())).toEqual(strip(await first.api.listSources()));
  });

  it('imports 500 feeds in reasonable time', async () => {
    const service = await open();
    const outlines = Array.from({ length: 500 }, (_, i) => `<outline text="Feed ${i}" type="rss" xmlUrl="https://site${i}.example/feed.xml" htmlUrl="https://site${i}.example/"/>`);
    const xml = `<opml version="2.0"><head><title>Many</title></head><body>${outlines.join('\n')}</body></opml>`;
    const started = performance.now();
    expect(await service.api.importOpml(xml)).toEqual({ added: 500, skipped: 0, errors: [] });
    const ms = performance.now() - started;
    expect((await service.api.listSources()).length).toBe(500);
    console.log(`importOpml: 500 feeds in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(5_000);
  });
});
