// The contract's argument checks, shared by both hosts: a table of bad arguments per method, each refused.
import { describe, expect, it } from 'vitest';
import { checkArg, InvalidArgumentError } from './contract-check';
import { SETTINGS_LIMITS } from './contract';

const refused: [string, unknown][] = [
  ['getArticle', 42],
  ['getArticle', 'x'.repeat(201)],
  ['setSaved', { id: 'a' }],
  ['setSaved', { id: 'a', saved: 'yes' }],
  ['setSaved', JSON.parse('{"id":"a","saved":true,"__proto__":{"polluted":1}}')],
  ['setSaved', { id: 'a', saved: true, constructor: 1 }],
  ['listArticles', { section: 'x', limit: -1 }],
  ['listArticles', []],
  ['addSource', { url: 'file:///etc/passwd' }],
  ['addSource', { url: 'javascript:alert(1)' }],
  ['openExternal', 'smb://host/share'],
  ['openExternal', 'x'.repeat(70_000)],
  ['syncNow', { force: true }],
  ['queueArticle', 'mailto:desk@example.org'],
  ['queueArticle', 'javascript:alert(1)'],
  ['queueArticle', { url: 'https://example.org/a' }],
  ['listQueue', 'x'],
  ['updateSettings', { keepDays: 0 }],
  ['updateSettings', { maxPerSource: 1.5 }],
  ['updateSettings', { keepDays: '30' }],
  ['updateSettings', { other: 1 }],
  ['updateSettings', { notifySections: 'News' }],
  ['updateSettings', { notifySections: [42] }],
  ['updateSettings', { notifySections: ['x'.repeat(301)] }],
  ['updateSettings', { notifySections: Array.from({ length: 201 }, (_, i) => `S${i}`) }],
  ['getStorageInfo', 'x'],
  ['exportOpml', 'x'],
  ['importOpml', 42],
  ['importOpml', { xml: '<opml/>' }],
  ['importOpml', 'x'.repeat(2 * 1024 * 1024 + 1)],
  // Only importOpml has the document-sized cap: the others keep 64 KiB.
  ['queueArticle', `https://example.org/${'x'.repeat(100_000)}`],
  ['noSuchMethod', undefined],
  ['__proto__', undefined],
];

describe('checkArg', () => {
  it.each(refused)('%s refuses %j', (method, arg) => {
    expect(() => checkArg(method, arg)).toThrow(InvalidArgumentError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts well-formed arguments', () => {
    expect(() => checkArg('setSaved', { id: 'abc', saved: true })).not.toThrow();
    expect(() => checkArg('listArticles', { section: 'News > City', limit: 50 })).not.toThrow();
    expect(() => checkArg('listArticles', undefined)).not.toThrow();
    expect(() => checkArg('addSource', { url: 'https://example.org/feed.xml' })).not.toThrow();
    expect(() => checkArg('openExternal', 'mailto:desk@example.org')).not.toThrow();
    expect(() => checkArg('queueArticle', 'https://example.org/news/a.html')).not.toThrow();
    // An OPML of ~500 feeds is over 64 KiB: importOpml has its own 2 MiB cap.
    expect(() => checkArg('importOpml', `<opml version="2.0"><body>${'<outline text="x"/>'.repeat(20_000)}</body></opml>`)).not.toThrow();
    expect(() => checkArg('exportOpml', undefined)).not.toThrow();
    expect(() => checkArg('updateSettings', { notifySections: [] })).not.toThrow();
    expect(() => checkArg('updateSettings', { notifySections: ['News', 'News > City', 'x'.repeat(300)] })).not.toThrow();
  });
});

describe('the settings limits Settings shows are the ones the hosts enforce', () => {
  it.each(Object.entries(SETTINGS_LIMITS))('%s: %j', (field, { min, max }) => {
    expect(() => checkArg('updateSettings', { [field]: min })).not.toThrow();
    expect(() => checkArg('updateSettings', { [field]: max })).not.toThrow();
    expect(() => checkArg('updateSettings', { [field]: min - 1 === 0 && field === 'refreshMinutes' ? 1 : min - 1 })).toThrow(
      new RegExp(`${field}: expected (0 \\(off\\) or )?an integer ${min}\\.\\.${max}`),
    );
    expect(() => checkArg('updateSettings', { [field]: max + 1 })).toThrow(InvalidArgumentError);
  });
});
