// Argument checks shared by both hosts: a table of bad arguments per method, each refused.
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, validateArg } from './validate';

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

describe('validateArg', () => {
  it.each(refused)('%s refuses %j', (method, arg) => {
    expect(() => validateArg(method, arg)).toThrow(InvalidArgumentError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts well-formed arguments', () => {
    expect(() => validateArg('setSaved', { id: 'abc', saved: true })).not.toThrow();
    expect(() => validateArg('listArticles', { section: 'News > City', limit: 50 })).not.toThrow();
    expect(() => validateArg('listArticles', undefined)).not.toThrow();
    expect(() => validateArg('addSource', { url: 'https://example.org/feed.xml' })).not.toThrow();
    expect(() => validateArg('openExternal', 'mailto:desk@example.org')).not.toThrow();
    expect(() => validateArg('queueArticle', 'https://example.org/news/a.html')).not.toThrow();
    // An OPML of ~500 feeds is over 64 KiB: importOpml has its own 2 MiB cap.
    expect(() => validateArg('importOpml', `<opml version="2.0"><body>${'<outline text="x"/>'.repeat(20_000)}</body></opml>`)).not.toThrow();
    expect(() => validateArg('exportOpml', undefined)).not.toThrow();
    expect(() => validateArg('updateSettings', { notifySections: [] })).not.toThrow();
    expect(() => validateArg('updateSettings', { notifySections: ['News', 'News > City', 'x'.repeat(300)] })).not.toThrow();
  });
});
