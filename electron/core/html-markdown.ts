/**
 * A small HTML-to-Markdown converter for stored article bodies (used by "Export saved"). It only
 * needs to cover the tags the ingest sanitizer allows (extract/sanitize.ts): paragraphs, headings,
 * lists, quotes, code, figures with captions, tables, definition lists and inline emphasis/links.
 * Anything else is unwrapped to its text. Works on a linkedom (or any DOM) element.
 */

export interface MarkdownOptions {
  /** Reference name for an image src (reference-style image), or null to leave the image out. */
  image?: (src: string) => string | null;
  /** Added to every heading level (a body h2 becomes ### with 1), capped at 6. */
  headingOffset?: number;
}

// DOM node types, duck-typed so the module needs no DOM lib or linkedom types.
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

/** Stands for <br> until a paragraph is finished (its spaces must survive the whitespace cleanup). */
const HARD_BREAK = '\u2028';
const TEXT = 3;
const ELEMENT = 1;
const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGURE',
  'FIGCAPTION', 'TABLE', 'DL', 'DT', 'DD', 'HR', 'DETAILS', 'SUMMARY', 'PICTURE', 'CAPTION', 'THEAD', 'TBODY', 'TFOOT', 'TR',
]);

/** Escapes Markdown's inline syntax in plain text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1').replace(/^(\s*)([#>+-]|\d+[.)])(\s)/gm, '$1\\$2$3');
}

const squash = (s: string) => s.replace(/\s+/g, ' ');
const children = (n: DomNode) => Array.from(n.childNodes);
const attr = (n: DomNode, name: string) => n.getAttribute?.(name) ?? '';

class Converter {
  constructor(private readonly options: MarkdownOptions) {}

  inline(node: DomNode): string {
    if (node.nodeType === TEXT) return escapeMarkdown(squash(node.textContent ?? ''));
    if (node.nodeType !== ELEMENT) return '';
    const inner = () => children(node).map((c) => this.inline(c)).join('');
    switch (node.nodeName) {
      case 'BR':
        return HARD_BREAK;
      case 'STRONG':
      case 'B':
        return wrap(inner(), '**');
      case 'EM':
      case 'I':
      case 'CITE':
        return wrap(inner(), '*');
      case 'DEL':
      case 'S':
        return wrap(inner(), '~~');
      case 'CODE':
      case 'KBD': {
        const text = squash(node.textContent ?? '');
        const fence = text.includes('`') ? '``' : '`';
        return text.trim() ? `${fence}${text}${fence}` : '';
      }
      case 'Q':
        return `“${inner()}”`;
      case 'A': {
        const text = inner().trim();
        const href = attr(node, 'href');
        if (!/^(https?:|mailto:)/i.test(href)) return text;
        return text ? `[${text}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)` : '';
      }
      case 'IMG':
        return this.image(node);
      default:
        return BLOCK.has(node.nodeName) ? ` ${this.blocks(node).join(' ')} ` : inner();
    }
  }

  image(node: DomNode): string {
    const ref = this.options.image?.(attr(node, 'src')) ?? null;
    if (!ref) return '';
    return `![${escapeMarkdown(squash(attr(node, 'alt')).trim())}][${ref}]`;
  }

  /** Block-level Markdown chunks (joined by blank lines). Inline runs become paragraphs. */
  blocks(node: DomNode): string[] {
    const out: string[] = [];
    let run = '';
    const flush = () => {
      const text = run.replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim().replace(/ *\u2028 */g, '  \n');
      if (text) out.push(text);
      run = '';
    };
    for (const child of children(node)) {
      if (child.nodeType === ELEMENT && BLOCK.has(child.nodeName)) {
        flush();
        const block = this.block(child);
        if (block.trim()) out.push(block);
      } else {
        run += this.inline(child);
      }
    }
    flush();
    return out;
  }

  block(node: DomNode): string {
    const name = node.nodeName;
    if (/^H[1-6]$/.test(name)) {
      const level = Math.min(6, Number(name[1]) + (this.options.headingOffset ?? 0));
      const text = this.inlineText(node);
      return text ? `${'#'.repeat(level)} ${text}` : '';
    }
    switch (name) {
      case 'P':
      case 'SUMMARY':
      case 'DT':
      case 'CAPTION':
        return name === 'DT' ? wrap(this.inlineText(node), '**') : this.blocks(node).join('\n\n');
      case 'DD':
        return indent(this.blocks(node).join('\n\n'), ': ', '  ');
      case 'HR':
        return '---';
      case 'PRE': {
        const text = (node.textContent ?? '').replace(/\n$/, '');
        const fence = text.includes('```') ? '~~~~' : '```';
        return `${fence}\n${text}\n${fence}`;
      }
      case 'BLOCKQUOTE':
        return this.blocks(node).join('\n\n').split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n');
      case 'UL':
      case 'OL': {
        let n = Number(attr(node, 'start')) || 1;
        return children(node)
          .filter((c) => c.nodeType === ELEMENT && c.nodeName === 'LI')
          .map((li) => {
            const marker = name === 'OL' ? `${n++}. ` : '- ';
            return indent(this.blocks(li).join('\n\n'), marker, ' '.repeat(marker.length));
          })
          .join('\n');
      }
      case 'FIGURE': {
        const parts: string[] = [];
        for (const child of children(node)) {
          if (child.nodeType !== ELEMENT) continue;
          if (child.nodeName === 'FIGCAPTION') parts.push(...this.caption(child));
          else {
            const text = this.blocks(child).join('\n\n') || this.inline(child).trim();
            if (text) parts.push(text);
          }
        }
        return parts.join('  \n');
      }
      case 'FIGCAPTION':
        return this.caption(node).join('  \n');
      case 'TABLE':
        return this.table(node);
      default:
        return this.blocks(node).join('\n\n');
    }
  }

  /** Caption in italics, the credit (span.credit) on its own line. */
  caption(node: DomNode): string[] {
    const credits: string[] = [];
    let caption = '';
    for (const child of children(node)) {
      if (child.nodeType === ELEMENT && /(^|\s)credit(\s|$)/.test(attr(child, 'class'))) credits.push(this.inline(child).trim());
      else caption += this.inline(child);
    }
    const text = caption.trim();
    return [...(text ? [wrap(text, '*')] : []), ...credits.filter(Boolean)];
  }

  inlineText(node: DomNode): string {
    return children(node).map((c) => this.inline(c)).join('').replace(/\s+/g, ' ').trim();
  }

  table(node: DomNode): string {
    const rows: string[][] = [];
    const walk = (n: DomNode) => {
      for (const c of children(n)) {
        if (c.nodeType !== ELEMENT) continue;
        if (c.nodeName === 'TR') {
          rows.push(children(c).filter((cell) => cell.nodeName === 'TD' || cell.nodeName === 'TH').map((cell) => this.inlineText(cell).replace(/\|/g, '\\|')));
        } else if (c.nodeName === 'CAPTION') continue;
        else walk(c);
      }
    };
    walk(node);
    if (rows.length === 0) return '';
    const width = Math.max(...rows.map((r) => r.length));
    const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => r[i] ?? '').join(' | ')} |`;
    return [line(rows[0]!), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line)].join('\n');
  }
}

function wrap(text: string, mark: string): string {
  const t = text.trim();
  if (!t) return '';
  const lead = text.startsWith(' ') ? ' ' : '';
  const trail = text.endsWith(' ') ? ' ' : '';
  return `${lead}${mark}${t}${mark}${trail}`;
}

function indent(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((l, i) => (i === 0 ? first + l : l ? rest + l : l))
    .join('\n');
}

/** Markdown for the children of `root` (e.g. a parsed body element). */
export function markdownOf(root: unknown, options: MarkdownOptions = {}): string {
  return new Converter(options)
    .blocks(root as DomNode)
    .join('\n\n')
    .replace(/ *\u2028 */g, '  \n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
