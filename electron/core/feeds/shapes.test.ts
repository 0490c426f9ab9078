// One test per repair or rule, each on a hand-written feed of the shape real feeds come in
// (feed-shapes.fixture.ts): ill-formed XML read the way feed readers read it, DOCTYPE entities
// expanded within limits (attacks still refused), base64 content, authors, photos, identity.
import { describe, expect, it } from 'vitest';
import { distinctItems } from '../sync/identity';
import type { ParsedFeed } from '../types';
import { MAX_ENTITY_VALUE, MAX_EXPANSION } from './entities';
import { feedShapes } from './feed-shapes.fixture';
import { FeedParseError, parseFeed } from './parse';
import { closeUnclosedAroundItems, escapeStrayLessThan } from './recover';

const FEED_URL = 'https://courier.example/feed.xml';
const shape = (name: string): ParsedFeed => parseFeed(feedShapes.find((s) => s.name === name)!.text, FEED_URL);
const stored = (feed: ParsedFeed) => distinctItems('s1', feed.items, feed.siteUrl).map(({ item }) => item);

describe('feed shapes: every item kept, fields read', () => {
  it.each(feedShapes.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    const feed = parseFeed(s.text, FEED_URL);
    expect(feed.items.map((item) => item.title)).toEqual(s.titles);
    expect(stored(feed).map((item) => item.title)).toEqual(s.titles);
  });

  it('bare ampersands: the link and text keep them', () => {
    const [item] = shape('bare ampersands in links and text').items;
    expect(item!.link).toBe('https://courier.example/story?id=1&page=2');
    expect(item!.summary).toBe('Salt & vinegar for all');
  });

  it('DOCTYPE entities: expanded in text, character references inside them too; CDATA untouched', () => {
    const [first] = shape('entities declared in the DOCTYPE').items;
    expect(first!.summary).toBe('Upper Valley council & © the Courier');
  });

  it('base64 Atom 0.3 content is decoded to its HTML', () => {
    const [item] = shape('Atom 0.3 content in base64').items;
    expect(item!.contentHtml).toBe('<p>Decoded body with caf\u00e9 text.</p>');
    expect(item!.summary).toBe('Decoded body with café text.');
  });

  it('a base64 picture in content is not taken for text', () => {
    const text = feedShapes.find((s) => s.name === 'Atom 0.3 content in base64')!.text.replace(
      /<content[^>]*>[^<]*<\/content>/,
      `<content type="image/png" mode="base64">iVBORw0KGgo=</content>`,
    );
    expect(parseFeed(text, FEED_URL).items[0]!.contentHtml).toBe('');
  });

  it('link-less Atom entries and podcast episodes keep their enclosure or itunes:image as the photo', () => {
    const [closed, open] = shape('Atom entries with only an id').items;
    expect([closed!.link, closed!.guid, closed!.photos.map((p) => p.url)]).toEqual([null, 'urn:courier:n1', ['https://courier.example/road.jpg']]);
    expect(open!.summary).toBe('Open again.');
    const episodes = shape('podcast episodes with a guid and no link').items;
    expect(episodes.map((e) => e.photos[0]?.url)).toEqual(['https://courier.example/show1.jpg', 'https://courier.example/show2.jpg']);
    expect(episodes.map((e) => e.link)).toEqual([null, null]);
  });

  it('a guid every item carries is no identity: the items are told apart by link', () => {
    const items = shape('one guid on every item (the site address)').items;
    expect(items.map((item) => [item.guid, item.link])).toEqual([1, 2, 3].map((n) => [null, `https://courier.example/story-${n}`]));
  });

  it('JSON Feed: 1.1 authors, 1.0 author, and the feed author for items with none', () => {
    expect(shape('JSON Feed 1.1 authors and 1.0 author').items.map((item) => item.authors)).toEqual([['Ana Ruiz'], ['Ben Okoro'], ['Desk']]);
  });
});

describe('recovery stays within what a reader would do', () => {
  it('a truncated feed is still refused (a cut-off tag is no stray "<")', () => {
    const cut = feedShapes[0]!.text.slice(0, -25);
    expect(() => parseFeed(cut, FEED_URL)).toThrow(/malformed or truncated XML/);
    expect(escapeStrayLessThan('<a>1 < 2</a><b')).toBe('<a>1 &lt; 2</a><b');
  });

  it('closing what was left open: the next item closes it, stray end tags are dropped', () => {
    expect(closeUnclosedAroundItems('<channel><x a="1"><item>a</item><item>b</item></x></channel>')).toBe(
      '<channel><x a="1"></x><item>a</item><item>b</item></channel>',
    );
    expect(closeUnclosedAroundItems('<feed><entry><id>1</id><entry><id>2</id></entry></feed>')).toBe(
      '<feed><entry><id>1</id></entry><entry><id>2</id></entry></feed>',
    );
  });
});

describe('DOCTYPE entities: attack shapes refused, nothing expanded', () => {
  const withDoctype = (subset: string, use: string) =>
    `<?xml version="1.0"?><!DOCTYPE rss [${subset}]><rss version="2.0"><channel><title>${use}</title><item><title>${use}</title><link>https://courier.example/a</link></item></channel></rss>`;
  const refusal = (text: string) => {
    try {
      parseFeed(text, FEED_URL);
    } catch (err) {
      expect(err).toBeInstanceOf(FeedParseError);
      expect((err as FeedParseError).reason).toBe('refused');
      return (err as Error).message;
    }
    throw new Error('expected a refusal');
  };

  it('an entity that refers to another (billion laughs)', () => {
    expect(refusal(withDoctype('<!ENTITY a "ha"><!ENTITY b "&a;&a;">', '&b;'))).toMatch(/declares its own entities.*"b" refers to "a"/);
  });

  it(`a value over ${MAX_ENTITY_VALUE} characters, or over ${MAX_EXPANSION} characters added in all`, () => {
    expect(refusal(withDoctype(`<!ENTITY big "${'x'.repeat(MAX_ENTITY_VALUE + 1)}">`, '&big;'))).toMatch(/over 4096 characters/);
    const many = '&v;'.repeat(Math.ceil(MAX_EXPANSION / 4000) + 1);
    expect(refusal(withDoctype(`<!ENTITY v "${'y'.repeat(4000)}">`, many))).toMatch(/would add over/);
  });

  it('a parameter entity', () => {
    expect(refusal(withDoctype('<!ENTITY % p "x">', 'plain'))).toMatch(/parameter entity/);
  });

  it('an external entity is left to the parser, which refuses it', () => {
    expect(refusal(withDoctype('<!ENTITY xxe SYSTEM "file:///etc/passwd">', '&xxe;'))).toMatch(/external entities/);
  });
});
