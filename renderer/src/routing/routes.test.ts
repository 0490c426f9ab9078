import { describe, expect, it } from 'vitest';
import { hrefOf, hrefs, parseHash, type Route } from './routes';

describe('parseHash', () => {
  it('reads every route', () => {
    expect(parseHash('')).toEqual({ name: 'front', section: null });
    expect(parseHash('#/')).toEqual({ name: 'front', section: null });
    expect(parseHash('#/saved')).toEqual({ name: 'saved' });
    expect(parseHash('#/sources')).toEqual({ name: 'sources' });
    expect(parseHash('#/queue')).toEqual({ name: 'queue' });
    expect(parseHash('#/section/News%20%3E%20Palestine')).toEqual({ name: 'front', section: 'News > Palestine' });
    expect(parseHash('#/article/a1b2')).toEqual({ name: 'article', id: 'a1b2' });
  });
  it('marks unknown or broken hashes as not found', () => {
    expect(parseHash('#/nope').name).toBe('not-found');
    expect(parseHash('#/section/%E0%A4%A').name).toBe('not-found');
  });
  it('round-trips through hrefOf', () => {
    const routes: Route[] = [
      { name: 'front', section: null },
      { name: 'front', section: 'News > Palestine' },
      { name: 'front', section: 'Culture/Books & Art #1' },
      { name: 'article', id: 'x/y?z' },
      { name: 'saved' },
      { name: 'sources' },
      { name: 'settings' },
      { name: 'queue' },
    ];
    for (const r of routes) expect(parseHash(hrefOf(r))).toEqual(r);
    expect(hrefs.section('News > Palestine')).toBe('#/section/News%20%3E%20Palestine');
  });
});
