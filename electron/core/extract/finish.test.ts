// The faster paths of the extractor keep their old results: squash equals the plain \s+ collapse,
// elementsByTag equals querySelectorAll in document order, labelled dates are found deep in the
// page text, and an inline figure's credit line survives the single sanitize pass with its class.
import { describe, expect, it } from 'vitest';
import { extractArticle } from './article';
import { dateFromLabelledText } from './dates';
import { elementsByTag, parsePage, squash } from './dom';

const para = (n: number) =>
  `<p>Paragraph ${n} of the harbour story tells how the night ferry crew kept the lights on while the storm took down the mainland cables for most of the evening.</p>`;

describe('fast paths', () => {
  it('squash collapses whitespace exactly as /\\s+/g does', () => {
    for (const s of ['  a \n\t b\u00a0\u00a0c  ', 'one two', '\n\n', 'x\r\ny', 'a \u2003 b', '']) {
      expect(squash(s)).toBe(s.replace(/\s+/g, ' ').trim());
    }
  });

  it('elementsByTag lists the same elements as querySelectorAll, in document order', () => {
    const { document } = parsePage('<html><body><h2>a</h2><div><h1>b</h1><section><h2>c</h2></section></div><h1>d</h1></body></html>', 'https://x.test/');
    expect(elementsByTag(document.body, ['h1', 'h2'])).toEqual(Array.from(document.body.querySelectorAll('h1, h2')));
    expect(elementsByTag(document.body, ['h2'])).toEqual(Array.from(document.body.querySelectorAll('h2')));
  });

  it('finds a labelled date deep in the page text, across a long blank run and split lines', () => {
    const text = `${'Harbour news in brief. '.repeat(2000)}\nPosted on:${' '.repeat(300)}\n   16 February\n2024\nmore`;
    expect(dateFromLabelledText(text, 'published')).toBe('2024-02-16');
    expect(dateFromLabelledText(text, 'updated')).toBeNull();
  });

  it('keeps an inline figure credit as <span class="credit"> and no other class', () => {
    const html = `<!DOCTYPE html><html lang="en"><head><title>Ferry</title></head><body><article><h1>Night ferry keeps running</h1>
      ${[1, 2, 3].map(para).join('')}
      <figure><img src="/img/ferry.jpg" alt="Ferry" width="800" height="500"><figcaption>The ferry at dawn. <small>Photo: Ana Ruiz</small></figcaption></figure>
      ${[4, 5, 6].map(para).join('')}<p><span class="loud" onclick="x()">Last</span> words of the story, long enough to count as a paragraph of the body text here.</p>
      </article></body></html>`;
    const r = extractArticle(html, 'https://news.example.test/ferry.html');
    expect(r.bodyHtml).toContain('<span class="credit">Photo: Ana Ruiz</span>');
    expect(r.bodyHtml).not.toMatch(/class="loud"|onclick/);
    expect(r.inlinePhotos.find((p) => p.url.endsWith('/img/ferry.jpg'))?.credit).toBe('Ana Ruiz');
    expect(r.bodyText).toContain('The ferry at dawn.');
  });
});
