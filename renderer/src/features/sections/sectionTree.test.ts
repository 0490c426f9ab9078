import { describe, expect, it } from 'vitest';
import { sectionRows, totalUnread } from './sectionTree';

describe('sectionRows', () => {
  it('nests children under parents and invents missing parents', () => {
    const rows = sectionRows([
      { key: 'World', path: ['World'], count: 2, unread: 1 },
      { key: 'News > Palestine', path: ['News', 'Palestine'], count: 3, unread: 2 },
      { key: 'News > Africa', path: ['News', 'Africa'], count: 1, unread: 1 },
    ]);
    expect(rows.map((r) => [r.key, r.label, r.depth, r.count, r.unread, r.stored])).toEqual([
      ['News', 'News', 0, 4, 3, false],
      ['News > Africa', 'Africa', 1, 1, 1, true],
      ['News > Palestine', 'Palestine', 1, 3, 2, true],
      ['World', 'World', 0, 2, 1, true],
    ]);
  });
  it('adds children into a stored parent, as its front lists them', () => {
    const sections = [
      { key: 'News', path: ['News'], count: 9, unread: 5 },
      { key: 'News > Palestine', path: ['News', 'Palestine'], count: 3, unread: 2 },
    ];
    const rows = sectionRows(sections);
    expect(rows[0]).toMatchObject({ key: 'News', count: 12, unread: 7, stored: true });
    expect(rows[1]).toMatchObject({ key: 'News > Palestine', count: 3, unread: 2, stored: true });
    expect(rows).toHaveLength(2);
    expect(totalUnread(sections)).toBe(7);
  });
});
