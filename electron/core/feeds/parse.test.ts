// parseFeed on feeds written for these tests: every format, every field the reader uses, and the
// hostile inputs from RELIABILITY.md (billion laughs, XXE, deep nesting, __proto__, huge fields).
import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../types';
import { FeedParseError, discoverFeedLinks, parseFeed, sectionPathFromCategories } from './parse';

const FEED_URL = 'https://news.example/feeds/main.xml';

const NS =
  'xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
  'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:slash="http://purl.org/rss/1.0/modules/slash/" ' +
  'xmlns:atom="http://www.w3.org/2005/Atom"';

const rss = (items: string, channelExtra = '', rssAttrs = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" ${NS} ${rssAttrs}><channel><title>Harbour Gazette</title>` +
  `<link>https://news.example/</link><description>Local news</description>${channelExtra}${items}</channel></rss>`;

const RSS_FULL = rss(`
  <item>
    <title>Ferry &amp;amp; bridge &lt;b&gt;reopen&lt;/b&gt; after storm</title>
    <link>/2024/02/16/ferry-reopens</link>
    <guid isPermaLink="false">harbour-1001</guid>
    <pubDate>Fri, 16 Feb 2024 08:30:00 EST</pubDate>
    <description>&lt;p&gt;The harbour ferry runs again &amp;amp; the bridge is open.&lt;/p&gt;</description>
    <content:encoded><![CDATA[<p>The harbour ferry <a href="/ferry">runs again</a>.</p><img src="/img/inline.jpg">]]></content:encoded>
    <dc:creator>Mara Quill</dc:creator>
    <author>desk@news.example (News Desk)</author>
    <category>News &gt; Harbour</category>
    <category>Transport</category>
    <slash:comments>17</slash:comments>
    <media:content url="https://cdn.news.example/ferry-large.jpg" medium="image" width="1600" height="900">
      <media:title>Ferry at dawn</media:title>
      <media:description>The ferry leaves the north quay at dawn.</media:description>
      <media:credit role="photographer">Ilse Varga</media:credit>
      <media:thumbnail url="https://cdn.news.example/ferry-thumb.jpg"/>
    </media:content>
    <media:content url="https://cdn.news.example/clip.mp4" medium="video"/>
    <enclosure url="https://cdn.news.example/bridge.png" type="image/png" length="1234"/>
    <enclosure url="https://cdn.news.example/podcast.mp3" type="audio/mpeg" length="99"/>
  </item>`);

const ATOM_FULL = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" ${NS.replace('xmlns:atom="http://www.w3.org/2005/Atom"', '')} xml:base="https://blog.example/notes/">
  <title type="html">Field &amp;amp; Notes</title>
  <link rel="self" href="https://blog.example/atom.xml"/>
  <link rel="alternate" type="text/html" href="https://blog.example/"/>
  <id>urn:uuid:feed-1</id>
  <updated>2024-02-16T12:00:00Z</updated>
  <author><name>Feed Author</name></author>
  <entry xml:base="2024/">
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Moss <em>grows</em> north</div></title>
    <id>urn:uuid:entry-1</id>
    <link rel="alternate" type="text/html" href="moss.html"/>
    <link rel="enclosure" type="image/jpeg" href="moss.jpg" title="Moss on a stone"/>
    <link rel="replies" href="moss.html#comments"/>
    <published>2024-02-15T23:30:00-05:00</published>
    <updated>2024-02-16T10:00:00+01:00</updated>
    <category term="science" label="Science / Botany"/>
    <summary type="html">&lt;p&gt;Why moss &lt;em&gt;prefers&lt;/em&gt; the north side.&lt;/p&gt;</summary>
    <content type="html">&lt;p&gt;Full text about moss.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Plain entry</title>
    <id>urn:uuid:entry-2</id>
    <link href="https://elsewhere.example/plain"/>
    <updated>2024-02-14T09:00:00Z</updated>
    <author><name>Guest Writer</name></author>
    <content type="text">Line one &amp; more.

Second paragraph.</content>
  </entry>
</feed>`;

const RDF_FULL = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" ${NS}>
  <channel rdf:about="https://old.example/">
    <title>Old Wire</title><link>https://old.example/</link><description>since 1999</description>
  </channel>
  <item rdf:about="https://old.example/story/7">
    <title>Tide tables printed</title>
    <link>https://old.example/story/7</link>
    <description>New tables for the season.</description>
    <dc:date>2024-02-16</dc:date>
    <dc:creator>R. Tern</dc:creator>
    <dc:subject>Almanac/Tides</dc:subject>
    <slash:comments>3</slash:comments>
  </item>
</rdf:RDF>`;

const JSON_FULL = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Kite Weekly',
  home_page_url: 'https://kites.example/',
  feed_url: 'https://kites.example/feed.json',
  authors: [{ name: 'Kite Desk' }],
  items: [
    {
      id: 'k-1',
      url: '/posts/box-kites',
      title: 'Box kites &amp; their <i>cousins</i>',
      content_html: '<p>Box kites fly well.</p>',
      summary: 'A short history of box kites.',
      image: '/img/box.jpg',
      banner_image: 'https://kites.example/img/banner.jpg',
      date_published: '2024-02-16T09:00:00+00:00',
      date_modified: '2024-02-17T09:00:00+00:00',
      tags: ['Hobbies > Kites', 'Weekend'],
      authors: [{ name: 'Ada Flyer' }],
      attachments: [
        { url: 'https://kites.example/img/diagram.png', mime_type: 'image/png', title: 'Frame diagram' },
        { url: 'https://kites.example/audio.mp3', mime_type: 'audio/mpeg' },
      ],
    },
    { id: 'k-2', external_url: 'https://other.example/x', content_text: 'Only text.\n\nTwo paras <b>not html</b>.' },
  ],
});

function only(feed: { items: FeedItem[] }): FeedItem {
  expect(feed.items).toHaveLength(1);
  return feed.items[0]!;
}

function parseError(text: string): FeedParseError {
  try {
    parseFeed(text, FEED_URL);
  } catch (err) {
    expect(err).toBeInstanceOf(FeedParseError);
    return err as FeedParseError;
  }
  throw new Error('expected a FeedParseError');
}

describe('parseFeed: RSS 2.0 with namespaces', () => {
  const feed = parseFeed(RSS_FULL, FEED_URL);
  const item = only(feed);

  it.each<[string, unknown, unknown]>([
    ['format', feed.format, 'rss'],
    ['feed title', feed.title, 'Harbour Gazette'],
    ['site URL', feed.siteUrl, 'https://news.example/'],
    ['guid', item.guid, 'harbour-1001'],
    ['link resolved against the feed URL', item.link, 'https://news.example/2024/02/16/ferry-reopens'],
    ['title: entities decoded, tags stripped', item.title, 'Ferry & bridge reopen after storm'],
    ['summary is plain text', item.summary, 'The harbour ferry runs again & the bridge is open.'],
    ['authors from dc:creator and author', item.authors, ['Mara Quill', 'News Desk']],
    ['categories', item.categories, ['News > Harbour', 'Transport']],
    ['published keeps its own zone', item.publishedAt, '2024-02-16T08:30:00-05:00'],
    ['no updated date', item.updatedAt, null],
    ['comment count', item.commentCount, 17],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('keeps content:encoded raw', () => {
    expect(item.contentHtml).toBe('<p>The harbour ferry <a href="/ferry">runs again</a>.</p><img src="/img/inline.jpg">');
  });

  it('collects image media and image enclosures with caption, credit and size; skips video and audio', () => {
    expect(item.photos).toEqual([
      {
        url: 'https://cdn.news.example/ferry-large.jpg',
        caption: 'The ferry leaves the north quay at dawn.',
        credit: 'Ilse Varga',
        alt: 'Ferry at dawn',
        width: 1600,
        height: 900,
      },
      { url: 'https://cdn.news.example/bridge.png', caption: '', credit: '', alt: '', width: null, height: null },
    ]);
  });
});

describe('parseFeed: RSS item variants', () => {
  const one = (itemXml: string, extra = '', rssAttrs = ''): FeedItem => only(parseFeed(rss(`<item>${itemXml}</item>`, extra, rssAttrs), FEED_URL));

  it.each<[string, string, Partial<FeedItem>]>([
    ['permalink guid becomes the link', '<title>a</title><guid>https://news.example/p/1</guid>', { guid: 'https://news.example/p/1', link: 'https://news.example/p/1' }],
    ['non-permalink guid is not a link', '<title>a</title><guid isPermaLink="false">https://news.example/p/1</guid>', { link: null }],
    ['javascript: link dropped', '<title>a</title><link>javascript:alert(1)</link>', { link: null }],
    ['whitespace around link', '<title>a</title><link>\n   https://news.example/x  \n</link>', { link: 'https://news.example/x' }],
    ['description becomes content when no content:encoded', '<title>a</title><description><![CDATA[<p>Short <b>text</b></p>]]></description>', { contentHtml: '<p>Short <b>text</b></p>', summary: 'Short text' }],
    ['dc:date when no pubDate', '<title>a</title><dc:date>2024-02-16T10:00:00Z</dc:date>', { publishedAt: '2024-02-16T10:00:00Z' }],
    ['sloppy pubDate', '<title>a</title><pubDate>Sat, Dec 16 2023 02:02:33 PM</pubDate>', { publishedAt: '2023-12-16T14:02:33Z' }],
    ['slash date form', '<title>a</title><pubDate>2020/1/10 14:28:00</pubDate>', { publishedAt: '2020-01-10T14:28:00Z' }],
    ['date-only stays that day', '<title>a</title><pubDate>16 February 2024</pubDate>', { publishedAt: '2024-02-16' }],
    ['two-digit year', '<title>a</title><pubDate>Fri, 16 Feb 24 10:00:00 GMT</pubDate>', { publishedAt: '2024-02-16T10:00:00Z' }],
    ['unparseable date is null, never now', '<title>a</title><pubDate>sometime last week</pubDate>', { publishedAt: null }],
    ['missing date is null', '<title>a</title>', { publishedAt: null, updatedAt: null }],
    ['negative comment count ignored', '<title>a</title><slash:comments>-4</slash:comments>', { commentCount: null }],
    ['numeric entities in title', '<title>It&#8217;s &#x201C;fine&#x201D; &#169;</title>', { title: 'It’s “fine” ©' }],
    ['HTML named entities in CDATA title', '<title><![CDATA[Caf&eacute; &amp; bar <br/> opens]]></title>', { title: 'Café & bar opens' }],
    ['literal less-than in title survives', '<title>Rates &lt; 2% for now</title>', { title: 'Rates < 2% for now' }],
    ['dc:subject as category', '<title>a</title><dc:subject>Science</dc:subject>', { categories: ['Science'] }],
  ])('%s', (_name, itemXml, expected) => {
    expect(one(itemXml)).toMatchObject(expected);
  });

  it('resolves links against channel and item xml:base', () => {
    const feed = parseFeed(
      rss('<item xml:base="/desk/"><title>a</title><link>story.html</link></item><item><title>b</title><link>top.html</link></item>', '', 'xml:base="https://mirror.example/base/"'),
      FEED_URL,
    );
    expect(feed.items.map((item) => item.link)).toEqual(['https://mirror.example/desk/story.html', 'https://mirror.example/base/top.html']);
  });

  it('reads media:group with its own description and credit', () => {
    const item = one(`<title>g</title><media:group>
        <media:content url="https://cdn.example/a.jpg" type="image/jpeg" width="800" height="600"/>
        <media:content url="https://cdn.example/a-small.jpg" type="image/jpeg" width="400" height="300"/>
        <media:description>Boats in the &lt;b&gt;harbour&lt;/b&gt;.</media:description>
        <media:credit>Photo Agency</media:credit>
      </media:group>`);
    expect(item.photos.map((p) => [p.url, p.caption, p.credit, p.width])).toEqual([
      ['https://cdn.example/a.jpg', 'Boats in the harbour.', 'Photo Agency', 800],
      ['https://cdn.example/a-small.jpg', 'Boats in the harbour.', 'Photo Agency', 400],
    ]);
  });

  it('uses media:thumbnail only when no larger photo exists, with item-level caption', () => {
    const item = one(`<title>t</title><media:thumbnail url="/thumbs/t.jpg" width="120" height="80"/><media:description>Tiny view</media:description>`);
    expect(item.photos).toEqual([{ url: 'https://news.example/thumbs/t.jpg', caption: 'Tiny view', credit: '', alt: 'Tiny view', width: 120, height: 80 }]);
  });

  it('takes media:content without type or medium when the URL is an image file', () => {
    const item = one('<title>t</title><media:content url="https://cdn.example/p.webp?w=800"/><media:content url="https://cdn.example/page"/>');
    expect(item.photos.map((p) => p.url)).toEqual(['https://cdn.example/p.webp?w=800']);
  });

  it('drops photo URLs that are not http(s) and repeated ones', () => {
    const item = one(
      '<title>t</title><media:content url="javascript:alert(1)" medium="image"/><media:content url="data:image/png;base64,AAAA" medium="image"/>' +
        '<media:content url="https://cdn.example/x.jpg" medium="image"/><enclosure url="https://cdn.example/x.jpg" type="image/jpeg" length="1"/>',
    );
    expect(item.photos.map((p) => p.url)).toEqual(['https://cdn.example/x.jpg']);
  });

  it('collapses items repeated inside one feed (same guid, same link, or same title and date)', () => {
    const feed = parseFeed(
      rss(`
        <item><title>First</title><guid>g-1</guid><link>https://news.example/1</link></item>
        <item><title>First again</title><guid>g-1</guid><link>https://news.example/1</link></item>
        <item><title>Linked</title><link>https://news.example/2</link></item>
        <item><title>Linked twice</title><link>https://news.example/2</link></item>
        <item><title>Bare</title><pubDate>16 February 2024</pubDate></item>
        <item><title>Bare</title><pubDate>16 February 2024</pubDate></item>
        <item><title>Bare</title><pubDate>17 February 2024</pubDate></item>
        <item></item>`),
      FEED_URL,
    );
    expect(feed.items.map((item) => item.title)).toEqual(['First', 'Linked', 'Bare', 'Bare']);
  });

  it('reads RSS 0.91 as rss', () => {
    const feed = parseFeed('<rss version="0.91"><channel><title>Old</title><link>https://o.example/</link><item><title>x</title><link>https://o.example/x</link></item></channel></rss>', FEED_URL);
    expect(feed.format).toBe('rss');
    expect(feed.items[0]!.link).toBe('https://o.example/x');
  });

  it('reads RSS 0.91 with its public DOCTYPE and an xml-stylesheet instruction', () => {
    const text =
      '<?xml version="1.0" encoding="ISO-8859-1"?>\n<?xml-stylesheet type="text/xsl" href="/rss.xsl"?>\n' +
      '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n' +
      '<rss version="0.91"><channel><title>Old</title><link>https://o.example/</link><description>d</description>' +
      '<item><title>Caf&eacute; opens</title><link>https://o.example/x</link></item></channel></rss>';
    expect(parseFeed(text, FEED_URL).items.map((i) => [i.title, i.link])).toEqual([['Café opens', 'https://o.example/x']]);
  });

  it('accepts a leading BOM and whitespace', () => {
    expect(parseFeed(`\ufeff\n  ${rss('<item><title>x</title></item>')}`, FEED_URL).items).toHaveLength(1);
  });
});

describe('parseFeed: Atom 1.0', () => {
  const feed = parseFeed(ATOM_FULL, FEED_URL);
  const [moss, plain] = feed.items as [FeedItem, FeedItem];

  it.each<[string, unknown, unknown]>([
    ['format', feed.format, 'atom'],
    ['feed title (html type)', feed.title, 'Field & Notes'],
    ['site URL from rel=alternate', feed.siteUrl, 'https://blog.example/'],
    ['guid from id', moss.guid, 'urn:uuid:entry-1'],
    ['link against feed + entry xml:base', moss.link, 'https://blog.example/notes/2024/moss.html'],
    ['xhtml title as text', moss.title, 'Moss grows north'],
    ['summary as text', moss.summary, 'Why moss prefers the north side.'],
    ['content html raw', moss.contentHtml, '<p>Full text about moss.</p>'],
    ['feed author inherited', moss.authors, ['Feed Author']],
    ['category label', moss.categories, ['Science / Botany']],
    ['published keeps its zone', moss.publishedAt, '2024-02-15T23:30:00-05:00'],
    ['updated', moss.updatedAt, '2024-02-16T10:00:00+01:00'],
    ['enclosure link photo', moss.photos.map((p) => [p.url, p.caption]), [['https://blog.example/notes/2024/moss.jpg', 'Moss on a stone']]],
    ['link without rel', plain.link, 'https://elsewhere.example/plain'],
    ['own author', plain.authors, ['Guest Writer']],
    ['published falls back to updated', plain.publishedAt, '2024-02-14T09:00:00Z'],
    ['text content becomes escaped paragraphs', plain.contentHtml, '<p>Line one &amp; more.</p>\n<p>Second paragraph.</p>'],
    ['summary from content', plain.summary, 'Line one & more. Second paragraph.'],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});

describe('parseFeed: RSS 1.0 (RDF)', () => {
  const feed = parseFeed(RDF_FULL, FEED_URL);
  const item = only(feed);
  it('reads channel and item fields', () => {
    expect(feed).toMatchObject({ format: 'rdf', title: 'Old Wire', siteUrl: 'https://old.example/' });
    expect(item).toMatchObject({
      guid: 'https://old.example/story/7',
      link: 'https://old.example/story/7',
      title: 'Tide tables printed',
      summary: 'New tables for the season.',
      authors: ['R. Tern'],
      categories: ['Almanac/Tides'],
      publishedAt: '2024-02-16',
      commentCount: 3,
    });
  });
});

describe('parseFeed: JSON Feed', () => {
  it('reads every field', () => {
    const feed = parseFeed(JSON_FULL, FEED_URL);
    expect(feed).toMatchObject({ format: 'json', title: 'Kite Weekly', siteUrl: 'https://kites.example/' });
    const [first, second] = feed.items as [FeedItem, FeedItem];
    expect(first).toMatchObject({
      guid: 'k-1',
      link: 'https://news.example/posts/box-kites',
      title: 'Box kites & their cousins',
      summary: 'A short history of box kites.',
      contentHtml: '<p>Box kites fly well.</p>',
      authors: ['Ada Flyer'],
      categories: ['Hobbies > Kites', 'Weekend'],
      publishedAt: '2024-02-16T09:00:00Z',
      updatedAt: '2024-02-17T09:00:00Z',
      commentCount: null,
    });
    expect(first.photos.map((p) => [p.url, p.caption])).toEqual([
      ['https://news.example/img/box.jpg', ''],
      ['https://kites.example/img/banner.jpg', ''],
      ['https://kites.example/img/diagram.png', 'Frame diagram'],
    ]);
    expect(second).toMatchObject({
      link: 'https://other.example/x',
      authors: ['Kite Desk'],
      contentHtml: '<p>Only text.</p>\n<p>Two paras &lt;b&gt;not html&lt;/b&gt;.</p>',
      summary: 'Only text. Two paras <b>not html</b>.',
    });
  });

  it.each([['1.1'], ['https://jsonfeed.org/version/2'], ['']])('reads a feed with version string %j', (version) => {
    const feed = parseFeed(JSON.stringify({ version, title: 'V', items: [{ id: '1', title: 'x' }] }), FEED_URL);
    expect(feed.items.map((i) => i.guid)).toEqual(['1']);
  });

  it('reads a feed with no version at all', () => {
    expect(parseFeed(JSON.stringify({ title: 'V', items: [{ id: '1', title: 'x' }] }), FEED_URL).format).toBe('json');
  });

  it('skips items with wrong types or a 10 MB title, keeps the others', () => {
    const text = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Mixed',
      items: [null, 'string item', 42, { id: 'huge', title: 'x'.repeat(10_000_000) }, { id: 'ok', title: 'Fine', url: { not: 'a string' } }],
    });
    const started = performance.now();
    const feed = parseFeed(text, FEED_URL);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(feed.items.map((i) => [i.guid, i.title, i.link])).toEqual([['ok', 'Fine', null]]);
  });
});

describe('parseFeed: not a feed, broken feeds', () => {
  it.each<[string, string, RegExp]>([
    ['HTML page', '<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hi</p></body></html>', /^not a feed \(got an HTML page\)$/],
    ['HTML without doctype', '\n<html lang="en"><body>x</body></html>', /got an HTML page/],
    ['XHTML with XML declaration', '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', /got an HTML page/],
    ['empty', '   \n ', /^not a feed \(empty response\)$/],
    ['plain text', 'Service temporarily unavailable', /neither XML nor JSON/],
    ['other XML', '<?xml version="1.0"?><sitemap><url/></sitemap>', /root element <sitemap>/],
    ['JSON that is not a feed', '{"status":"ok","data":[1,2,3]}', /JSON that is not a JSON Feed/],
    ['JSON array', '[1,2,3]', /JSON that is not a JSON Feed/],
    ['invalid JSON', '{"title": "x", "items": [', /invalid JSON/],
    ['truncated XML', rss('<item><title>One</title></item><item><title>Tw').slice(0, -30), /malformed or truncated XML/],
    ['mismatched tags', '<rss version="2.0"><channel><title>x</titel></channel></rss>', /malformed or truncated XML/],
    ['rss without channel', '<rss version="2.0"></rss>', /broken feed/],
  ])('%s', (_name, text, message) => {
    const err = parseError(text);
    expect(err.message).toMatch(message);
    const reason = /HTML page/.test(err.message) ? 'html' : /^not a feed/.test(err.message) ? 'not-a-feed' : 'malformed';
    expect(err.reason).toBe(reason);
  });
});

describe('parseFeed: hostile input', () => {
  const timed = (fn: () => void): number => {
    const started = performance.now();
    fn();
    return performance.now() - started;
  };

  it('billion laughs: entities stay literal, within 100 ms', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const text = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${levels}]>${rss('<item><title>&lol9;</title><description>&lol9;</description></item>').replace(/^<\?xml[^>]*>\n?/, '')}`;
    let title = '';
    const ms = timed(() => {
      try {
        title = parseFeed(text, FEED_URL).items[0]?.title ?? '';
      } catch (err) {
        expect(err).toBeInstanceOf(FeedParseError);
      }
    });
    expect(ms).toBeLessThan(100);
    expect(title.length).toBeLessThan(100);
    expect(title).not.toContain('lollol');
  });

  it('quadratic blow-up: a 100 KB entity used 20,000 times is not expanded', () => {
    const text = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY big "${'b'.repeat(100_000)}">]>${rss(`<item><title>t</title><description>${'&big;'.repeat(20_000)}</description></item>`).replace(/^<\?xml[^>]*>\n?/, '')}`;
    let summary = '';
    const ms = timed(() => {
      try {
        summary = parseFeed(text, FEED_URL).items[0]?.summary ?? '';
      } catch (err) {
        expect(err).toBeInstanceOf(FeedParseError);
      }
    });
    expect(ms).toBeLessThan(500);
    expect(summary).not.toContain('bbbb');
  });

  it.each([
    ['SYSTEM', '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'],
    ['PUBLIC', '<!DOCTYPE r [<!ENTITY xxe PUBLIC "-//x//y" "file:///etc/hostname">]>'],
    ['parameter entity', '<!DOCTYPE r [<!ENTITY % ext SYSTEM "file:///etc/passwd"> %ext;]>'],
  ])('XXE (%s): refused or literal, no file content', (_name, doctype) => {
    const text = `<?xml version="1.0"?>${doctype}${rss('<item><title>a &xxe; b</title><description>&xxe;</description></item>').replace(/^<\?xml[^>]*>\n?/, '')}`;
    let output = '';
    const ms = timed(() => {
      try {
        output = JSON.stringify(parseFeed(text, FEED_URL));
      } catch (err) {
        expect(err).toBeInstanceOf(FeedParseError);
        output = (err as Error).message;
      }
    });
    expect(ms).toBeLessThan(100);
    expect(output).not.toMatch(/root:|localhost|\/bin\/(ba)?sh/);
  });

  it.each([
    ['inside an item', (deep: string) => rss(`<item><title>x</title><extra>${deep}</extra></item>`)],
    ['inside the channel', (deep: string) => rss(deep)],
    ['unclosed', (deep: string) => rss('').replace('</channel></rss>', deep.slice(0, deep.length / 2))],
    ['in Atom xhtml content', (deep: string) => ATOM_FULL.replace('<content type="html">&lt;p&gt;Full text about moss.&lt;/p&gt;</content>', `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${deep.replace(/a>/g, 'div>')}</div></content>`)],
  ])('200,000 nested elements %s: fails fast', (_name, build) => {
    const deep = '<a>'.repeat(200_000) + '</a>'.repeat(200_000);
    const text = build(deep);
    const ms = timed(() => {
      const err = parseError(text);
      expect(err.message).toMatch(/nested too deeply/);
      expect(err.reason).toBe('refused');
    });
    expect(ms).toBeLessThan(1000);
  });

  it('200,000 nested JSON arrays: fails fast', () => {
    const text = `{"version":"https://jsonfeed.org/version/1","title":"x","items":[{"id":"1","tags":${'['.repeat(200_000)}${']'.repeat(200_000)}}]}`;
    const ms = timed(() => {
      expect(parseError(text).message).toMatch(/nested more than/);
    });
    expect(ms).toBeLessThan(1000);
  });

  it('deeply nested markup inside CDATA is kept as content, not parsed', () => {
    const feed = parseFeed(rss(`<item><title>x</title><description><![CDATA[${'<b>'.repeat(200_000)}]]></description></item>`), FEED_URL);
    expect(feed.items[0]!.contentHtml.length).toBe(600_000);
  });

  it('__proto__ / constructor names in XML and JSON pollute nothing', () => {
    const xml = rss(
      '<__proto__><polluted>yes</polluted></__proto__><item><title>kept</title><constructor>c</constructor>' +
        '<prototype><polluted>yes</polluted></prototype><link __proto__="x" constructor="y">https://news.example/k</link></item>',
    );
    const json = '{"version":"https://jsonfeed.org/version/1.1","title":"p","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},' +
      '"items":[{"id":"1","title":"kept","__proto__":{"polluted":"yes"},"tags":["a"],"authors":[{"name":"n","__proto__":{"polluted":"yes"}}]}]}';
    const fromXml = parseFeed(xml, FEED_URL);
    const fromJson = parseFeed(json, FEED_URL);
    expect(fromXml.items.map((i) => [i.title, i.link])).toEqual([['kept', 'https://news.example/k']]);
    expect(fromJson.items.map((i) => i.title)).toEqual(['kept']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf(fromJson.items[0])).toBe(Object.prototype);
  });
});

describe('sectionPathFromCategories', () => {
  it.each<[string[], string[]]>([
    [['News > Palestine'], ['News', 'Palestine']],
    [['News>World>Europe'], ['News', 'World', 'Europe']],
    [['Sport/Football'], ['Sport', 'Football']],
    [[' Culture '], ['Culture']],
    [['', '  ', 'Opinion > '], ['Opinion']],
    [['Business > Markets', 'Other'], ['Business', 'Markets']],
    [[], []],
  ])('%j -> %j', (categories, expected) => {
    expect(sectionPathFromCategories(categories)).toEqual(expected);
  });
});

describe('discoverFeedLinks', () => {
  const page = `<!doctype html><html><head>
    <link rel="stylesheet" href="/s.css">
    <link rel="alternate" type="application/rss+xml" title="All" href="/feed.xml">
    <link rel="alternate" type="application/atom+xml" href="https://news.example/atom">
    <link rel="Alternate" type="application/feed+json" href="feed.json">
    <link rel="alternate" type="application/json" href="/api/feed.json">
    <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
    <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
    <link rel="alternate" type="application/rss+xml" href="/feed.xml">
  </head><body><a href="/other.rss" rel="alternate" type="application/rss+xml">not a link element</a></body></html>`;

  it('finds feed links, resolved, http(s) only, unique', () => {
    expect(discoverFeedLinks(page, 'https://news.example/section/page.html')).toEqual([
      'https://news.example/feed.xml',
      'https://news.example/atom',
      'https://news.example/section/feed.json',
      'https://news.example/api/feed.json',
    ]);
  });

  it('respects <base href>', () => {
    const html = '<html><head><base href="https://cdn.news.example/b/"><link rel="alternate" type="application/rss+xml" href="rss"></head></html>';
    expect(discoverFeedLinks(html, 'https://news.example/')).toEqual(['https://cdn.news.example/b/rss']);
  });

  it('returns [] for a page without feed links', () => {
    expect(discoverFeedLinks('<html><head><title>x</title></head></html>', 'https://news.example/')).toEqual([]);
    expect(discoverFeedLinks('', 'https://news.example/')).toEqual([]);
  });
});
