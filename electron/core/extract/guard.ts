/**
 * Cheap checks on raw HTML before any parser or sanitizer sees it: refuses documents nested
 * absurdly deep or holding an absurd number of elements (parsers and sanitize-html slow down
 * quadratically on those), so hostile pages fail in milliseconds instead of blocking a sync.
 */

export const MAX_NESTING = 1500;
export const MAX_ELEMENTS = 80_000;

/** Elements whose end tag is routinely omitted or that have none; not counted for depth. */
const NOT_NESTING = new Set([
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'rb', 'rt', 'rp', 'colgroup',
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'html', 'head', 'body',
]);

export class HtmlTooComplexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HtmlTooComplexError';
  }
}

/** Throws HtmlTooComplexError when the markup nests deeper than MAX_NESTING or has too many elements. */
export function assertReasonableHtml(html: string): void {
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g;
  let depth = 0;
  let maxDepth = 0;
  let elements = 0;
  let m: RegExpExecArray | null;
  let lower: string | undefined; // lower-cased once, when the first raw-text element needs its end tag
  while ((m = tag.exec(html))) {
    const name = m[2]!.toLowerCase();
    if (m[1]) {
      if (!NOT_NESTING.has(name) && depth > 0) depth--;
      continue;
    }
    elements++;
    if (elements > MAX_ELEMENTS) throw new HtmlTooComplexError(`refused HTML with more than ${MAX_ELEMENTS} elements`);
    if (m[3] || NOT_NESTING.has(name)) continue;
    if (name === 'script' || name === 'style' || name === 'textarea' || name === 'title') {
      lower ??= html.toLowerCase();
      const end = lower.indexOf(`</${name}`, tag.lastIndex);
      tag.lastIndex = end < 0 ? html.length : end;
      continue;
    }
    depth++;
    if (depth > maxDepth) {
      maxDepth = depth;
      if (maxDepth > MAX_NESTING) throw new HtmlTooComplexError(`refused HTML nested more than ${MAX_NESTING} elements deep`);
    }
  }
}
