/**
 * The ingest sanitizer: an allow-list (sanitize-html) for stored article HTML. Keeps article
 * structure, figures, pictures, images, tables and http/https/mailto links (with
 * rel="noopener noreferrer"); drops scripts, styles, iframes, form fields, event handlers, tracking
 * pixels and any URL whose scheme is not allowed. Relative URLs are resolved against baseUrl.
 * The renderer runs DOMPurify again before display.
 */
import sanitizeHtml from 'sanitize-html';
import { assertReasonableHtml } from './guard';
import { bestSrcsetCandidate, parseSrcset, resolveUrl } from './urls';

const LINK_SCHEMES = ['http:', 'https:', 'mailto:'] as const;
const IMAGE_SCHEMES = ['http:', 'https:'] as const;

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'q', 'cite', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'strong', 'b', 'em', 'i', 'u', 's', 'small', 'sub', 'sup', 'mark', 'abbr', 'time', 'code', 'pre', 'kbd', 'del', 'ins',
  'figure', 'figcaption', 'picture', 'source', 'img', 'a', 'span', 'div', 'section', 'article',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'details', 'summary',
];

/** Elements whose content is dropped along with them (not just unwrapped). */
const DROPPED_WITH_CONTENT = [
  'script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'svg', 'math', 'template', 'title', 'head', 'select', 'button', 'canvas', 'video', 'audio', 'nav', 'dialog',
];
// <form> is unwrapped, not dropped: whole pages sit inside one (its fields, buttons and selects go above).

function isNumber(v: string | undefined): boolean {
  return v !== undefined && /^\d{1,5}$/.test(v.trim());
}

/** 1x1 images, hidden images: tracking pixels. Judged on the original attributes. */
export function isTrackingPixel(attribs: Record<string, string>): boolean {
  const w = attribs.width?.trim();
  const h = attribs.height?.trim();
  if ((w !== undefined && /^[01](px)?$/.test(w)) || (h !== undefined && /^[01](px)?$/.test(h))) return true;
  if ('hidden' in attribs) return true;
  const style = (attribs.style ?? '').toLowerCase().replace(/\s+/g, '');
  if (/display:none|visibility:hidden|(^|;)(width|height):[01]px/.test(style)) return true;
  return attribs['aria-hidden'] === 'true' && (attribs.alt ?? '') === '';
}

/** Keeps only http/https candidates, resolved; returns '' when none is left. */
export function cleanSrcset(value: string | undefined, baseUrl: string): string {
  return parseSrcset(value)
    .map((c) => {
      const url = resolveUrl(c.url, baseUrl, IMAGE_SCHEMES);
      return url ? (c.descriptor ? `${url} ${c.descriptor}` : url) : null;
    })
    .filter((c): c is string => c !== null)
    .join(', ');
}

function keepNumeric(out: Record<string, string>, attribs: Record<string, string>, names: string[]): void {
  for (const n of names) if (isNumber(attribs[n])) out[n] = attribs[n]!.trim();
}

/** Tags the sanitizer drops with their content (lower case), for callers pruning a DOM first. */
export const DROPPED_TAGS: readonly string[] = DROPPED_WITH_CONTENT;

/** True when the sanitizer keeps this <img> (not a tracking pixel, an http(s) src or srcset candidate). */
export function imageSurvives(attribs: Record<string, string>, baseUrl: string): boolean {
  if (isTrackingPixel(attribs)) return false;
  return resolveUrl(attribs.src, baseUrl, IMAGE_SCHEMES) !== null || cleanSrcset(attribs.srcset, baseUrl) !== '';
}

/** Throws HtmlTooComplexError for absurdly nested input (see guard.ts). */
export function sanitizeArticleHtml(html: string, baseUrl: string): string {
  assertReasonableHtml(html);
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      img: ['src', 'srcset', 'alt', 'width', 'height', 'title'],
      source: ['srcset', 'type', 'media', 'sizes'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
      col: ['span'],
      colgroup: ['span'],
      ol: ['start', 'reversed'],
      time: ['datetime'],
      abbr: ['title'],
    },
    // The credit line finishBody writes into a figcaption (<span class="credit">).
    allowedClasses: { span: ['credit'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'], source: ['http', 'https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    allowedIframeHostnames: [],
    disallowedTagsMode: 'discard',
    selfClosing: ['img', 'br', 'hr', 'source', 'col', 'wbr'],
    nonTextTags: DROPPED_WITH_CONTENT,
    parseStyleAttributes: false,
    transformTags: {
      a: (_tag, attribs) => {
        const href = resolveUrl(attribs.href, baseUrl, LINK_SCHEMES);
        if (!href) return { tagName: 'span', attribs: {} };
        const out: Record<string, string> = { href, rel: 'noopener noreferrer' };
        if (attribs.title) out.title = attribs.title;
        return { tagName: 'a', attribs: out };
      },
      img: (_tag, attribs) => {
        const out: Record<string, string> = {};
        if (isTrackingPixel(attribs)) return { tagName: 'img', attribs: out };
        const src = resolveUrl(attribs.src, baseUrl, IMAGE_SCHEMES);
        const srcset = cleanSrcset(attribs.srcset, baseUrl);
        const fallback = src ?? resolveUrl(bestSrcsetCandidate(parseSrcset(srcset))?.url, baseUrl, IMAGE_SCHEMES);
        if (fallback) out.src = fallback;
        if (srcset) out.srcset = srcset;
        if (attribs.alt !== undefined) out.alt = attribs.alt;
        if (attribs.title) out.title = attribs.title;
        keepNumeric(out, attribs, ['width', 'height']);
        return { tagName: 'img', attribs: out };
      },
      source: (_tag, attribs) => {
        const out: Record<string, string> = {};
        const srcset = cleanSrcset(attribs.srcset ?? attribs.src, baseUrl);
        if (srcset) out.srcset = srcset;
        for (const n of ['type', 'media', 'sizes']) if (attribs[n]) out[n] = attribs[n]!;
        return { tagName: 'source', attribs: out };
      },
      q: () => ({ tagName: 'q', attribs: {} }),
      blockquote: () => ({ tagName: 'blockquote', attribs: {} }),
      h1: (_tag, attribs) => ({ tagName: 'h2', attribs }),
    },
    exclusiveFilter: (frame) => {
      if (frame.tag === 'img') return !frame.attribs.src && !frame.attribs.srcset;
      if (frame.tag === 'source') return !frame.attribs.srcset;
      return false;
    },
  });
}
