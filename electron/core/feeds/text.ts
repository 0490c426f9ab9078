/**
 * Small text and URL helpers for feed normalization: HTML -> plain text (tags stripped, entities
 * decoded, whitespace collapsed), URL resolution that only yields http(s), and length caps.
 * Tag stripping is a linear regex pass (no DOM tree is built from feed text, so deeply nested
 * markup cannot blow the stack); entity decoding goes through linkedom on tag-free text.
 */
import { parseHTML } from 'linkedom';

let decoderElement: { innerHTML: string; textContent: string | null } | null = null;

function entityDecoder(): { innerHTML: string; textContent: string | null } {
  if (!decoderElement) {
    const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
    decoderElement = document.createElement('div') as unknown as { innerHTML: string; textContent: string | null };
  }
  return decoderElement;
}

const BASIC_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Fast path for the common references; null when anything else needs the full HTML rules. */
function decodeBasicEntities(text: string): string | null {
  let unsupported = false;
  const out = text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{0,31}))?(;?)/g, (whole, dec, hexa, name, semi) => {
    if (!dec && !hexa && !name) return whole; // a lone "&"
    if (!semi) {
      unsupported = true; // legacy references without ";" follow special HTML rules
      return whole;
    }
    if (name) {
      const value = BASIC_ENTITIES[name as string];
      if (value === undefined) unsupported = true;
      return value ?? whole;
    }
    const code = dec ? Number(dec) : parseInt(hexa as string, 16);
    // C1 range maps through windows-1252 in HTML; NUL, surrogates and out-of-range need rules too.
    if (code === 0 || (code >= 0x80 && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) {
      unsupported = true;
      return whole;
    }
    return String.fromCodePoint(code);
  });
  return unsupported ? null : out;
}

/** Decode HTML character references (&amp; &eacute; &#8217; &#x2019;) in text without markup. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  const basic = decodeBasicEntities(text);
  if (basic !== null) return basic;
  const element = entityDecoder();
  // Escape "<" so only references are interpreted, never markup.
  element.innerHTML = text.replace(/</g, '&lt;');
  const decoded = element.textContent ?? '';
  element.innerHTML = '';
  return decoded;
}

const BLOCK_TAG = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|section|article|header|footer|figure|figcaption|pre|hr|dd|dt|dl)\b[^>]*>/gi;

/** Plain text of an HTML fragment: no tags, scripts or comments; entities decoded; one-line. */
export function htmlToText(html: string | null | undefined): string {
  if (!html) return '';
  const stripped = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/g, '$1')
    .replace(/<(script|style|noscript|template|iframe|object|svg|math)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(BLOCK_TAG, ' ')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '');
  return collapseWhitespace(decodeEntities(stripped));
}

export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** Escape text for use as HTML (for content that arrives as plain text). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text -> simple HTML paragraphs. */
export function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** Shorten to at most `max` characters at a word boundary, with an ellipsis. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Resolve `href` against `base`; only absolute http(s) URLs come back (javascript:, data:, file:
 * and unparseable values give null). Whitespace and control characters around it are dropped.
 */
export function resolveHttpUrl(href: unknown, base: string | null | undefined): string | null {
  if (typeof href !== 'string') return null;
  // The URL parser drops tabs and newlines anywhere and trims C0 controls and spaces; do the same
  // first so the scheme check below sees what the parser sees.
  const cleaned = href.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (!cleaned || cleaned.length > 8192) return null;
  let url: URL;
  try {
    url = base ? new URL(cleaned, base) : new URL(cleaned);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href;
}

/** Resolve a (possibly relative) base URL against a parent base; keeps the parent when invalid. */
export function resolveBase(xmlBase: unknown, parent: string): string {
  if (typeof xmlBase !== 'string' || !xmlBase.trim()) return parent;
  try {
    return new URL(xmlBase.trim(), parent).href;
  } catch {
    return parent;
  }
}
