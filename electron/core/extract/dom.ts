/**
 * linkedom helpers for extraction: parse a page with its URL known to the document (baseURI /
 * documentURI, which linkedom leaves empty and Readability reads), normalized text, and
 * block-aware plain text of an element.
 */
import { parseHTML } from 'linkedom';
import { resolveUrl } from './urls';

// linkedom's DOM types are close to the standard ones; we use the standard names.
export type Doc = Document;
export type El = Element;

/** Parses a whole page. The effective base URL is <base href> resolved against pageUrl. */
export function parsePage(html: string, pageUrl: string): { document: Doc; baseUrl: string } {
  // linkedom needs an <html> element to build head/body around; fragments get one.
  const whole = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(whole) as unknown as { document: Doc };
  breakOutOfForeignContent(document);
  const baseHref = document.querySelector('base[href]')?.getAttribute('href');
  const baseUrl = (baseHref && resolveUrl(baseHref, pageUrl)) || pageUrl;
  // Readability resolves links with document.baseURI and compares it with documentURI.
  Object.defineProperty(document, 'baseURI', { value: baseUrl, configurable: true });
  Object.defineProperty(document, 'documentURI', { value: pageUrl, configurable: true });
  Object.defineProperty(document, 'URL', { value: pageUrl, configurable: true });
  return { document, baseUrl };
}

/** Parses an HTML fragment into a <body> whose innerHTML is the fragment. */
export function parseFragment(html: string): { document: Doc; body: El } {
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`) as unknown as { document: Doc };
  breakOutOfForeignContent(document);
  return { document, body: document.body };
}

/** HTML start tags that end an open <svg> or <math> (the HTML standard's "breakout" list; <font> aside). */
const BREAKOUT = new Set([
  'B', 'BIG', 'BLOCKQUOTE', 'BODY', 'BR', 'CENTER', 'CODE', 'DD', 'DIV', 'DL', 'DT', 'EM', 'EMBED', 'H1', 'H2', 'H3', 'H4',
  'H5', 'H6', 'HEAD', 'HR', 'I', 'IMG', 'LI', 'LISTING', 'MENU', 'META', 'NOBR', 'OL', 'P', 'PRE', 'RUBY', 'S', 'SMALL',
  'SPAN', 'STRONG', 'STRIKE', 'SUB', 'SUP', 'TABLE', 'TT', 'U', 'UL', 'VAR',
]);
/** Places inside <svg>/<math> where HTML is allowed (a browser keeps HTML there). */
const INTEGRATION_POINTS = new Set(['FOREIGNOBJECT', 'DESC', 'TITLE', 'ANNOTATION-XML']);

function firstBreakout(root: El): El | null {
  for (let el = root.firstElementChild; el; el = el.nextElementSibling) {
    const tag = el.tagName.toUpperCase();
    if (INTEGRATION_POINTS.has(tag)) continue;
    if (BREAKOUT.has(tag)) return el;
    const inner = firstBreakout(el);
    if (inner) return inner;
  }
  return null;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * linkedom's parser keeps everything after an unclosed <svg> or <math> inside it; a browser ends
 * the foreign element at the first HTML block or phrase tag and shows the rest as HTML. The same
 * here: from that tag on, the content is moved out after the foreign element, re-parsed as HTML.
 */
export function breakOutOfForeignContent(document: Doc): void {
  const roots = [...Array.from(document.getElementsByTagName('svg')), ...Array.from(document.getElementsByTagName('math'))];
  for (const root of roots) {
    if (!root.isConnected || !root.parentElement) continue;
    const first = firstBreakout(root);
    if (!first) continue;
    const moved: ChildNode[] = [];
    for (let node: ChildNode | null = first; node && node !== root; node = node.parentNode as ChildNode | null) {
      for (let next: ChildNode | null = node === first ? node : node.nextSibling; next; next = next.nextSibling) moved.push(next);
      if (node.parentNode === root) break;
    }
    const html = moved
      .map((node) => (node.nodeType === 1 ? (node as El).outerHTML : node.nodeType === 3 ? escapeText((node as Text).data) : ''))
      .join('');
    for (const node of moved) node.remove();
    root.insertAdjacentHTML('afterend', html);
  }
}

// Same result as replace(/\s+/g, ' '), but a single plain space is not a match: ~10x faster on long text.
const SPACES = /[^\S ]\s*| \s+/g;
export const squash = (s: string | null | undefined): string => (s ?? '').replace(SPACES, ' ').trim();

export function textOf(el: El | null | undefined): string {
  return squash(el?.textContent);
}

const BLOCKS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'FIGURE', 'FIGCAPTION',
  'PRE', 'TABLE', 'TR', 'UL', 'OL', 'DL', 'DT', 'DD', 'HR', 'DETAILS', 'SUMMARY', 'CAPTION',
]);

/** Soft hyphens and zero-width spaces: a browser shows none of them, and they break words for search. */
const INVISIBLE_CHARACTERS = /[\u00AD\u200B\u2060\uFEFF]/g;

/** Plain text with a blank line between blocks and tabs between table cells. */
export function blockText(root: El): string {
  const parts: string[] = [];
  let line: string[] = [];
  const flush = () => {
    if (line.length === 0) return;
    const t = squash(line.join(''));
    if (t) parts.push(t);
    line = [];
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) line.push((child as Text).data);
      else if (child.nodeType === 1) {
        const tag = (child as El).tagName;
        if (tag === 'BR') line.push('\n');
        else if (tag === 'TD' || tag === 'TH') {
          walk(child);
          line.push('\t');
        } else if (BLOCKS.has(tag)) {
          flush();
          walk(child);
          flush();
        } else walk(child);
      }
    }
  };
  walk(root);
  flush();
  return parts.join('\n\n').replace(INVISIBLE_CHARACTERS, '');
}

export function removeAll(elements: Iterable<El>): void {
  for (const el of Array.from(elements)) el.remove();
}

/** True when `a` comes before `b` in document order (linkedom's compareDocumentPosition is depth-based, not order-based). */
export function comesBefore(a: El, b: El): boolean {
  const doc = a.ownerDocument;
  if (!doc || a === b) return false;
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    if (el === a) return true;
    if (el === b) return false;
  }
  return false;
}

/** Length of each element's text content, computed in one pass (a snapshot: removals later only shrink it). */
export function textLengths(root: El): Map<El, number> {
  const lengths = new Map<El, number>();
  const visit = (node: Node): number => {
    if (node.nodeType === 3) return (node as Text).data.length;
    if (node.nodeType !== 1 && node.nodeType !== 11 && node.nodeType !== 9) return 0;
    let total = 0;
    for (let child = node.firstChild; child; child = child.nextSibling) total += visit(child);
    if (node.nodeType === 1) lengths.set(node as El, total);
    return total;
  };
  visit(root);
  return lengths;
}

/** Descendants of `root` whose tag is one of `tagNames` (lower case), in document order: querySelectorAll(tags) without a selector compile. */
export function elementsByTag(root: El | Doc, tagNames: string[]): El[] {
  if (tagNames.length === 1) return Array.from(root.getElementsByTagName(tagNames[0]!));
  const wanted = new Set(tagNames.map((t) => t.toUpperCase()));
  const out: El[] = [];
  const visit = (parent: El | Doc) => {
    for (let el = parent.firstElementChild; el; el = el.nextElementSibling) {
      if (wanted.has(el.tagName)) out.push(el);
      if (el.firstElementChild) visit(el);
    }
  };
  visit(root);
  return out;
}
