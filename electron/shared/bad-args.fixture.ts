/**
 * Tests only: a table of bad calls to every contract method, for the hosts' "never a 500, always a
 * plain message" tests (browser host over HTTP, Electron's IPC handlers). For each method it takes
 * a good argument and derives: the whole argument missing, wrong-typed, empty, oversized or
 * path-like; and, for object arguments, each field missing, wrong-typed, empty, path-like, oversized
 * or an unknown id, plus an unknown field. The record type makes a new channel fail to compile
 * until it has a row here.
 */
import type { NewsMethod } from './contract';

export interface KnownIds {
  articleId: string;
  sourceId: string;
}

export interface BadCall {
  method: NewsMethod;
  label: string;
  arg: unknown;
}

/** A good argument per method (undefined: the method takes none). */
export function goodArgs(ids: KnownIds): Record<NewsMethod, unknown> {
  return {
    getStatus: undefined,
    listSections: undefined,
    listArticles: { section: 'Guide', limit: 5 },
    countArticles: { section: 'Guide' },
    markAllRead: { section: 'Guide' },
    getArticle: ids.articleId,
    setSaved: { id: ids.articleId, saved: true },
    setRead: { id: ids.articleId, read: true },
    listSaved: undefined,
    listSources: undefined,
    addSource: { url: 'http://127.0.0.1:9/feed.xml', title: 'Discard' },
    removeSource: ids.sourceId,
    updateSource: { id: ids.sourceId, title: 'Renamed', section: 'News > City' },
    syncNow: undefined,
    cancelSync: undefined,
    search: { text: 'guide', limit: 5 },
    exportSaved: { format: 'markdown' },
    openExternal: 'https://example.org/',
    queueArticle: 'https://example.org/story',
    listQueue: undefined,
    getSettings: undefined,
    updateSettings: { keepDays: 30 },
    getStorageInfo: undefined,
    exportOpml: undefined,
    importOpml: '<opml version="2.0"><body><outline text="A" xmlUrl="http://127.0.0.1:9/opml.xml"/></body></opml>',
  };
}

/** Ids that name nothing: unknown, path-like, at the 200-character limit. */
export const UNKNOWN_IDS: Record<string, string> = {
  'unknown id': '0123456789abcdef',
  'path-like id': '../..',
  'deep path-like id': '../../../../etc/passwd',
  'encoded path id': '..%2f..%2f.ssh%2fid_rsa',
  'Windows device id': 'CON',
  '200-character id': 'x'.repeat(200),
  'prototype key id': '__proto__',
  'constructor id': 'constructor',
};

const JUNK: Record<string, unknown> = {
  missing: undefined,
  null: null,
  number: 42,
  'negative number': -1,
  boolean: true,
  array: ['a'],
  object: {},
  'empty string': '',
  'path-like': '../../etc/passwd',
  'NUL byte': 'a\u0000b',
  oversized: 'x'.repeat(70_000),
  'prototype object': JSON.parse('{"__proto__":{"polluted":1}}'),
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function badCalls(ids: KnownIds, methods: readonly NewsMethod[]): BadCall[] {
  const good = goodArgs(ids);
  const calls: BadCall[] = [];
  for (const method of methods) {
    const base = good[method];
    for (const [label, arg] of Object.entries(JUNK)) calls.push({ method, label: `argument ${label}`, arg });
    if (typeof base === 'string') {
      for (const [label, id] of Object.entries(UNKNOWN_IDS)) calls.push({ method, label, arg: id });
    }
    if (method === 'importOpml') calls.push({ method, label: 'argument over its 2 MiB cap', arg: 'x'.repeat(3 * 1024 * 1024) });
    if (!isObject(base)) continue;
    calls.push({ method, label: 'unknown field', arg: { ...base, surprise: 1 } });
    for (const field of Object.keys(base)) {
      const { [field]: _dropped, ...without } = base;
      calls.push({ method, label: `${field} missing`, arg: without });
      for (const [label, value] of Object.entries(JUNK)) {
        if (value !== undefined) calls.push({ method, label: `${field} ${label}`, arg: { ...base, [field]: value } });
      }
      if (field === 'id') {
        for (const [label, id] of Object.entries(UNKNOWN_IDS)) calls.push({ method, label, arg: { ...base, id } });
      }
    }
  }
  return calls;
}

/** A message a user can read: no errno code, stack frame, JS engine wording or "undefined". */
export function plainMessageProblem(message: unknown): string | null {
  if (typeof message !== 'string' || message.trim() === '') return 'no message';
  if (message.length > 500) return 'message over 500 characters';
  if (/\bE[A-Z]{3,}\b/.test(message)) return 'raw errno code';
  if (/\n\s+at\s|\bat .+:\d+:\d+\)?$/m.test(message)) return 'stack trace';
  if (/TypeError|ReferenceError|SyntaxError|RangeError|Cannot read propert|is not a function|undefined|\[object Object\]/.test(message)) {
    return 'JavaScript error text';
  }
  return null;
}
