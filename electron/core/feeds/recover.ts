/**
 * Repairs for ill-formed feeds that feed readers and browsers' feed previews read anyway, tried
 * only where they are needed (parse.ts):
 * - `stripLeadingJunk`: text before the XML (a server's warning printed ahead of the feed);
 * - `removeIllegalXmlChars`: control characters XML 1.0 forbids (U+0000-U+0008, U+000B, U+000C,
 *   U+000E-U+001F, U+FFFE, U+FFFF) dropped;
 * - `escapeStrayLessThan`: a `<` that starts no tag ("1 < 2" in a title) escaped, when the parser
 *   refused the feed (a cut-off tag at the end is not one: a truncated feed stays refused);
 * - `closeUnclosedAroundItems`: an element left open before the items (an `<itunes:category>`
 *   never closed, so every `<item>` ends up inside it) closed where the next item starts, and
 *   stray end tags dropped, when the parse found fewer items than the feed has.
 * - `decodeBase64Content`: Atom 0.3 text constructs with mode="base64" decoded (feedsmith drops the
 *   mode attribute, so it must happen before parsing).
 * Bare ampersands, uppercase hex references (&#X2019;) and HTML entity names (&eacute;) need no
 * repair: the XML parser keeps the first as text and feedsmith decodes the others.
 */

/** Where the feed's XML starts, when something other than markup comes before it; else 0. */
export function stripLeadingJunk(text: string): string {
  if (/^\s*[<{[]/.test(text)) return text;
  const start = text.slice(0, 8192).search(/<\?xml\s|<(?:rss|feed|rdf:RDF)[\s>]/);
  return start > 0 ? text.slice(start) : text;
}

const ILLEGAL_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function removeIllegalXmlChars(text: string): string {
  return ILLEGAL_XML_CHARS.test(text) ? text.replace(ILLEGAL_XML_CHARS, '') : text;
}

/** Markup that is not a tag (CDATA, comments, PIs, declarations), or a tag. */
const TOKEN =
  /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![A-Za-z][^>]*>|<\/([A-Za-z_][\w:.-]*)\s*>|<([A-Za-z_][\w:.-]*)(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*(\/?)>/g;

/** A `<` that no name, `/`, `!` or `?` follows (a cut-off tag is not one: truncation stays an error). */
const STRAY_LT = /<(?![A-Za-z_/!?]|\s*$)/g;

/** Stray `<` outside tags, CDATA, comments, declarations and PIs -> `&lt;`. */
export function escapeStrayLessThan(text: string): string {
  const out: string[] = [];
  let i = 0;
  for (const token of text.matchAll(TOKEN)) {
    out.push(text.slice(i, token.index).replace(STRAY_LT, '&lt;'), token[0]);
    i = token.index + token[0].length;
  }
  out.push(text.slice(i).replace(STRAY_LT, '&lt;'));
  return out.join('');
}

/** Item elements and the containers they belong directly in. */
const ITEM_PARENTS: Record<string, Set<string>> = {
  item: new Set(['channel', 'rdf:rdf']),
  entry: new Set(['feed']),
};

/** Start tags of items (`<item>`, `<entry>`) outside CDATA and comments. */
export function countItemTags(text: string): number {
  let n = 0;
  for (const token of text.matchAll(TOKEN)) {
    const name = token[2]?.toLowerCase();
    if (name && name in ITEM_PARENTS) n++;
  }
  return n;
}

/**
 * Close what is left open between an item's start tag and its container (`<channel>`, `<rdf:RDF>`,
 * `<feed>`), and drop end tags that close nothing; an end tag that matches an element further up
 * closes the ones above it. Text and everything else are copied as they are.
 */
export function closeUnclosedAroundItems(text: string): string {
  const stack: string[] = [];
  const out: string[] = [];
  let i = 0;
  const closeTo = (depth: number) => {
    while (stack.length > depth) out.push(`</${stack.pop()}>`);
  };
  for (const token of text.matchAll(TOKEN)) {
    out.push(text.slice(i, token.index));
    i = token.index + token[0].length;
    const [raw, endName, startName, selfClosing] = token;
    if (endName) {
      const at = stack.lastIndexOf(endName);
      if (at === -1) continue; // closes nothing: dropped
      closeTo(at + 1);
      stack.pop();
      out.push(raw);
      continue;
    }
    if (startName) {
      const parents = ITEM_PARENTS[startName.toLowerCase()];
      if (parents) {
        const container = findLast(stack, (name) => parents.has(name.toLowerCase()));
        if (container !== -1) closeTo(container + 1);
      }
      if (!selfClosing) stack.push(startName);
    }
    out.push(raw);
  }
  out.push(text.slice(i));
  closeTo(0);
  return out.join('');
}

function findLast(list: string[], test: (value: string) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i;
  return -1;
}

const BASE64_CONSTRUCT =
  /<((?:[\w.-]+:)?(?:content|summary|title|subtitle|tagline|info))(\s[^>]*?\bmode\s*=\s*["']base64["'][^>]*)>([A-Za-z0-9+/=\s]*)<\/\1\s*>/g;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `<content type="text/html" mode="base64">PHA+…</content>` -> the decoded text in CDATA. */
export function decodeBase64Content(text: string): string {
  if (!/mode\s*=\s*["']base64/i.test(text)) return text;
  return text.replace(BASE64_CONSTRUCT, (whole, name: string, attrs: string, data: string) => {
    const type = /\btype\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1]?.toLowerCase() ?? 'text/plain';
    if (!/^(?:text|html|xhtml)\b|html|xml/.test(type)) return whole; // a picture or file: not text
    let decoded: string;
    try {
      decoded = utf8.decode(Buffer.from(data.replace(/\s+/g, ''), 'base64'));
    } catch {
      return whole;
    }
    const rest = attrs.replace(/\s+mode\s*=\s*["']base64["']/, '');
    return `<${name}${rest}><![CDATA[${decoded.replace(/]]>/g, ']]]]><![CDATA[>')}]]></${name}>`;
  });
}
