/**
 * Second sanitizing pass over an article body right before it is rendered (the core sanitized it
 * at ingest already; this pass trusts nothing). DOMPurify with a reading allow-list, then:
 * - images: only same-origin cached photos (`/photos/<file>`, or `data-file="<file>"`) keep a src;
 *   any other image (remote, pending download, data:, protocol-relative) becomes a placeholder
 *   when it matters (pending download, alt text, inside a figure) and is dropped otherwise,
 * - links: only absolute http(s)/mailto hrefs survive; the view intercepts clicks, so a link never
 *   navigates the window.
 */
import type { DOMPurify, Config } from 'dompurify';

/** A plain cache file name: "<hash>.<ext>", no slashes, no dot-dot. */
const PHOTO_FILE = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9]+)?$/;
const PHOTO_SRC = /^\/photos\/([A-Za-z0-9_-]+(?:\.[A-Za-z0-9]+)?)$/;
const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;

const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'dfn', 'div', 'dl', 'dt', 'em',
  'figcaption', 'figure', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p',
  'pre', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'time', 'tr', 'u', 'ul',
];
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'width', 'height', 'datetime', 'colspan', 'rowspan', 'scope',
  'data-file', 'data-pending-src', 'lang', 'dir', 'class'];

/** The only class names body HTML may carry (captions and credits inside inline figures). */
const ALLOWED_CLASSES = new Set(['caption', 'credit']);

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // DOMPurify's own URI check stays on; the stricter rules (img src only /photos/<file>, href only
  // absolute http(s)/mailto) are applied afterwards on the fragment.
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
};

/** Which cached photo an <img> shows, or null when it has none that may be loaded. */
export function cachedPhotoSrc(img: Element): string | null {
  const src = img.getAttribute('src');
  if (src) {
    const m = PHOTO_SRC.exec(src.trim());
    return m ? `/photos/${m[1]}` : null;
  }
  const file = img.getAttribute('data-file');
  if (file && PHOTO_FILE.test(file.trim())) return `/photos/${file.trim()}`;
  return null;
}

function placeholderFor(img: Element): Element {
  const doc = img.ownerDocument;
  const box = doc.createElement('span');
  box.setAttribute('class', 'photo-placeholder');
  box.setAttribute('role', 'img');
  const alt = (img.getAttribute('alt') ?? '').trim();
  box.setAttribute('aria-label', alt ? `Photo not stored: ${alt}` : 'Photo not stored');
  box.textContent = 'Photo not available offline';
  return box;
}

/** A photo the reader would miss: waiting for download, described by alt text, or in a figure. */
function deservesPlaceholder(img: Element): boolean {
  return img.hasAttribute('data-pending-src') || (img.getAttribute('alt') ?? '').trim() !== '' || img.closest('figure') !== null;
}

function fixImages(root: DocumentFragment): void {
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const src = cachedPhotoSrc(img);
    if (!src) {
      // Remote leftovers without meaning (tracking pixels, spacers) simply go.
      if (deservesPlaceholder(img)) img.replaceWith(placeholderFor(img));
      else img.remove();
      continue;
    }
    img.setAttribute('src', src);
    img.removeAttribute('data-file');
    img.removeAttribute('data-pending-src');
    if (!img.hasAttribute('alt')) img.setAttribute('alt', '');
    img.setAttribute('loading', 'lazy');
    img.setAttribute('decoding', 'async');
  }
}

function fixLinks(root: DocumentFragment): void {
  for (const a of Array.from(root.querySelectorAll('a'))) {
    const href = (a.getAttribute('href') ?? '').trim();
    if (!SAFE_HREF.test(href)) {
      a.removeAttribute('href');
      continue;
    }
    a.setAttribute('href', href);
    a.setAttribute('rel', 'noopener noreferrer');
  }
  for (const el of Array.from(root.querySelectorAll('[data-pending-src],[data-file]'))) {
    el.removeAttribute('data-pending-src');
    el.removeAttribute('data-file');
  }
}

function fixClasses(root: DocumentFragment): void {
  for (const el of Array.from(root.querySelectorAll('[class]'))) {
    const kept = Array.from(el.classList).filter((c) => ALLOWED_CLASSES.has(c));
    if (kept.length > 0) el.setAttribute('class', kept.join(' '));
    else el.removeAttribute('class');
  }
}

/** Sanitizes body HTML for rendering. `purify` is DOMPurify bound to a window (the page's in the
 * browser, a jsdom window in tests). */
export function sanitizeBodyHtml(html: string, purify: DOMPurify): string {
  if (!html) return '';
  // DOMPurify returns null instead of a fragment when the markup has no body (a <frameset> page).
  const fragment = purify.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true }) as DocumentFragment | null;
  if (!fragment) return '';
  fixClasses(fragment);
  fixImages(fragment);
  fixLinks(fragment);
  const holder = fragment.ownerDocument.createElement('div');
  holder.appendChild(fragment);
  return holder.innerHTML;
}
