import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import createDOMPurify from 'dompurify';
import { sanitizeBodyHtml } from './sanitizeBody';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
const clean = (html: string) => sanitizeBodyHtml(html, purify);

function parse(html: string): Document {
  return new JSDOM(`<!doctype html><body>${html}</body>`).window.document;
}

describe('sanitizeBodyHtml', () => {
  it('keeps reading markup and cached photos', () => {
    const out = clean(
      '<p>Hello <em>world</em></p><figure><img src="/photos/abc123.jpg" alt="A harbour"><figcaption>Boats</figcaption></figure>',
    );
    const doc = parse(out);
    expect(doc.querySelector('p')?.textContent).toBe('Hello world');
    const img = doc.querySelector('img');
    expect(img?.getAttribute('src')).toBe('/photos/abc123.jpg');
    expect(img?.getAttribute('alt')).toBe('A harbour');
    expect(doc.querySelector('figcaption')?.textContent).toBe('Boats');
  });

  it('turns data-file images into /photos/ sources', () => {
    const doc = parse(clean('<img data-file="ff00.png" alt="x">'));
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('/photos/ff00.png');
    expect(doc.querySelector('img')?.hasAttribute('data-file')).toBe(false);
  });

  it('replaces remote, pending, data: and traversal images with a placeholder', () => {
    const inputs = [
      '<img src="https://tracker.example/p.gif" alt="r">',
      '<p>Text<img src="https://tracker.example/pixel.gif"></p>',
      '<img src="//tracker.example/p.gif">',
      '<img data-pending-src="https://news.example/a.jpg" alt="pending">',
      '<img src="data:image/png;base64,AAAA">',
      '<img src="/photos/../index.json">',
      '<img src="/photos/a/b.jpg">',
      '<img src="/photos/ok.jpg" srcset="https://tracker.example/big.jpg 2x">',
      '<img data-file="../../etc/passwd">',
    ];
    for (const input of inputs) {
      const out = clean(input);
      expect(out, input).not.toMatch(/tracker|news\.example|data:|\.\./);
      const doc = parse(out);
      for (const img of Array.from(doc.querySelectorAll('img'))) {
        expect(img.getAttribute('src')).toMatch(/^\/photos\/[A-Za-z0-9_-]+\.[a-z]+$/);
        expect(img.hasAttribute('srcset')).toBe(false);
      }
    }
    expect(parse(clean(inputs[1]!)).querySelector('.photo-placeholder, img')).toBeNull();
    expect(parse(clean(inputs[3]!)).querySelector('.photo-placeholder')?.getAttribute('aria-label')).toBe(
      'Photo not stored: pending',
    );
  });

  it('removes scripts, handlers, styles, frames and unsafe links', () => {
    const out = clean(
      [
        '<script>alert(1)</script>',
        '<p onclick="alert(1)" style="background:url(https://t.example/x)">text</p>',
        '<style>p{color:red}</style>',
        '<iframe src="https://evil.example"></iframe>',
        '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
        '<a href="javascript:alert(1)">js</a>',
        '<a href="&#x2000;javascript:alert(1)">ws</a>',
        '<a href="file:///etc/passwd">file</a>',
        '<a href="ms-msdt:foo">msdt</a>',
        '<svg><script>alert(1)</script></svg>',
        '<math><mi xlink:href="javascript:alert(1)">m</mi></math>',
        '<img src=x onerror=alert(1)>',
        '<form action="https://evil.example"><input name="q"></form>',
        '<object data="x"></object><embed src="x">',
        '<a href="https://ok.example/" target="_blank">ok</a>',
      ].join(''),
    );
    expect(out).not.toMatch(/<script|onclick|onerror|style|<iframe|javascript:|file:|ms-msdt|<svg|<math|<form|<input|<object|<embed|target=/i);
    const doc = parse(out);
    const hrefs = Array.from(doc.querySelectorAll('a[href]')).map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://ok.example/']);
    expect(doc.querySelector('a[href]')?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('keeps caption and credit classes only', () => {
    const doc = parse(
      clean('<figure><img src="/photos/a.jpg" alt="x"><figcaption class="x"><span class="caption big">Cap</span> <span class="credit photo-placeholder">Photo: A</span></figcaption></figure>'),
    );
    expect(doc.querySelector('figcaption')?.hasAttribute('class')).toBe(false);
    expect(doc.querySelector('span.caption')?.getAttribute('class')).toBe('caption');
    expect(doc.querySelector('span.credit')?.getAttribute('class')).toBe('credit');
  });

  it('returns an empty string for empty input', () => {
    expect(clean('')).toBe('');
  });
});
