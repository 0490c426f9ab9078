import { describe, expect, it } from 'vitest';
import { hrefs, parseHash } from '../../routing/routes';
import { highlightRuns } from './highlight';

describe('highlightRuns', () => {
  it('marks the matched words as written, whole words only', () => {
    expect(highlightRuns('The Café and the cafeteria', ['Café'])).toEqual([
      { text: 'The ', match: false },
      { text: 'Café', match: true },
      { text: ' and the cafeteria', match: false },
    ]);
    expect(highlightRuns('café, CAFÉ!', ['Café']).filter((r) => r.match).map((r) => r.text)).toEqual(['café', 'CAFÉ']);
  });
  it('keeps markup-like text as plain text', () => {
    const runs = highlightRuns('Zürich <img src=x onerror=alert(1)> news', ['Zürich']);
    expect(runs.map((r) => r.text).join('')).toBe('Zürich <img src=x onerror=alert(1)> news');
    expect(runs.find((r) => r.match)?.text).toBe('Zürich');
  });
  it('returns the text unchanged without terms', () => {
    expect(highlightRuns('Plain text', [])).toEqual([{ text: 'Plain text', match: false }]);
  });
});

describe('search route', () => {
  it('round-trips text, section and saved through the hash', () => {
    const href = hrefs.search({ text: 'café & co', section: 'News > City', saved: true });
    expect(parseHash(href)).toEqual({ name: 'search', query: { text: 'café & co', section: 'News > City', saved: true } });
    expect(parseHash('#/search')).toEqual({ name: 'search', query: { text: '', section: '', saved: false } });
    expect(hrefs.search({ text: '' })).toBe('#/search');
  });
});
