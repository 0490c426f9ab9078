// parseFeedGuarded: entity-expansion attacks are refused before parsing; plain declared entities are read.
import { describe, expect, it } from 'vitest';
import { parseFeedGuarded } from './sync';

const rss = (prologue: string, title = 'Plain') =>
  `<?xml version="1.0"?>${prologue}<rss version="2.0"><channel><title>${title}</title><item><title>One</title><guid>1</guid><description>Text &lt;!ENTITY x "y"&gt; quoted in a story.</description></item></channel></rss>`;

describe('parseFeedGuarded', () => {
  it('refuses billion laughs and quadratic blow-up', () => {
    const laughs = rss('<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;">]>', '&lol1;');
    expect(() => parseFeedGuarded(laughs, 'http://x/feed')).toThrow(/refused: the feed declares its own entities/);
    const quadratic = rss(`<!DOCTYPE rss [<!ENTITY a '${'a'.repeat(50_000)}'>]>`, '&a;&a;&a;');
    expect(() => parseFeedGuarded(quadratic, 'http://x/feed')).toThrow(/refused/);
    const parameter = rss('<!DOCTYPE rss [<!ENTITY % p "x">]>');
    expect(() => parseFeedGuarded(parameter, 'http://x/feed')).toThrow(/refused/);
  });

  it('expands a plain entity the feed declares', () => {
    const declared = rss('<!DOCTYPE rss [<!ENTITY paper "The Weekly Lantern">]>', 'About &paper;');
    expect(parseFeedGuarded(declared, 'http://x/feed').title).toBe('About The Weekly Lantern');
  });

  it('leaves RSS 0.91 with its public DTD, and entity text inside items, alone', () => {
    const rss091 = rss('<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">');
    expect(parseFeedGuarded(rss091, 'http://x/feed').items).toHaveLength(1);
    expect(parseFeedGuarded(rss(''), 'http://x/feed').title).toBe('Plain');
  });
});
