import { describe, expect, it } from 'vitest';
import { inlinePhotosOf } from './export-photos';

const FILE = `${'a'.repeat(64)}.jpg`;

describe('inlinePhotosOf (export)', () => {
  it('lists each body photo with its cached file, source URL, caption, credit and alt', () => {
    const html = `<p>Text</p><figure><img src="/photos/${FILE}" data-remote-src="https://site.example.test/img/deck.jpg" alt="The deck"><figcaption>The new passenger deck <span class="credit">Photo: Harbour Board</span></figcaption></figure>
      <p><img data-pending-src="https://site.example.test/img/map.jpg" alt="Route map"></p>`;
    expect(inlinePhotosOf(html, '/data/photos')).toEqual([
      { file: `/data/photos/${FILE}`, sourceUrl: 'https://site.example.test/img/deck.jpg', caption: 'The new passenger deck', credit: 'Harbour Board', alt: 'The deck' },
      { file: null, sourceUrl: 'https://site.example.test/img/map.jpg', caption: '', credit: '', alt: 'Route map' },
    ]);
  });

  it('a body without photos has none', () => {
    expect(inlinePhotosOf('<p>Only text.</p>', '/data/photos')).toEqual([]);
  });
});
