/**
 * Tests only: hand-written feeds in the ill-formed or unusual shapes real feeds come in, one per
 * rule of parse.ts / entities.ts / recover.ts / normalize.ts / sync/identity.ts. Used by the rule
 * tests (shapes.test.ts) and by the differential test against feedsmith (differential.test.ts).
 * Every name and text is made up.
 */

export interface FeedShape {
  name: string;
  text: string;
  /** Item titles the reader keeps, in order. */
  titles: string[];
}

const rss = (items: string, prologue = '', ns = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>${prologue}\n<rss version="2.0" ${ns}><channel><title>Valley Courier</title>` +
  `<link>https://courier.example/</link><description>Local news</description>\n${items}\n</channel></rss>`;

const atom = (entries: string, ns = '') =>
  `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" ${ns}><title>Valley Courier</title>` +
  `<id>urn:courier:feed</id><updated>2026-12-01T10:00:00Z</updated>\n${entries}\n</feed>`;

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

export const feedShapes: FeedShape[] = [
  {
    name: 'bare ampersands in links and text',
    text: rss(`<item><title>Fish & chips night</title><link>https://courier.example/story?id=1&page=2</link>
      <description>Salt & vinegar for all</description></item>`),
    titles: ['Fish & chips night'],
  },
  {
    name: 'uppercase hex character references',
    text: rss(`<item><title>It&#X2019;s the caf&#XE9; again</title><link>https://courier.example/cafe</link></item>`),
    titles: ['It’s the café again'],
  },
  {
    name: 'HTML entity names XML does not declare',
    text: rss(`<item><title>Caf&eacute;&nbsp;opens &mdash; at last</title><link>https://courier.example/opens</link></item>`),
    titles: ['Café opens — at last'],
  },
  {
    name: 'entities declared in the DOCTYPE',
    text: rss(
      `<item><title>News from &town;</title><link>https://courier.example/town</link><description>&town; council &amp; &sign;</description></item>
       <item><title><![CDATA[Kept as written: &town;]]></title><link>https://courier.example/cdata</link></item>`,
      `\n<!DOCTYPE rss [\n  <!ENTITY town "Upper Valley">\n  <!ENTITY sign "&#169; the Courier">\n]>`,
    ),
    titles: ['News from Upper Valley', 'Kept as written: &town;'],
  },
  {
    name: 'a server warning printed before the XML',
    text: `Warning: cache directory not writable in /srv/site/feed.php on line 12\n${rss(`<item><title>Still read</title><link>https://courier.example/still</link></item>`)}`,
    titles: ['Still read'],
  },
  {
    name: 'control characters XML forbids',
    text: rss(`<item><title>Tab\u0001le talk\u000b</title><link>https://courier.example/table</link></item>`),
    titles: ['Table talk'],
  },
  {
    name: 'a bare less-than sign in text',
    text: rss(`<item><title>Turnout < 40% again</title><link>https://courier.example/turnout</link></item>`),
    titles: ['Turnout < 40% again'],
  },
  {
    name: 'an element left open before the items (podcast category)',
    text: rss(
      `<itunes:category text='Society'>\n<itunes:category text='Local'/>\n` +
        [1, 2, 3].map((n) => `<item><title>Episode ${n}</title><guid isPermaLink="false">ep-${n}</guid><enclosure url="https://courier.example/ep${n}.mp3" type="audio/mpeg" length="1"/></item>`).join('\n'),
      '',
      'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"',
    ),
    titles: ['Episode 1', 'Episode 2', 'Episode 3'],
  },
  {
    name: 'a feed wrapped in an XHTML page',
    text: `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><body>
${atom(`<entry><id>urn:courier:w1</id><title>Wrapped one</title><link rel="alternate" href="https://courier.example/w1"/></entry>
<entry><id>urn:courier:w2</id><title>Wrapped two</title><link rel="alternate" href="https://courier.example/w2"/></entry>`).replace(/^<\?xml[^>]*>\n?/, '')}
</body></html>`,
    titles: ['Wrapped one', 'Wrapped two'],
  },
  {
    name: 'Atom 0.3 content in base64',
    text: atom(
      `<entry><id>urn:courier:b64</id><title>Encoded</title><link rel="alternate" href="https://courier.example/encoded"/>
       <content type="text/html" mode="base64">${b64('<p>Decoded body with caf\u00e9 text.</p>')}</content></entry>`,
    ),
    titles: ['Encoded'],
  },
  {
    name: 'Atom entries with only an id',
    text: atom(
      `<entry><id>urn:courier:n1</id><title>Road closed</title><updated>2026-12-01T08:00:00Z</updated><content type="html">&lt;p&gt;Until Friday.&lt;/p&gt;</content>
         <link rel="enclosure" type="image/jpeg" href="https://courier.example/road.jpg"/></entry>
       <entry><id>urn:courier:n2</id><title>Road open</title><updated>2026-12-02T08:00:00Z</updated><summary>Open again.</summary></entry>`,
    ),
    titles: ['Road closed', 'Road open'],
  },
  {
    name: 'podcast episodes with a guid and no link',
    text: rss(
      [1, 2].map((n) => `<item><title>Show ${n}</title><guid isPermaLink="false">show-${n}</guid><description>Notes for show ${n}.</description>
        <enclosure url="https://courier.example/show${n}.mp3" type="audio/mpeg" length="1"/><itunes:image href="https://courier.example/show${n}.jpg"/></item>`).join('\n'),
      '',
      'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"',
    ),
    titles: ['Show 1', 'Show 2'],
  },
  {
    name: 'items with neither guid nor link that share a title',
    text: rss(
      [1, 2, 3].map((n) => `<item><title>Weather</title><pubDate>Mon, 0${n} Dec 2026 06:00:00 GMT</pubDate><description>Outlook ${n}: showers.</description></item>`).join('\n'),
    ),
    titles: ['Weather', 'Weather', 'Weather'],
  },
  {
    name: 'items whose every link is the front page',
    text: rss(
      [1, 2, 3].map((n) => `<item><title>Notice ${n}</title><link>https://courier.example/</link><description>Notice number ${n}.</description></item>`).join('\n'),
    ),
    titles: ['Notice 1', 'Notice 2', 'Notice 3'],
  },
  {
    name: 'items with different guids and one shared link',
    text: rss(
      [1, 2].map((n) => `<item><title>Clip ${n}</title><guid isPermaLink="false">clip-${n}</guid><link>https://courier.example/clips</link></item>`).join('\n'),
    ),
    titles: ['Clip 1', 'Clip 2'],
  },
  {
    name: 'one guid on every item (the site address)',
    text: rss([1, 2, 3].map((n) => `<item><title>Story ${n}</title><guid>https://courier.example/</guid><link>https://courier.example/story-${n}</link></item>`).join('\n')),
    titles: ['Story 1', 'Story 2', 'Story 3'],
  },
  {
    name: 'titles only in itunes:title or media:title',
    text: rss(
      `<item><itunes:title>Episode without a title</itunes:title><guid isPermaLink="false">e1</guid><description>Notes.</description></item>
       <item><media:title>Picture of the day</media:title><guid isPermaLink="false">p1</guid><media:content url="https://courier.example/pic.jpg" medium="image"/></item>`,
      '',
      'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:media="http://search.yahoo.com/mrss/"',
    ),
    titles: ['Episode without a title', 'Picture of the day'],
  },
  {
    name: 'JSON Feed 1.1 authors and 1.0 author',
    text: JSON.stringify({
      version: 'https://jsonfeed.org/version/1',
      title: 'Courier notes',
      author: { name: 'Desk' },
      items: [
        { id: 'n1', title: 'Note one', content_text: 'One.', authors: [{ name: 'Ana Ruiz' }] },
        { id: 'n2', title: 'Note two', content_html: '<p>Two.</p>', author: { name: 'Ben Okoro' } },
        { id: 'n3', title: 'Note three', content_text: 'Three.' },
      ],
    }),
    titles: ['Note one', 'Note two', 'Note three'],
  },
];
