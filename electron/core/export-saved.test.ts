import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeJpeg, makePng } from '../../scripts/photo-maker';
import { exportSaved } from './export-saved';
import { markdownOf } from './html-markdown';
import { storePhotoBytes } from './images/cache';
import { articleInput } from './store/article-input.fixture';
import { NewsStore, type ArticleInput } from './store/store';

let dir: string;
let store: NewsStore;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'export-saved-'));
  store = await NewsStore.open(dir);
});
afterEach(async () => {
  await store.close();
  await fs.rm(dir, { recursive: true, force: true });
});

function input(link: string, overrides: Partial<ArticleInput> = {}): ArticleInput {
  return articleInput(link, {
    sourceTitle: 'Westmere Gazette',
    title: 'Harbour ferry returns after the winter',
    dek: 'The old boat is back on the water.',
    byline: 'Ada Quill',
    updatedAt: '2024-02-18T09:30:00.000Z',
    siteName: 'Westmere Gazette',
    ...overrides,
  });
}

async function savedArticleWithPhotos(): Promise<{ lead: string; inline: string }> {
  const lead = await storePhotoBytes(makeJpeg(64, 40, 1), store.photosDir);
  const inline = await storePhotoBytes(makePng(32, 20, 2), store.photosDir);
  const bodyHtml = [
    '<p>The ferry <strong>left at dawn</strong>, as it did <em>for a century</em>; see <a href="https://gazette.example/timetable">the timetable</a>.</p>',
    '<h2>On board</h2>',
    `<figure><img src="/photos/${inline.file}" data-remote-src="https://img.gazette.example/deck.png" alt="The deck"><figcaption>Passengers on the deck <span class="credit">Photo: Ben Ink</span></figcaption></figure>`,
    '<ul><li>Tickets: 2 pounds</li><li>Bikes go free</li></ul>',
    '<blockquote><p>It is good to be back.</p></blockquote>',
    '<figure><img data-pending-src="https://img.gazette.example/missing.jpg" alt="Not fetched"></figure>',
    '<p>Last line with a * star and [brackets].</p>',
  ].join('');
  const { id } = await store.upsertArticle(
    input('https://gazette.example/news/ferry', {
      photo: { file: lead.file, url: 'https://img.gazette.example/ferry.jpg', caption: 'The ferry at the quay', credit: 'Photo: Cara Lens', alt: 'A white ferry', width: 64, height: 40 },
      bodyHtml,
      bodyText: 'The ferry left at dawn.',
    }),
  );
  await store.setSaved(id, true);
  // An unsaved article is not exported.
  await store.upsertArticle(input('https://gazette.example/news/other', { title: 'Not saved story' }));
  return { lead: lead.file, inline: inline.file };
}

describe('exportSaved', () => {
  it('writes one self-contained HTML file: photos as data: URLs, captions and credits, no remote loads', async () => {
    await savedArticleWithPhotos();
    const result = await exportSaved(store, 'html', { now: new Date('2026-11-28T12:00:00Z') });
    expect(result).toMatchObject({ fileName: 'saved-articles-2026-11-28.html', articles: 1, photos: 2 });
    expect(result.mimeType).toMatch(/^text\/html/);
    const html = result.content;
    expect(html).toContain('<meta http-equiv="Content-Security-Policy"');
    expect(html).toContain("img-src data:");
    const { document } = parseHTML(html);
    const images = Array.from(document.querySelectorAll('img'));
    expect(images).toHaveLength(2);
    for (const img of images) expect(img.getAttribute('src')).toMatch(/^data:image\/(jpeg|png);base64,/);
    expect(html).not.toMatch(/<img[^>]+src="https?:/i);
    expect(html).not.toMatch(/<(script|link|iframe)\b/i);
    expect(html).not.toContain('data-remote-src');
    expect(html).not.toContain('data-pending-src');
    expect(html).not.toContain('/photos/');
    const text = document.body.textContent ?? '';
    expect(text).toContain('Harbour ferry returns after the winter');
    expect(text).toContain('Ada Quill');
    expect(text).toContain('Published 16 February 2024');
    expect(text).toContain('Updated 18 February 2024');
    expect(text).toContain('The ferry at the quay');
    expect(text).toContain('Photo: Cara Lens');
    expect(text).toContain('Passengers on the deck');
    expect(text).toContain('Photo: Ben Ink');
    expect(text).toContain('[Photo not stored: Not fetched]');
    expect(text).not.toContain('Not saved story');
    expect(document.querySelector('a[href="https://gazette.example/news/ferry"]')?.textContent).toBe('Original article');
  });

  it('writes readable Markdown with the photos as reference-style data: images at the end', async () => {
    await savedArticleWithPhotos();
    const result = await exportSaved(store, 'markdown', { now: new Date('2026-11-28T12:00:00Z') });
    expect(result).toMatchObject({ fileName: 'saved-articles-2026-11-28.md', articles: 1, photos: 2 });
    const md = result.content;
    const [text, refs] = md.split('<!-- Photos, embedded so the file works offline -->');
    expect(text).toContain('## Harbour ferry returns after the winter');
    expect(text).toContain('**The old boat is back on the water.**');
    expect(text).toContain('Ada Quill · Published 16 February 2024 · Updated 18 February 2024');
    expect(text).toContain('![A white ferry][photo-1]\n*The ferry at the quay*\nPhoto: Cara Lens');
    expect(text).toContain('The ferry **left at dawn**, as it did *for a century*; see [the timetable](<https://gazette.example/timetable>).');
    expect(text).toContain('### On board');
    expect(text).toContain('![The deck][photo-2]  \n*Passengers on the deck*  \nPhoto: Ben Ink');
    expect(text).toContain('- Tickets: 2 pounds\n- Bikes go free');
    expect(text).toContain('> It is good to be back.');
    expect(text).toContain('Last line with a \\* star and \\[brackets\\].');
    expect(text).not.toMatch(/<\/?(p|img|figure|strong|span)\b/);
    expect(text).not.toContain('data:');
    expect(refs).toMatch(/\[photo-1\]: data:image\/jpeg;base64,[A-Za-z0-9+/=]+/);
    expect(refs).toMatch(/\[photo-2\]: data:image\/png;base64,/);
    expect(md).not.toMatch(/https?:\/\/img\./);
  });

  it('exports an empty list without failing', async () => {
    const result = await exportSaved(store, 'html');
    expect(result.articles).toBe(0);
    expect(result.content).toContain('Nothing was saved.');
  });
});

describe('markdownOf', () => {
  it('converts tables, ordered lists, code and line breaks', () => {
    const { document } = parseHTML(
      '<html><body><ol start="3"><li>three</li><li>four</li></ol><pre><code>let a = 1;\n</code></pre><p>one<br>two</p><table><tr><th>Team</th><th>Goals</th></tr><tr><td>Reds</td><td>2</td></tr></table></body></html>',
    );
    expect(markdownOf(document.body)).toBe('3. three\n4. four\n\n```\nlet a = 1;\n```\n\none  \ntwo\n\n| Team | Goals |\n| --- | --- |\n| Reds | 2 |');
  });
});
