/**
 * Text helpers of the search index: folding (lowercase, no diacritics: "Café" -> "cafe"), word
 * splitting with positions (the same word boundaries as minisearch's default tokenizer), the
 * query's terms, the indexed part of a body, snippets around the first match and the words of a
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
 * The part of a body that is indexed: its first `maxTerms` distinct folded words, stop words and
 * one-letter words left out (a body's opening says what it is about; see docs/STORAGE.md for the
 * measured trade-off).
 */
export function bodyTerms(bodyText: string, maxTerms: number): string {
  const seen = new Set<string>();
  for (const m of bodyText.matchAll(WORD)) {
    const term = fold(m[0]);
    if (term.length < 2 || STOP_WORDS.has(term) || seen.has(term)) continue;
    seen.add(term);
    if (seen.size >= maxTerms) break;
  }
  return [...seen].join(' ');
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

/**
 * Up to ~`size` characters of `text` around the first word whose folded form is in `folded`
 * (from the start when none is), cut at word boundaries, with "…" where text was left out.
 * Returns null when `text` has no matching word and `fallback` is false.
 */
export function snippetAround(text: string, folded: ReadonlySet<string>, size = 240, fallback = true): string | null {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (!plain) return fallback ? '' : null;
  let at = -1;
  for (const m of plain.matchAll(WORD)) {
    if (folded.has(fold(m[0]))) {
      at = m.index;
      break;
    }
  }
  if (at < 0 && !fallback) return null;
  if (plain.length <= size) return plain;
  let start = at < 0 ? 0 : Math.max(0, at - Math.round(size / 4));
  if (start > 0) {
    const space = plain.indexOf(' ', start);
    start = space >= 0 && space < at ? space + 1 : start;
  }
  let end = Math.min(plain.length, start + size);
  if (end < plain.length) {
    const space = plain.lastIndexOf(' ', end);
    if (space > start + size / 2) end = space;
  }
  return `${start > 0 ? '… ' : ''}${plain.slice(start, end).trim()}${end < plain.length ? ' …' : ''}`;
}
