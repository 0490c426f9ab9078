// Text that is not the story's own, on hand-written pages of the shapes real sites use (no real
// site named, no real article copied): a photo's credit and the author box after the story.
import { describe, expect, it } from 'vitest';
import { extractArticle } from './article';

const URL = 'https://paper.example.test/news/2024/harbour-festival';
const para = (n: number) =>
  `Paragraph ${n} of the harbour festival story: fishing boats, lit by paper lanterns, crossed the bay at dusk while a choir sang on the old pier until late.`;
const paras = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `<p>${para(from + i)}</p>`).join('');
const page = (body: string) => `<!doctype html><html lang="en"><head><title>Harbour festival | The Paper</title></head><body>${body}</body></html>`;

describe('a photo credit is the photo\'s, not the story text', () => {
  it('keeps an inline photo\'s credit in the photo and the view, out of bodyText', () => {
    const html = page(`<article><h1>Harbour festival</h1>${paras(1, 3)}
      <figure><img src="/img/boats-1200.jpg" alt="Boats"><figcaption>Boats cross the bay at dusk. <span class="credit">Photo: Harbour Picture Agency</span></figcaption></figure>
      ${paras(4, 6)}</article>`);
    const r = extractArticle(html, URL);
    for (let n = 1; n <= 6; n++) expect(r.bodyText).toContain(para(n));
    expect(r.bodyText).toContain('Boats cross the bay at dusk.');
    expect(r.bodyText).not.toContain('Harbour Picture Agency');
    expect(r.inlinePhotos[0]).toMatchObject({ caption: 'Boats cross the bay at dusk.', credit: 'Harbour Picture Agency' });
    expect(r.bodyHtml).toContain('Harbour Picture Agency');
  });
});

describe('author boxes after the story', () => {
  it.each(['author-bio', 'about-author', 'author-info', 'author-box'])('removes a box named "%s" and keeps the story', (name) => {
    const html = page(`<article><h1>Harbour festival</h1>${paras(1, 6)}
      <div class="${name}"><img src="/img/portrait.jpg" alt=""><p>Ann Moss has covered the harbour and its fishing fleet for the paper since 2009 and writes a weekly column.</p></div></article>`);
    const r = extractArticle(html, URL);
    for (let n = 1; n <= 6; n++) expect(r.bodyText).toContain(para(n));
    expect(r.bodyText).not.toContain('Ann Moss has covered');
  });

  it('keeps a story whose wrapper only mentions the author in a compound name', () => {
    const html = page(`<div class="author-content-wrapper"><article><h1>Harbour festival</h1>${paras(1, 6)}</article></div>`);
    const r = extractArticle(html, URL);
    for (let n = 1; n <= 6; n++) expect(r.bodyText).toContain(para(n));
  });
});

describe('pleas, disclaimers and widgets after the story', () => {
  it.each([
    ['donation-box', 'Your support keeps our reporting free for everyone in town: give once or every month, cancel whenever you like.'],
    ['editorial-disclaimer', 'The opinions in this story are the author\'s and do not necessarily reflect the views of the paper or its owners.'],
    ['rating-widget', 'Was this story useful to you? Rate it with one to five stars and tell us what we could do better next time.'],
    ['postmetadata', 'This entry was posted on Tuesday in the category News and filed under harbour, festival, lanterns and choir.'],
    ['copyright', '© 2024 The Paper. All rights reserved. No part of this story may be reprinted without written permission.'],
  ])('removes a "%s" block and keeps the story', (name, text) => {
    const html = page(`<article><h1>Harbour festival</h1>${paras(1, 6)}<div class="${name}"><p>${text}</p></div></article>`);
    const r = extractArticle(html, URL);
    for (let n = 1; n <= 6; n++) expect(r.bodyText).toContain(para(n));
    expect(r.bodyText).not.toContain(text.slice(0, 30));
  });

  it('keeps a story wrapped in a block with such a word in a compound name', () => {
    const html = page(`<div class="copyright-free-content"><article><h1>Harbour festival</h1>${paras(1, 6)}</article></div>`);
    const r = extractArticle(html, URL);
    for (let n = 1; n <= 6; n++) expect(r.bodyText).toContain(para(n));
  });
});
