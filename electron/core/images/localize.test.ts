import { describe, expect, it } from 'vitest';
import { localizeImages } from './localize';

const A = 'a'.repeat(64) + '.jpg';
const B = 'b'.repeat(64) + '.png';

describe('localizeImages', () => {
  it('points cached images at /photos/ and keeps the remote URL as data', () => {
    const out = localizeImages(
      '<figure><picture><source srcset="https://x.test/a.webp 2x"><img src="https://x.test/a.jpg" srcset="https://x.test/a-2.jpg 2x" alt="A"></picture><figcaption>Cap</figcaption></figure>',
      new Map([['https://x.test/a.jpg', A]]),
    );
    expect(out).toContain(`src="/photos/${A}"`);
    expect(out).toContain('data-remote-src="https://x.test/a.jpg"');
    expect(out).toContain('alt="A"');
    expect(out).toContain('<figcaption>Cap</figcaption>');
    expect(out).not.toMatch(/srcset|<source|\ssrc="https:/);
  });

  it('leaves images that are not cached without any src', () => {
    const out = localizeImages('<p><img src="https://x.test/b.jpg" alt="B"><img src="https://x.test/c.jpg"></p>', new Map([['https://x.test/b.jpg', null]]));
    expect(out).not.toMatch(/\ssrc=/);
    expect(out).toContain('data-pending-src="https://x.test/b.jpg"');
    expect(out).toContain('data-pending-src="https://x.test/c.jpg"');
  });

  it('fills in a pending image on a later run and is stable when run twice', () => {
    const first = localizeImages('<img src="https://x.test/b.png">', new Map([['https://x.test/b.png', null]]));
    const second = localizeImages(first, new Map([['https://x.test/b.png', B]]));
    expect(second).toContain(`src="/photos/${B}"`);
    expect(second).toContain('data-remote-src="https://x.test/b.png"');
    expect(second).not.toContain('data-pending-src');
    expect(localizeImages(second, new Map())).toBe(second);
  });

  it('never writes a file name that is not a cache name', () => {
    const out = localizeImages('<img src="https://x.test/d.jpg">', new Map([['https://x.test/d.jpg', '../../etc/passwd']]));
    expect(out).not.toContain('passwd');
    expect(out).not.toMatch(/\ssrc=/);
  });

  it('rewrites tags only: escaped markup in text, entities and ">" in attribute values survive', () => {
    const html =
      '<p>Write &lt;img src="https://x.test/t.jpg"&gt; to embed</p><img alt="a &gt; b &amp; &quot;c&quot;" src="https://x.test/e.jpg?x=1&amp;y=2" title="1 > 0" />';
    const out = localizeImages(html, new Map([['https://x.test/e.jpg?x=1&y=2', A]]));
    expect(out).toContain('<p>Write &lt;img src="https://x.test/t.jpg"&gt; to embed</p>');
    expect(out).toBe(
      `<p>Write &lt;img src="https://x.test/t.jpg"&gt; to embed</p><img alt="a &gt; b &amp; &quot;c&quot;" src="/photos/${A}" title="1 &gt; 0" data-remote-src="https://x.test/e.jpg?x=1&amp;y=2" />`,
    );
  });
});
