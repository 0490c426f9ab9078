/**
 * Points a stored article body's images at the local photo cache: <img src=REMOTE> becomes
 * src="/photos/<file>" with data-remote-src=REMOTE; an image not (yet) cached keeps no src at all
 * (data-pending-src=REMOTE) so the renderer never loads anything remote. srcset and <source>
 * elements (remote candidates) are removed. Running it again with newer files fills in pending ones.
 *
 * The input is sanitized HTML (sanitizeArticleHtml's output, or an earlier output of this
 * function): there every "<" in text and attribute values is escaped, so each "<img" / "<source"
 * is a real tag and the body is rewritten tag by tag without parsing it into a DOM (a parse and
 * serialize of a ~70 KB body per article was ~2 ms of the sync's main thread).
 */

export const PHOTO_ROUTE = '/photos/';

const CACHE_NAME = /^[0-9a-f]{64}\.(jpg|png|gif|webp|avif)$/;
/** An <img> or <source> start tag; quoted attribute values may hold ">". */
const MEDIA_TAG = /<(img|source)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeAttribute(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

const escapeAttribute = (value: string): string =>
  value.replace(/[&"<>]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : c === '<' ? '&lt;' : '&gt;'));

type Attributes = [name: string, value: string | null][];

function readAttributes(source: string): Attributes {
  const out: Attributes = [];
  for (const m of source.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    if (out.some(([n]) => n === name)) continue; // the first of a repeated attribute wins, as in a parser
    const raw = m[2] ?? m[3] ?? m[4];
    out.push([name, raw === undefined ? null : decodeAttribute(raw)]);
  }
  return out;
}

function localizeImg(attrs: Attributes, files: Map<string, string | null>): Attributes {
  const get = (name: string) => attrs.find(([n]) => n === name)?.[1] ?? null;
  let out = attrs.filter(([n]) => n !== 'srcset' && n !== 'sizes');
  const set = (name: string, value: string) => {
    const at = out.findIndex(([n]) => n === name);
    if (at >= 0) out[at] = [name, value];
    else out.push([name, value]);
  };
  const remove = (name: string) => (out = out.filter(([n]) => n !== name));
  const src = get('src');
  const remote = get('data-pending-src') ?? get('data-remote-src') ?? (src && !src.startsWith(PHOTO_ROUTE) ? src : null);
  if (!remote) {
    if (src !== null && !src.startsWith(PHOTO_ROUTE)) remove('src');
    return out;
  }
  const file = files.get(remote) ?? null;
  if (file && CACHE_NAME.test(file)) {
    set('src', PHOTO_ROUTE + file);
    set('data-remote-src', remote);
    remove('data-pending-src');
  } else if (src && src.startsWith(PHOTO_ROUTE) && get('data-remote-src') === remote && !files.has(remote)) {
    // Already localized earlier and not part of this run: leave it.
  } else {
    remove('src');
    remove('data-remote-src');
    set('data-pending-src', remote);
  }
  return out;
}

export function localizeImages(bodyHtml: string, files: Map<string, string | null>): string {
  if (!bodyHtml) return bodyHtml;
  return bodyHtml.replace(MEDIA_TAG, (_tag, name: string, rest: string) => {
    if (name.toLowerCase() === 'source') return '';
    const attrs = localizeImg(readAttributes(rest), files);
    return `<img${attrs.map(([n, v]) => (v === null ? ` ${n}` : ` ${n}="${escapeAttribute(v)}"`)).join('')} />`;
  });
}
