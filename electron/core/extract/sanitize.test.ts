import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { sanitizeArticleHtml } from './sanitize';

const BASE = 'https://news.example.test/articles/story.html';

/** Payloads in the spirit of DOMPurify's published vectors, written for this table. */
const hostile: string[] = [
  '<script>alert(1)</script><p>ok</p>',
  '<p onclick="alert(1)">x</p>',
  '<img src="x.jpg" onerror="alert(1)">',
  '<img src=x onerror=alert(1)//>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="&#x2000;javascript:alert(1)">x</a>',
  '<a href="&#14;javascript:alert(1)">x</a>',
  '<a href="java&#x09;script:alert(1)">x</a>',
  '<a href="java&#x0A;script:alert(1)">x</a>',
  '<a href=" &#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="\u0001javascript:alert(1)">x</a>',
  '<iframe src="https://evil.test/"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<style>body{background:url(https://tracker.test/x)}</style><p>x</p>',
  '<p style="background:url(https://tracker.test/x)">x</p>',
  '<img srcset="javascript:alert(1) 1x, https://ok.test/a.jpg 2x">',
  '<svg><script>alert(1)</script></svg>',
  '<svg onload=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<body onload=alert(1)>',
  '<div><a href="https://ok.test/" target="_blank" onmouseover="alert(1)">ok</a></div>',
  '<img src="x" alt="&quot; onerror=&quot;alert(1)">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<img src="javascript:alert(1)">',
  '<source srcset="javascript:alert(1)">',
  '<base href="javascript:/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="https://tracker.test/x.css">',
  '<template><script>alert(1)</script></template>',
  '<details open ontoggle=alert(1)>',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '<blockquote cite="javascript:alert(1)">x</blockquote>',
];

function assertClean(out: string): void {
  const { document } = parseHTML(`<!doctype html><html><body>${out}</body></html>`);
  expect(document.querySelectorAll('script, style, iframe, object, embed, svg, math, form, base, meta, link').length).toBe(0);
  for (const el of document.querySelectorAll('*')) {
    for (const attr of Array.from(el.attributes) as { name: string; value: string }[]) {
      expect(attr.name.startsWith('on'), `${attr.name} on ${el.tagName}`).toBe(false);
      expect(attr.name).not.toBe('style');
      expect(attr.name).not.toBe('srcdoc');
      expect(attr.value.replace(/[\s\p{Cc}\p{Cf}\p{Z}]/gu, '').toLowerCase()).not.toMatch(/^(javascript|vbscript|data):|[ ,](javascript|vbscript):/);
    }
  }
  expect(out.toLowerCase()).not.toMatch(/javascript:|vbscript:/);
}

describe('sanitizeArticleHtml', () => {
  it.each(hostile)('neutralises %s', (payload) => {
    assertClean(sanitizeArticleHtml(payload, BASE));
  });

  it('keeps article structure, figures, tables and resolves relative URLs', () => {
    const out = sanitizeArticleHtml(
      `<h2>Head</h2><p>Para <a href="/other.html">link</a> and <a href="mailto:desk@example.test">mail</a></p>
       <figure><picture><source srcset="img/a-640.jpg 640w"><img src="img/a.jpg" alt="Alt" width="640" height="400"></picture>
       <figcaption>Cap <small>Photo: X</small></figcaption></figure>
       <blockquote><p>Quote</p></blockquote><ul><li>one</li></ul>
       <table><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td colspan="2">1</td></tr></tbody></table>`,
      BASE,
    );
    expect(out).toContain('<a href="https://news.example.test/other.html" rel="noopener noreferrer">link</a>');
    expect(out).toContain('href="mailto:desk@example.test"');
    expect(out).toContain('<source srcset="https://news.example.test/articles/img/a-640.jpg 640w" />');
    expect(out).toContain('src="https://news.example.test/articles/img/a.jpg"');
    expect(out).toContain('alt="Alt"');
    expect(out).toMatch(/<figcaption>Cap <small>Photo: X<\/small><\/figcaption>/);
    expect(out).toContain('<blockquote><p>Quote</p></blockquote>');
    expect(out).toContain('<td colspan="2">1</td>');
  });

  it('keeps only valid srcset candidates', () => {
    const out = sanitizeArticleHtml('<img src="a.jpg" srcset="javascript:alert(1) 1x, https://ok.test/a.jpg 2x">', BASE);
    expect(out).toContain('srcset="https://ok.test/a.jpg 2x"');
    expect(out).not.toContain('javascript');
  });

  it('removes tracking pixels and hidden images but keeps real ones', () => {
    const out = sanitizeArticleHtml(
      '<p>x<img src="https://t.test/p.gif" width="1" height="1"><img src="https://t.test/h.gif" style="display:none"><img src="https://t.test/h2.gif" hidden><img src="https://ok.test/real.jpg" width="600" height="400"></p>',
      BASE,
    );
    expect(out).not.toContain('t.test');
    expect(out).toContain('https://ok.test/real.jpg');
  });

  it('drops links with bad schemes but keeps their text, and adds rel to good links', () => {
    const out = sanitizeArticleHtml('<a href="&#x2000;javascript:alert(1)">click</a> <a href="https://ok.test/" target="_blank">ok</a>', BASE);
    expect(out).toBe('<span>click</span> <a href="https://ok.test/" rel="noopener noreferrer">ok</a>');
  });
});
