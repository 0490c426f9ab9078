/**
 * Captions and credits in every shape pages give them (captions.ts), each on a hand-written page;
 * the first is the seed page's shape: a one-slide carousel list whose image's alt is the caption,
 * and a plain block after it reading "caption | Photo: X/ @handle". All text is invented.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from './article';

const O = 'https://courier.example.test';
const URL_ = `${O}/news/harbour/ferry-returns`;
const text = Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i + 1}: the harbour ferry returned to service on Monday after a winter of repairs, with a new engine and a timetable that adds two evening crossings.</p>`).join('\n');
const page = (inside: string, head = '') =>
  extractArticle(`<html><head>${head}</head><body><ul><li>Live<ul><li>Audio Only</li></ul></li></ul><div>News &gt; Harbour</div><h1>Harbour Ferry Returns After Winter Repairs</h1>${inside}<div>Published 4 March 2024</div>${text}</body></html>`, URL_);

describe('captions and credits', () => {
  it('seed shape: carousel list (alt = caption) and a plain "caption | Photo: X/ @handle" block after it', () => {
    const r = page(`<ul><li><img src="/img/ferry.jpg" alt="The repaired ferry leaves the north quay, 2024."></li></ul>
      <div>The repaired ferry leaves the north quay, 2024. | Photo: X/ @harbour_watch</div>`);
    expect(r.leadPhoto).toMatchObject({ url: `${O}/img/ferry.jpg`, caption: 'The repaired ferry leaves the north quay, 2024.', credit: 'X/ @harbour_watch', alt: 'The repaired ferry leaves the north quay, 2024.' });
    // The caption block went with the photo: the body does not repeat it.
    expect(r.bodyText).not.toContain('harbour_watch');
    expect(r.bodyText).toContain('Paragraph 1');
  });

  it('seed shape with og:image declared: the same caption and credit', () => {
    const r = page(`<ul class="slides"><li><img src="/img/ferry.jpg" alt="The repaired ferry leaves the north quay."></li></ul><p>The repaired ferry leaves the north quay. | Photo: Quay Desk</p>`, `<meta property="og:image" content="${O}/img/ferry.jpg">`);
    expect(r.leadPhoto).toMatchObject({ caption: 'The repaired ferry leaves the north quay.', credit: 'Quay Desk' });
  });

  it('a caption-classed block after a bare image', () => {
    const r = page(`<div class="media"><img src="/img/quay.jpg" alt="Quay"></div><div class="media-caption">Passengers board at dawn. Credit: Ana Ferreira</div>`);
    expect(r.leadPhoto).toMatchObject({ caption: 'Passengers board at dawn.', credit: 'Ana Ferreira' });
  });

  it('data-caption and data-credit on the image', () => {
    const r = page(`<div><img src="/img/engine.jpg" data-caption="The new engine being lowered in." data-credit="Harbour Board"></div>`);
    expect(r.leadPhoto).toMatchObject({ caption: 'The new engine being lowered in.', credit: 'Harbour Board' });
  });

  it('a caption element inside each slide of a several-slide carousel', () => {
    const r = page(`<ul class="gallery"><li><img src="/img/a.jpg" alt="a"><span class="caption">The old ferry in 1988 (Photo: Town Archive)</span></li><li><img src="/img/b.jpg" alt="b"><span class="caption">The crew on the first day</span></li></ul>`);
    expect(r.leadPhoto).toMatchObject({ url: `${O}/img/a.jpg`, caption: 'The old ferry in 1988', credit: 'Town Archive' });
  });

  it('JSON-LD caption, creditText and copyrightHolder for photos the markup leaves bare', () => {
    const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Harbour Ferry Returns After Winter Repairs',
      image: [
        { '@type': 'ImageObject', url: `${O}/img/lead.jpg`, caption: 'The ferry at the south quay', creditText: 'Lev Ortiz' },
        { '@type': 'ImageObject', url: `${O}/img/deck.jpg`, caption: 'The new passenger deck', copyrightHolder: { '@type': 'Organization', name: 'Harbour Board' } },
      ] };
    const r = extractArticle(`<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><article><h1>Harbour Ferry Returns After Winter Repairs</h1>${text}<p><img src="/img/deck.jpg" alt="Deck"></p>${text}</article></body></html>`, URL_);
    expect(r.leadPhoto).toMatchObject({ url: `${O}/img/lead.jpg`, caption: 'The ferry at the south quay', credit: 'Lev Ortiz' });
    expect(r.inlinePhotos).toEqual([expect.objectContaining({ url: `${O}/img/deck.jpg`, caption: 'The new passenger deck', credit: 'Harbour Board' })]);
  });

  it('a body paragraph after an image is not its caption', () => {
    const r = page(`<figure><img src="/img/map.jpg" alt="Route map"></figure><p>The ferry now crosses four times a day, and the fare stays the same for residents with a harbour card, the board said.</p>`);
    expect(r.leadPhoto).toMatchObject({ url: `${O}/img/map.jpg`, caption: '', credit: '' });
    expect(r.bodyText).toContain('The ferry now crosses four times a day');
  });
});
