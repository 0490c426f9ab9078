/**
 * The photos an exported article's body shows, read back from its stored HTML: each <img> with the
 * file it points at in the photo cache (/photos/<file>, or null while not downloaded), the remote
 * URL it came from (data-remote-src / data-pending-src), its alt text, and the caption and credit
 * of its figure (the credit is the figcaption's <span class="credit">, written at sync time).
 */
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { PHOTO_ROUTE } from '../core/images/localize';

export interface ExportedInlinePhoto {
  /** Absolute path of the cached photo, or null when it is not downloaded yet. */
  file: string | null;
  /** Where the picture came from on the web. */
  sourceUrl: string;
  caption: string;
  credit: string;
  alt: string;
}

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

export function inlinePhotosOf(bodyHtml: string, photosDir: string): ExportedInlinePhoto[] {
  if (!bodyHtml.includes('<img')) return [];
  const { document } = parseHTML(`<!doctype html><html><body>${bodyHtml}</body></html>`) as unknown as { document: Document };
  const out: ExportedInlinePhoto[] = [];
  for (const img of Array.from(document.querySelectorAll('img'))) {
    const src = img.getAttribute('src') ?? '';
    const sourceUrl = img.getAttribute('data-remote-src') ?? img.getAttribute('data-pending-src') ?? (/^https?:/i.test(src) ? src : '');
    const file = src.startsWith(PHOTO_ROUTE) ? path.join(photosDir, src.slice(PHOTO_ROUTE.length)) : null;
    if (!sourceUrl && !file) continue;
    const figcaption = img.closest('figure')?.querySelector('figcaption') ?? null;
    let caption = '';
    let credit = '';
    if (figcaption) {
      const creditEl = figcaption.querySelector('.credit');
      credit = squash(creditEl?.textContent).replace(/^photo:\s*/i, '');
      const clone = figcaption.cloneNode(true) as Element;
      clone.querySelector('.credit')?.remove();
      caption = squash(clone.textContent);
    }
    out.push({ file, sourceUrl, caption, credit, alt: squash(img.getAttribute('alt')) });
  }
  return out;
}
