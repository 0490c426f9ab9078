import { describe, expect, it } from 'vitest';
import { verifyIndexFile } from './index-file';
import { OutdatedIndexError, SearchIndex } from './search-index';
import { fold, matchedWords, queryTerms, snippetAround, splitWords, termCounts } from './text';
import { fuzzyTerms, prefixRange } from './vocabulary';

function indexOf(articles: { id: string; title: string; dek?: string; byline?: string; body?: string }[]): SearchIndex {
  const index = SearchIndex.empty();
  for (const a of articles) index.put({ id: a.id, title: a.title, dek: a.dek ?? '', byline: a.byline ?? '', bodyText: a.body ?? '', stamp: 't1' });
  return index;
}

const ids = (index: SearchIndex, text: string) => index.search(text).matches.map((m) => m.id);

describe('text', () => {
  it('folds case and diacritics', () => {
    expect(fold('Café')).toBe('cafe');
    expect(fold('ZÜRICH')).toBe('zurich');
    expect(fold('Kraków')).toBe('krakow');
    expect(fold('Straße')).toBe('strasse');
    expect(fold('Ålesund')).toBe('alesund');
    expect(fold('cafe\u0301')).toBe('cafe'); // decomposed input
  });

  it('folds a long text the same as word by word', () => {
    const words = ['Café', 'Zürich', 'Straße', 'naïve', 'cafe\u0301', 'Łódź', 'Ærø', 'plain', 'Москва', 'Ελλάδα', '東京'];
    const short = Array.from({ length: 300 }, (_, i) => words[(i * 7) % words.length]).join(' ');
    const many = Array.from({ length: 300 }, (_, i) => `${words[i % words.length]}x${i}`).join(', '); // > 64 accented runs
    for (const text of [short, many]) expect(splitWords(fold(text))).toEqual(splitWords(text).map(fold));
  });

  it('keeps a query\'s content words, and stop words only when nothing else is left', () => {
    expect(queryTerms('The Café of the harbour')).toEqual(['cafe', 'harbour']);
    expect(queryTerms('the')).toEqual(['the']);
  });

  it('counts the folded terms of a text, without stop words or words shorter than the minimum', () => {
    expect([...termCounts('The harbour, the HARBOUR and the Café opened a door.', 2)]).toEqual([
      ['harbour', 2],
      ['cafe', 1],
      ['opened', 1],
      ['door', 1],
    ]);
    expect([...termCounts('X marks Straße', 1).keys()]).toEqual(['x', 'marks', 'strasse']);
  });

  it('returns the matching words as written and a snippet around the first match', () => {
    expect(matchedWords(['A new Café', 'cafe society'], new Set(['cafe']))).toEqual(['Café', 'cafe']);
    const long = `${'word '.repeat(100)}the Café opened ${'more '.repeat(100)}`;
    const snippet = snippetAround(long, new Set(['cafe']))!;
    expect(snippet).toContain('Café opened');
    expect(snippet.startsWith('… ')).toBe(true);
    expect(snippet.endsWith(' …')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(250);
    expect(snippetAround('nothing here', new Set(['cafe']), 240, false)).toBeNull();
  });

  it('cuts snippets at the start, middle and end of a long body, white space collapsed', () => {
    const body = Array.from({ length: 400 }, (_, i) => `w${i}`).join(' \n\n ');
    const at = (word: string) => snippetAround(body, new Set([word]))!;
    expect(at('w0').startsWith('w0 w1')).toBe(true);
    expect(at('w0').endsWith(' …')).toBe(true);
    expect(at('w200')).toMatch(/^… .* w200 .* …$/);
    expect(at('w200').indexOf('w200')).toBeLessThan(100); // the match near the start of the snippet
    expect(at('w399')).toMatch(/^… .* w399$/);
    expect(at('nothing').startsWith('w0 w1')).toBe(true); // no match: the start
    expect(snippetAround('  short \n text  ', new Set(['text']))).toBe('short text');
    for (const w of ['w0', 'w200', 'w399']) expect(at(w).length).toBeLessThanOrEqual(244);
    expect(snippetAround('Ünïcode: Straße in Zürich, ß', new Set(['zurich']))).toBe('Ünïcode: Straße in Zürich, ß');
    const accented = `${'Straße '.repeat(80)}the Zürich lake ${'more '.repeat(80)}`;
    expect(snippetAround(accented, new Set(['zurich']))).toContain('Zürich lake');
  });
});

describe('SearchIndex', () => {
  const index = indexOf([
    { id: 'a', title: 'The new café on the harbour', body: 'Owners of the café say the coffee is good.' },
    { id: 'b', title: 'Council debates harbour plan', dek: 'Residents fill the hall', byline: 'Ana Peña' },
    { id: 'c', title: 'Weather', body: 'Rain over Zürich and the lakes all week.' },
  ]);

  it('finds accented words without the accent, and the other way round', () => {
    expect(ids(index, 'cafe')).toEqual(['a']);
    expect(ids(index, 'zurich')).toEqual(['c']);
    expect(ids(index, 'pena')).toEqual(['b']);
    expect(ids(indexOf([{ id: 'x', title: 'A cafe' }]), 'café')).toEqual(['x']);
    expect(index.search('cafe').terms).toEqual(['cafe']);
  });

  it('tolerates a typo and completes the word being typed', () => {
    expect(ids(index, 'habour')).toEqual(expect.arrayContaining(['a', 'b']));
    expect(ids(index, 'councel')).toEqual(['b']);
    expect(ids(index, 'resid')).toEqual(['b']);
  });

  it('requires every word, and falls back to any word when no article has them all', () => {
    expect(ids(index, 'harbour council')).toEqual(['b']);
    const fallback = index.search('council zurich');
    expect(fallback.anyWord).toBe(true);
    expect(fallback.matches.map((m) => m.id).sort()).toEqual(['b', 'c']);
    expect(index.search('harbour').anyWord).toBe(false);
  });

  it('finds nothing for an empty or stop-word-only query', () => {
    expect(ids(index, '')).toEqual([]);
    expect(ids(index, '  the ')).toEqual([]);
  });

  it('replaces and removes articles', () => {
    const i = indexOf([{ id: 'a', title: 'Old headline about ferries' }]);
    i.put({ id: 'a', title: 'New headline about trams', dek: '', byline: '', bodyText: '', stamp: 't2' });
    expect(ids(i, 'ferries')).toEqual([]);
    expect(ids(i, 'trams')).toEqual(['a']);
    expect(i.stampOf('a')).toBe('t2');
    i.remove('a');
    expect(ids(i, 'trams')).toEqual([]);
    expect(i.size).toBe(0);
  });

  it('gives the same answers after a round trip through the file, with removed and replaced articles', () => {
    const words = ['harbour', 'café', 'tram', 'council', 'zürich', 'ferry', 'library', 'river', 'market', 'school'];
    const big = SearchIndex.empty();
    for (let i = 0; i < 300; i++) {
      const pick = (k: number) => words[(i * 7 + k * 3) % words.length]!;
      big.put({ id: `d${i}`, title: `${pick(1)} ${pick(2)} ${pick(1)}`, dek: pick(3), byline: `Writer ${i % 5}`, bodyText: `${pick(4)} ${pick(5)} ${pick(4)} number${i}`, stamp: `t${i}` });
    }
    for (let i = 0; i < 300; i += 11) big.remove(`d${i}`); // dead until a compaction
    big.put({ id: 'd5', title: 'Replaced headline about zebras', dek: '', byline: '', bodyText: '', stamp: 'new' });
    const copy = SearchIndex.fromBytes(big.toBytes());
    expect(copy.size).toBe(big.size);
    expect(copy.stampOf('d5')).toBe('new');
    expect(copy.stampOf('d0')).toBeUndefined();
    const sorted = (r: ReturnType<SearchIndex['search']>) => [...r.matches].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    for (const q of ['harbour', 'cafe tram', 'zurich ferry', 'libr', 'councel', 'zebras', 'number42', 'writer']) {
      expect(sorted(copy.search(q, { limit: 500 }))).toEqual(sorted(big.search(q, { limit: 500 })));
    }
    expect(copy.search('number11', { limit: 500 }).matches.map((m) => m.id)).not.toContain('d11'); // removed
    copy.put({ id: 'd1', title: 'Added after loading: quokka', dek: '', byline: '', bodyText: '', stamp: 'x' });
    expect(ids(copy, 'quokka')).toEqual(['d1']);
  });

  it('compacts when a quarter of the articles are gone, with the same answers', async () => {
    const i = SearchIndex.empty();
    for (let n = 0; n < 100; n++) i.put({ id: `a${n}`, title: `Story ${n} about ${n % 2 ? 'ferries' : 'trams'}`, dek: '', byline: '', bodyText: `Body of story ${n} with the word w${n}.`, stamp: 't' });
    for (let n = 0; n < 60; n++) i.remove(`a${n}`);
    expect(i.wantsCompaction).toBe(true);
    const before = i.search('ferries', { limit: 500 }).matches.map((m) => m.id).sort();
    const sizeBefore = i.toBytes().length;
    await i.compact();
    expect(i.wantsCompaction).toBe(false);
    const bytes = i.toBytes();
    expect(bytes.length).toBeLessThan(sizeBefore);
    const copy = SearchIndex.fromBytes(bytes);
    expect(copy.search('ferries', { limit: 500 }).matches.map((m) => m.id).sort()).toEqual(before);
    expect(copy.search('ferries').total).toBe(20);
    expect(ids(copy, 'w75')).toEqual(['a75']);
    expect(ids(copy, 'w5')).toEqual([]);
  });

  it('keeps articles added and removed while a compaction runs', async () => {
    const i = SearchIndex.empty();
    for (let n = 0; n < 3000; n++) i.put({ id: `a${n}`, title: `Story ${n}`, dek: '', byline: '', bodyText: `Body word${n} and common words.`, stamp: 't' });
    for (let n = 0; n < 1500; n++) i.remove(`a${n}`);
    const running = i.compact(); // yields between slices of the lists
    i.put({ id: 'late', title: 'Added during the compaction: narwhal', dek: '', byline: '', bodyText: 'narwhal narwhal', stamp: 'x' });
    i.remove('a2000');
    i.put({ id: 'a2001', title: 'Replaced during the compaction: okapi', dek: '', byline: '', bodyText: '', stamp: 'y' });
    await running;
    expect(ids(i, 'narwhal')).toEqual(['late']);
    expect(ids(i, 'okapi')).toEqual(['a2001']);
    const found = (word: string) => i.search(word, { limit: 500 }).matches.map((m) => m.id); // with typo matches
    expect(found('word2000')).not.toContain('a2000');
    expect(found('word2001')).not.toContain('a2001');
    expect(found('word2999')[0]).toBe('a2999');
    expect(i.size).toBe(1500 - 1 + 1);
    const copy = SearchIndex.fromBytes(i.toBytes());
    expect(ids(copy, 'narwhal')).toEqual(['late']);
    expect(copy.stampOf('a2001')).toBe('y');
    expect(copy.search('common').total).toBe(1498); // a1500..a2999 without a2000 and the replaced a2001
  });

  it('refuses a damaged file or one of another version; the checksum catches any flipped byte', async () => {
    const bytes = index.toBytes();
    expect(ids(SearchIndex.fromBytes(bytes), 'cafe')).toEqual(['a']);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 3]! ^= 0xff;
    expect(await verifyIndexFile(bytes)).toBe(true);
    expect(await verifyIndexFile(flipped)).toBe(false);
    expect(await verifyIndexFile(bytes, 7)).toBe(true); // in slices
    const other = Buffer.from(bytes);
    other.writeUInt32LE(2, 4);
    expect(() => SearchIndex.fromBytes(other)).toThrow(OutdatedIndexError);
    expect(() => SearchIndex.fromBytes(Buffer.from('{"format":"offline-news-search"}'))).toThrow(/not a search index/);
    expect(() => SearchIndex.fromBytes(bytes.subarray(0, bytes.length - 10))).toThrow();
  });

  it('limits the answer to the best matches and counts them all; accept filters both', () => {
    const i = SearchIndex.empty<number>();
    for (let n = 0; n < 40; n++) i.put({ id: `s${n}`, title: n === 7 ? 'Harbour harbour' : 'News', dek: '', byline: '', bodyText: `The harbour ${'harbour '.repeat(n % 5)}report.`, stamp: 't' }, n);
    const top = i.search('harbour', { limit: 5 });
    expect(top.total).toBe(40);
    expect(top.matches).toHaveLength(5);
    expect(top.matches[0]!.id).toBe('s7'); // the headline counts most
    expect(top.matches.map((m) => m.score)).toEqual([...top.matches.map((m) => m.score)].sort((a, b) => b - a));
    const even = i.search('harbour', { limit: 5, accept: (ref) => ref! % 2 === 0 });
    expect(even.total).toBe(20);
    expect(even.matches.every((m) => m.ref! % 2 === 0 && m.id === `s${m.ref}`)).toBe(true);
    const odd = i.search('harbour', { accept: (_ref, id) => Number(id.slice(1)) % 2 === 1 });
    expect(odd.total).toBe(20);
  });
});

describe('vocabulary', () => {
  const levenshtein = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length]![b.length]!;
  };
  const syllables = 'ba be bo da de ka ki ko la le ma mo na ne ra ro sa st tr'.split(' ');
  const terms = [...new Set(Array.from({ length: 3000 }, (_, i) => Array.from({ length: 1 + (i % 4) }, (_, k) => syllables[(i * 7 + k * 13 + (i >> 3)) % syllables.length]).join('')))].sort();

  it('finds exactly the terms within the edit distance (the same as comparing with every term)', () => {
    for (const [query, max] of [['bakola', 1], ['bakola', 2], ['stra', 1], ['x', 1], ['mamamama', 2], ['kolabe', 0]] as const) {
      const expected = terms.flatMap((t, index) => (levenshtein(t, query) <= max ? [{ index, distance: levenshtein(t, query) }] : []));
      expect(fuzzyTerms(terms, query, max)).toEqual(expected);
    }
  });

  it('finds the range of terms with a prefix', () => {
    const [from, to] = prefixRange(terms, 'ka');
    expect(terms.slice(from, to).every((t) => t.startsWith('ka'))).toBe(true);
    expect(terms.filter((t) => t.startsWith('ka'))).toHaveLength(to - from);
    expect(prefixRange(terms, 'zz')).toEqual([terms.length, terms.length]);
  });
});
