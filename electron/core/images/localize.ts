/**
 * Points a stored article body's images at the local photo cache: <img src=REMOTE> becomes
 * src="/photos/<file>" with data-remote-src=REMOTE; an image not (yet) cached keeps no src at all
 * (data-pending-src=REMOTE) so the renderer never loads anything remote. srcset and <source>
 * elements (remote candidates) are removed. Running it again with newer files fills in pending ones.
 */
import { parseHTML } from 'linkedom';

export const PHOTO_ROUTE = '/photos/';

const CACHE_NAME = /^[0-9a-f]{64}\.(jpg|png|gif|webp|avif)$/;

export function localizeImages(bodyHtml: string, files: Map<string, string | null>): string {
  if (!bodyHtml) return bodyHtml;
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${bodyHtml}</body></html>`);
  const body = document.body;
  for (const source of Array.from(body.querySelectorAll('source'))) source.remove();
  for (const img of Array.from(body.querySelectorAll('img'))) {
    const src = img.getAttribute('src');
    const remote =
      img.getAttribute('data-pending-src') ?? img.getAttribute('data-remote-src') ?? (src && !src.startsWith(PHOTO_ROUTE) ? src : null);
    img.removeAttribute('srcset');
    img.removeAttribute('sizes');
    if (!remote) {
      if (src && !src.startsWith(PHOTO_ROUTE)) img.removeAttribute('src');
      continue;
    }
    const file = files.get(remote) ?? null;
    if (file && CACHE_NAME.test(file)) {
      img.setAttribute('src', PHOTO_ROUTE + file);
      img.setAttribute('data-remote-src', remote);
      img.removeAttribute('data-pending-src');
    } else if (src && src.startsWith(PHOTO_ROUTE) && img.getAttribute('data-remote-src') === remote && !files.has(remote)) {
      // Already localized earlier and not part of this run: leave it.
    } else {
      img.removeAttribute('src');
      img.removeAttribute('data-remote-src');
      img.setAttribute('data-pending-src', remote);
    }
  }
  return body.innerHTML;
}
