/**
 * Text helpers of the search index: folding (lowercase, no diacritics: "Café" -> "cafe"), word
 * splitting with positions (the word boundaries of minisearch's default tokenizer, kept), the
 * query's terms, the term counts of an indexed text, snippets around the first match and the words of a
 * text that matched (as written, for highlighting).
 */

/** minisearch's default separator: spaces, line breaks and punctuation. */
const SEPARATOR = /[\n\r\p{Z}\p{P}]+/u;
const WORD = /[^\n\r\p{Z}\p{P}]+/gu;
const DIACRITICS = /[\p{Diacritic}\u0300-\u036f]/gu;

/** Lowercase without diacritics; also folds a few letters NFD does not split (ß, æ, ø, œ, ł, đ). */
export function fold(term: string): string {
  const lower = term.toLowerCase();
  // Fast path: plain ASCII has nothing to strip.
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  // A long text with a few accented words (most news in Latin script): only those runs are folded.
  if (lower.length > 256) {
    const runs = lower.match(NON_ASCII_RUN);
    if (runs && runs.length <= 64) return lower.replace(NON_ASCII_RUN, foldNonAscii);
  }
  return foldNonAscii(lower);
}

const NON_ASCII_RUN = /[^\x00-\x7f]+/g;

function foldNonAscii(lower: string): string {
  return lower
    .normalize('NFD')
    .replace(DIACRITICS, '')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
    .normalize('NFC');
}

export function splitWords(text: string): string[] {
  return text.split(SEPARATOR).filter(Boolean);
}

/** Every word of `text` with its offset. */
export function wordsWithOffsets(text: string): { word: string; start: number }[] {
  const out: { word: string; start: number }[] = [];
  for (const m of text.matchAll(WORD)) out.push({ word: m[0], start: m.index });
  return out;
}

/** Common English words: left out of the indexed body text and out of queries that have other words. */
export const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i if in into is it its me my ' +
    'no not of on or our s she so t than that the their them then there these they this to was we were ' +
    'what when which who will with would you your'
  ).split(' '),
);

/**
 * The indexed terms of a text with their counts: folded, stop words left out, and words shorter
 * than `minLength` (the body leaves out one-letter words). The whole text is folded at once
 * (cheaper than word by word; the same words come out).
 */
export function termCounts(text: string, minLength = 1, into = new Map<string, number>()): Map<string, number> {
  if (!text) return into;
  for (const term of fold(text).split(SEPARATOR)) {
    if (term.length < minLength || STOP_WORDS.has(term)) continue;
    into.set(term, (into.get(term) ?? 0) + 1);
  }
  return into;
}

/** The folded terms of a query, without repeats; stop words dropped unless nothing else is left. */
export function queryTerms(text: string): string[] {
  const terms = [...new Set(splitWords(text).map(fold).filter(Boolean))];
  const content = terms.filter((t) => !STOP_WORDS.has(t));
  return content.length > 0 ? content : terms;
}

/** The distinct words of these texts (as written) whose folded form is one of `folded`. */
export function matchedWords(texts: string[], folded: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const text of texts) for (const word of splitWords(text)) if (folded.has(fold(word))) out.add(word);
  return [...out];
}

/** A word of these folded terms, whole (not inside a longer word); the last set's is kept. */
let lastMatcher: { terms: ReadonlySet<string>; pattern: RegExp } | null = null;
function matcherOf(folded: ReadonlySet<string>): RegExp {
  if (lastMatcher?.terms !== folded) {
    const words = [...folded].map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    lastMatcher = { terms: folded, pattern: new RegExp(`(?<![^\\n\\r\\p{Z}\\p{P}])(?:${words})(?![^\\n\\r\\p{Z}\\p{P}])`, 'u') };
  }
  return lastMatcher.pattern;
}

/**
 * Offset of the first word of `text` whose folded form is in `folded`, or -1. The text is folded
 * once as a whole; when that keeps its length (ASCII, and precomposed accents: "é" -> "e") one
 * regular expression finds the word (~10x faster than word by word), else word by word.
 */
export function firstMatch(text: string, folded: ReadonlySet<string>): number {
  if (folded.size === 0) return -1;
  const whole = fold(text);
  if (whole.length === text.length) return matcherOf(folded).exec(whole)?.index ?? -1;
  for (const m of text.matchAll(WORD)) if (folded.has(fold(m[0]))) return m.index;
  return -1;
}

/**
 * Up to ~`size` characters of `text` around the first word whose folded form is in `folded`
 * (from the start when none is), cut at word boundaries, white space collapsed, with "…" where
 * text was left out. Returns null when `text` has no matching word and `fallback` is false.
 */
export function snippetAround(text: string, folded: ReadonlySet<string>, size = 240, fallback = true): string | null {
  const at = firstMatch(text, folded);
  if (at < 0 && !fallback) return null;
  const collapse = (part: string) => part.replace(/\s+/g, ' ');
  if (text.length <= size * 2) {
    const plain = collapse(text).trim();
    if (plain.length <= size || at < 0) return plain.length <= size ? plain : cut(plain, 0, size);
  }
  // Work on a window of the raw text around the match (never the whole body).
  const anchor = Math.max(0, at);
  const from = Math.max(0, anchor - size);
  const windowEnd = anchor + size * 2;
  const window = collapse(text.slice(from, windowEnd));
  const leading = window.length - window.trimStart().length;
  const match = at < 0 ? -1 : collapse(text.slice(from, at)).length - leading;
  const cutFrom = match < 0 ? 0 : Math.max(0, match - Math.round(size / 4));
  return cut(window.trim(), cutFrom, size, from > 0 || cutFrom > 0, windowEnd < text.length, match);
}

/** plain[start, start + size) cut at spaces, with "…" on the sides where text was left out. */
function cut(plain: string, start: number, size: number, cutBefore = start > 0, moreAfter = false, match = -1): string {
  let begin = start;
  if (begin > 0) {
    const space = plain.indexOf(' ', begin);
    begin = space >= 0 && (match < 0 || space < match) ? space + 1 : begin;
  }
  let end = Math.min(plain.length, begin + size);
  if (end < plain.length) {
    const space = plain.lastIndexOf(' ', end);
    if (space > begin + size / 2) end = space;
  }
  const before = cutBefore || begin > 0;
  const after = moreAfter || end < plain.length;
  return `${before ? '… ' : ''}${plain.slice(begin, end).trim()}${after ? ' …' : ''}`;
}
