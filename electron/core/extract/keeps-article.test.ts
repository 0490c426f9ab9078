// Extraction keeps the article: each rule of issue 20 on a hand-written page of the shape real
// sites use (no real site named, no real article copied).
import { describe, expect, it } from 'vitest';
import { extractArticle, NotAnArticleError } from './article';
import { parsePage } from './dom';

const URL = 'https://paper.example.test/news/2024/harbour-festival';
const para = (n: number) =>
  `Paragraph ${n} of the harbour festival story: fishing boats, lit by paper lanterns, crossed the bay at dusk while a choir sang on the old pier until late.`;
const paras = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `<p>${para(from + i)}</p>`).join('');
const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><title>Harbour festival | The Paper</title>${head}</head><body>${body}</body></html>`;
const allParagraphs = (text: string, from: number, to: number) => {
  for (let n = from; n <= to; n++) expect(text).toContain(para(n));
};

// Real pages carry far more script and style text than article text.
const bigScript = `<script>window.__STATE__ = ${JSON.stringify({ blob: 'x'.repeat(50_000) })}</script><style>${'.a{color:red}'.repeat(2000)}</style>`;

describe('chrome rule: whole class tokens with a role meaning', () => {
  it.each(['content-with-sidebar-wrp', 'l-sidebar-fixed', 'modal-enabled', 'non-ad-column-l', 'td-transition-content-and-menu', 'paywall'])(
    'keeps an article inside class="%s"',
    (name) => {
      const html = page(`${bigScript}<nav><a href="/">Home</a></nav><div class="${name}"><div class="wrap"><h1>Harbour festival</h1>${paras(1, 5)}</div></div><footer>The Paper, 1 Quay Street</footer>`);
      const r = extractArticle(html, URL);
      allParagraphs(r.bodyText, 1, 5);
      expect(r.short).toBeUndefined();
    },
  );

  it('still removes share bars, comment boxes and cookie notices named by whole tokens', () => {
    const html = page(`<article><h1>Harbour festival</h1>${paras(1, 3)}<div class="share-buttons"><p>Share this story with friends and family on every network you like</p></div>${paras(4, 5)}<div id="comments"><p>A reader wrote a long comment here about the festival and the lanterns and the choir.</p></div></article><div id="cookie-notice-bar"><p>We use cookies to improve this site for everybody who reads it. Accept all cookies?</p></div>`);
    const r = extractArticle(html, URL);
    allParagraphs(r.bodyText, 1, 5);
    expect(r.bodyText).not.toContain('Share this story');
    expect(r.bodyText).not.toContain('A reader wrote');
    expect(r.bodyText).not.toContain('We use cookies');
  });

  it('does not count script or style text when guarding the element holding most of the text', () => {
    const html = page(`${bigScript}<div class="sidebar"><h1>Harbour festival</h1>${paras(1, 5)}</div><aside><p>Most read today: five other stories of the week</p></aside>`);
    const r = extractArticle(html, URL);
    allParagraphs(r.bodyText, 1, 5);
  });

  it("never removes an ancestor of the main text, even one whose class Readability distrusts (\"header\")", () => {
    const html = page(`<div class="wrapper-boxed header-style-2"><header><a href="/">The Paper</a></header><div id="main"><article><h1>Harbour festival</h1>${paras(1, 6)}</article></div></div>
      <div class="cli-bar">We use cookies to make this site work and to measure what you read. By clicking OK you accept that. OK, read more about our cookies and the partners who set them.</div>`);
    const r = extractArticle(html, URL);
    allParagraphs(r.bodyText, 1, 6);
  });
});

describe('the lede', () => {
  it('stays in the body text when it is also the description', () => {
    const lede = 'The harbour festival drew a record crowd on Saturday as boats carried lanterns across the bay.';
    const html = page(`<article><h1>Harbour festival</h1><p class="lede">${lede}</p>${paras(1, 4)}</article>`, `<meta name="description" content="${lede}">`);
    const r = extractArticle(html, URL);
    expect(r.dek).toBe(lede);
    expect(r.bodyText.startsWith(lede)).toBe(true);
  });
});

describe('what the page declares', () => {
  it('prefers itemprop="articleBody" when Readability picks something much shorter', () => {
    // A poem-like body of short lines (too short for Readability to score) and a teaser block that scores well.
    const lines = Array.from({ length: 24 }, (_, i) => `<p>Line ${i + 1}, lanterns.</p>`).join('');
    const html = page(`<div itemprop="articleBody"><h1>Harbour festival</h1>${lines}</div><div class="more"><p>${para(99)}</p></div>`,
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Harbour festival' })}</script>`);
    const r = extractArticle(html, URL);
    for (let i = 1; i <= 24; i++) expect(r.bodyText).toContain(`Line ${i}, lanterns.`);
  });

  it('falls back to JSON-LD articleBody when the page shows little of it', () => {
    const articleBody = [para(1), para(2), para(3), para(4), para(5)].join('\n');
    const html = page(`<div id="app"><h1>Harbour festival</h1><p>Loading the story, one moment please.</p></div>`,
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Harbour festival', articleBody })}</script>`);
    const r = extractArticle(html, URL);
    allParagraphs(r.bodyText, 1, 5);
  });
});

describe('a page too short for an article', () => {
  it('is returned marked short with its title, lead photo and caption', () => {
    const html = page(`<article><h1>Harbour festival in pictures</h1><figure><img src="/img/lanterns.jpg" width="1200" height="800" alt="Lanterns on the bay"><figcaption>Lanterns crossing the bay at dusk.</figcaption></figure><p>Watch the video of the night.</p></article>`,
      '<meta property="og:image" content="https://paper.example.test/img/lanterns.jpg">');
    const r = extractArticle(html, URL);
    expect(r.short).toBe(true);
    expect(r.title).toBe('Harbour festival in pictures');
    expect(r.leadPhoto).toMatchObject({ url: 'https://paper.example.test/img/lanterns.jpg', caption: 'Lanterns crossing the bay at dusk.' });
  });

  it('is still no article when it is a page of links', () => {
    const links = Array.from({ length: 25 }, (_, i) => `<li><a href="/news/story-${i}">Story number ${i} from the harbour</a></li>`).join('');
    expect(() => extractArticle(page(`<h1>News</h1><ul>${links}</ul>`), URL)).toThrow(NotAnArticleError);
  });
});

describe('malformed markup loses no text a browser shows', () => {
  it('an unclosed <svg> ends at the next paragraph, as in a browser', () => {
    const html = page(`<article><h1>Harbour festival</h1>${paras(1, 2)}<div class="icon"><svg viewBox="0 0 10 10"><path d="M0 0h10"></div>${paras(3, 4)}<svg><use href="#logo">${paras(5, 7)}</article>`);
    const r = extractArticle(html, URL);
    allParagraphs(r.bodyText, 1, 7);
  });

  it('a <form> wrapping the page, or inside a paragraph, keeps its prose', () => {
    const wrapped = page(`<form id="page" action="/postback"><input type="hidden" name="state"><article><h1>Harbour festival</h1>${paras(1, 5)}</article></form>`);
    allParagraphs(extractArticle(wrapped, URL).bodyText, 1, 5);
    const inner = page(`<article><h1>Harbour festival</h1>${paras(1, 2)}<p>${para(3)}<form action="/vote"><p>${para(4)}</p><button>Vote</button></form><p>${para(5)}</p></article>`);
    const r = extractArticle(inner, URL);
    allParagraphs(r.bodyText, 1, 5);
    expect(r.bodyText).not.toContain('Vote');
  });

  it('an unclosed <a> inside a paragraph keeps the paragraphs after it', () => {
    const html = page(`<article><h1>Harbour festival</h1><p>${para(1)} <a href="/boats">the boats</p><div>${paras(2, 3)}</div>${paras(4, 5)}</article>`);
    allParagraphs(extractArticle(html, URL).bodyText, 1, 5);
  });

  it('breaks out of foreign content in the parsed document itself', () => {
    const { document } = parsePage('<body><svg><path d="M0"><p>Shown by a browser</p></svg></body>', URL);
    const p = document.querySelector('p');
    expect(p?.closest('svg')).toBeNull();
    expect(p?.textContent).toBe('Shown by a browser');
  });
});

describe('teasers for other stories', () => {
  it('drops read-also lines and related-stories headings with their link lists, in several languages', () => {
    const html = page(`<article><h1>Harbour festival</h1>${paras(1, 2)}
      <p><strong>Read more: <a href="/other">Council approves new ferry timetable</a></strong></p>${paras(3, 3)}
      <p>Lea también: <a href="/otra">El puerto abre un nuevo muelle</a></p>${paras(4, 5)}
      <h3>Mehr zum Thema</h3><ul><li><a href="/a">Hafenfest im Vorjahr</a></li><li><a href="/b">Laternen selbst basteln</a></li></ul></article>`);
    const r = extractArticle(html, URL);
    allParagraphs(r.bodyText, 1, 5);
    for (const gone of ['Council approves', 'El puerto', 'Mehr zum Thema', 'Hafenfest', 'Laternen']) expect(r.bodyText).not.toContain(gone);
  });

  it('keeps a sentence that merely starts with the same words', () => {
    const sentence = 'Read more about the lanterns in the programme, which the organisers printed on recycled paper this year.';
    const html = page(`<article><h1>Harbour festival</h1>${paras(1, 3)}<p>${sentence}</p>${paras(4, 5)}</article>`);
    expect(extractArticle(html, URL).bodyText).toContain(sentence);
  });
});

describe('invisible characters', () => {
  it('keeps soft hyphens and zero-width spaces out of the text', () => {
    const html = page(`<article><h1>Harbour festival</h1><p>The fes&shy;ti&shy;val ran all night&#8203; by the har&shy;bour wall, with boats and lanterns and a choir on the pier, as every summer.</p>${paras(1, 4)}</article>`);
    expect(extractArticle(html, URL).bodyText).toContain('The festival ran all night by the harbour wall');
  });
});
