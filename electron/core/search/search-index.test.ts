import { describe, expect, it } from 'vitest';
import { OutdatedIndexError, SearchIndex } from './search-index';
import { bodyTerms, fold, matchedWords, queryTerms, snippetAround } from './text';

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

  it('keeps a query\'s content words, and stop words only when nothing else is left', () => {
    expect(queryTerms('The Café of the harbour')).toEqual(['cafe', 'harbour']);
    expect(queryTerms('the')).toEqual(['the']);
  });

  it('indexes the first N distinct body words, without stop words', () => {
    expect(bodyTerms('The harbour, the harbour and the Café opened.', 10)).toBe('harbour cafe opened');
    expect(bodyTerms('one two three four', 2)).toBe('one two');
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
    expect(index.search('cafe').matches[0]!.terms).toEqual(['cafe']);
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

  it('gives the same answers after a round trip through the compact file form', async () => {
    const words = ['harbour', 'café', 'tram', 'council', 'zürich', 'ferry', 'library', 'river', 'market', 'school'];
    const big = SearchIndex.empty();
    for (let i = 0; i < 300; i++) {
      const pick = (k: number) => words[(i * 7 + k * 3) % words.length]!;
      big.put({ id: `d${i}`, title: `${pick(1)} ${pick(2)} ${pick(1)}`, dek: pick(3), byline: `Writer ${i % 5}`, bodyText: `${pick(4)} ${pick(5)} ${pick(4)} number${i}`, stamp: `t${i}` });
    }
    for (let i = 0; i < 300; i += 11) big.remove(`d${i}`); // discarded: dirt the file must keep right
    big.put({ id: 'd5', title: 'Replaced headline about zebras', dek: '', byline: '', bodyText: '', stamp: 'new' });
    const copy = await SearchIndex.fromJSON(JSON.parse(JSON.stringify(big)));
    expect(copy.size).toBe(big.size);
    // Same matches and scores (equal scores may come in another order).
    const sorted = (r: ReturnType<SearchIndex['search']>) => [...r.matches].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    for (const q of ['harbour', 'cafe tram', 'zurich ferry', 'libr', 'councel', 'zebras', 'number42', 'writer']) {
      expect(sorted(copy.search(q))).toEqual(sorted(big.search(q)));
    }
    copy.put({ id: 'd1', title: 'Added after loading: quokka', dek: '', byline: '', bodyText: '', stamp: 'x' });
    expect(ids(copy, 'quokka')).toEqual(['d1']);
  });

  it('round-trips through JSON and refuses other versions', async () => {
    const copy = await SearchIndex.fromJSON(JSON.parse(JSON.stringify(index)));
    expect(ids(copy, 'cafe')).toEqual(['a']);
    expect(copy.stampOf('b')).toBe('t1');
    const json = JSON.parse(JSON.stringify(index));
    await expect(SearchIndex.fromJSON({ ...json, version: 0 })).rejects.toThrow(OutdatedIndexError);
    await expect(SearchIndex.fromJSON({ ...json, bodyTerms: 7 })).rejects.toThrow(OutdatedIndexError);
    await expect(SearchIndex.fromJSON({ hello: 1 })).rejects.toThrow(/not a search index/);
  });
});
