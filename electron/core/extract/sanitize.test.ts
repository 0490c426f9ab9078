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
  '<IMG SRC=JaVaScRiPt:alert(1)>',
  '<IMG """><SCRIPT>alert(1)</SCRIPT>">',
  '<SCRIPT/XSS SRC="https://evil.test/xss.js"></SCRIPT>',
  '<<SCRIPT>alert(1);//<</SCRIPT>',
  '<IMG SRC="jav\tascript:alert(1);">',
  '<IMG SRC="jav&#x0D;ascript:alert(1);">',
  '<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000049&#0000041>',
  '<BODY BACKGROUND="javascript:alert(1)">',
  '<INPUT TYPE="IMAGE" SRC="javascript:alert(1);">',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<img src=1 href=1 onerror="javascript:alert(1)">',
  '<x onclick=alert(1)>click</x>',
  '<img src="https://ok.test/a.jpg" style="background:url(javascript:alert(1))">',
  '<div style="width: expression(alert(1))">x</div>',
  '<a href="https://ok.test/" formaction="javascript:alert(1)">x</a>',
  '<isindex action=javascript:alert(1) type=image>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<a href="javascript&#58alert(1)">x</a>',
  '<a href="jAvAsCrIpT&colon;alert&lpar;1&rpar;">x</a>',
  '<a href="&#1;javascript:alert(1)">x</a>',
  '<img srcset=",,,,,javascript:alert(1) 2x">',
  '<picture><source srcset="https://ok.test/x.jpg 1x, javascript:alert(1) 2x"><img src="https://ok.test/x.jpg"></picture>',
  '<a href="  &#x09;&#x0A;javascript:alert(1)">x</a>',
  '<math href="javascript:alert(1)">x</math>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<details/open/ontoggle=alert(1)>',
  '<a href="javascript:alert(1)" <!-- >x</a>',
  '<img src="x:alert(1)" onerror="eval(src)">',
  '<video><source onerror="alert(1)"></video>',
  '<audio src=x onerror=alert(1)>',
  '<frameset onload=alert(1)>',
  '<a href="&#x6a;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3a;alert(1)">x</a>',
  '<a href="java\u0000script:alert(1)">x</a>',
  '<a href="\u2028javascript:alert(1)">x</a>',
  '<a href="\ufeffjavascript:alert(1)">x</a>',
  '<img src="https://ok.test/a.jpg" srcset="https://ok.test/a.jpg 1x, data:image/svg+xml,<svg onload=alert(1)> 2x">',
  '<a href="//evil.test/x">protocol-relative is resolved to https, not a script</a>',
  '<p>text<!--<img src=x onerror=alert(1)>--></p>',
  '<![CDATA[<img src=x onerror=alert(1)>]]>',
  '<title><img src=x onerror=alert(1)></title>',
  '<textarea><img src=x onerror=alert(1)></textarea>',
  '<noembed><img src=x onerror=alert(1)></noembed>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<plaintext><img src=x onerror=alert(1)>',
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
  // Escaped text like "&lt;img onerror=...&gt;" is harmless; a live tag is not.
  expect(out).not.toMatch(/<[a-z][a-z0-9]*(?:\s+[^\s=>]+(?:=(?:"[^"]*"|'[^']*'|[^\s>"']*))?)*\s+on[a-z]+\s*=/i);
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
