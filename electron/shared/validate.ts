/**
 * Argument checks for every contract method, applied by both hosts (IPC handlers and the browser
 * host) before the core sees anything. Pure: no imports but the contract's types.
 */
import { maxArgBytes, type NewsMethod } from './contract';

export class InvalidArgumentError extends Error {
  constructor(method: string, why: string) {
    super(`Invalid argument for ${method}: ${why}`);
    this.name = 'InvalidArgumentError';
  }
}

type Check = (arg: unknown) => string | null;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

const str = (max: number) => (v: unknown) =>
  typeof v !== 'string' ? 'expected a string' : v.length > max ? `string longer than ${max}` : null;

/** An array of at most `maxItems` strings of at most `maxLength` characters each. */
const strList = (maxItems: number, maxLength: number): Check => (v) => {
  if (!Array.isArray(v)) return 'expected an array';
  if (v.length > maxItems) return `more than ${maxItems} items`;
  for (const item of v) {
    const p = str(maxLength)(item);
    if (p) return p;
  }
  return null;
};

const none: Check = (v) => (v === undefined || v === null ? null : 'expected no argument');
/** An article or source id: 1-200 characters (one that names nothing is the host's 404). */
const id: Check = (v) => str(200)(v) ?? ((v as string) === '' ? 'empty id' : null);

function object(shape: Record<string, { check: Check; optional?: boolean }>): Check {
  return (v) => {
    if (!isPlainObject(v)) return 'expected an object';
    for (const key of Object.keys(v)) {
      if (!Object.prototype.hasOwnProperty.call(shape, key)) return `unknown field "${key}"`;
    }
    for (const [key, rule] of Object.entries(shape)) {
      const value = v[key];
      if (value === undefined) {
        if (rule.optional) continue;
        return `missing field "${key}"`;
      }
      const problem = rule.check(value);
      if (problem) return `${key}: ${problem}`;
    }
    return null;
  };
}

const bool: Check = (v) => (typeof v === 'boolean' ? null : 'expected a boolean');
const int = (min: number, max: number): Check => (v) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? null : `expected an integer ${min}..${max}`;
const url: Check = (v) => {
  const p = str(4096)(v);
  if (p) return p;
  try {
    const u = new URL(v as string);
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'mailto:' ? null : 'unsupported URL scheme';
  } catch {
    return 'not a URL';
  }
};
const httpUrl: Check = (v) => {
  const p = url(v);
  if (p) return p;
  return /^https?:/i.test(v as string) ? null : 'expected an http(s) URL';
};

const oneOf = (...values: string[]): Check => (v) => (typeof v === 'string' && values.includes(v) ? null : `expected one of ${values.join(', ')}`);

const articleQuery = object({
  section: { check: str(1000), optional: true },
  saved: { check: bool, optional: true },
  limit: { check: int(1, 100_000), optional: true },
  offset: { check: int(0, 10_000_000), optional: true },
  sort: { check: oneOf('newest', 'oldest'), optional: true },
});

export const argChecks: Record<NewsMethod, Check> = {
  getStatus: none,
  listSections: none,
  listArticles: (v) => (v === undefined || v === null ? null : articleQuery(v)),
  countArticles: (v) => (v === undefined || v === null ? null : articleQuery(v)),
  markAllRead: object({ section: { check: str(1000), optional: true } }),
  getArticle: id,
  setSaved: object({ id: { check: id }, saved: { check: bool } }),
  setRead: object({ id: { check: id }, read: { check: bool } }),
  listSaved: none,
  listSources: none,
  addSource: object({ url: { check: httpUrl }, title: { check: str(300), optional: true } }),
  removeSource: id,
  updateSource: object({
    id: { check: id },
    title: { check: (v) => str(300)(v) ?? ((v as string).trim() === '' ? 'empty title' : null), optional: true },
    section: { check: (v) => (v === null ? null : str(1000)(v)), optional: true },
  }),
  syncNow: none,
  cancelSync: none,
  search: object({
    text: { check: str(500) },
    section: { check: str(1000), optional: true },
    saved: { check: bool, optional: true },
    limit: { check: int(1, 500), optional: true },
  }),
  exportSaved: object({ format: { check: oneOf('html', 'markdown') } }),
  openExternal: url,
  queueArticle: httpUrl,
  listQueue: none,
  getSettings: none,
  updateSettings: object({
    keepDays: { check: int(1, 3650), optional: true },
    maxPerSource: { check: int(1, 100_000), optional: true },
    keepNewest: { check: int(0, 10_000), optional: true },
    storageBudgetMb: { check: (v) => (v === null ? null : int(50, 1_000_000)(v)), optional: true },
    notifySections: { check: strList(200, 300), optional: true },
    refreshMinutes: { check: (v) => (v === 0 ? null : int(5, 1440)(v) && 'expected 0 (off) or an integer 5..1440'), optional: true },
    downloadPhotos: { check: bool, optional: true },
  }),
  getStorageInfo: none,
  exportOpml: none,
  // An OPML document: up to 2 MiB of text (its own cap, see MAX_ARG_BYTES_FOR in contract.ts).
  importOpml: str(2 * 1024 * 1024),
};

/** Throws InvalidArgumentError unless `arg` is acceptable for `method`. */
export function validateArg(method: string, arg: unknown): void {
  if (!Object.prototype.hasOwnProperty.call(argChecks, method)) {
    throw new InvalidArgumentError(method, 'unknown method');
  }
  let size = 0;
  try {
    size = arg === undefined ? 0 : JSON.stringify(arg).length;
  } catch {
    throw new InvalidArgumentError(method, 'not serializable');
  }
  const cap = maxArgBytes(method as NewsMethod);
  if (size > cap) throw new InvalidArgumentError(method, `argument larger than ${cap} bytes`);
  const problem = argChecks[method as NewsMethod](arg);
  if (problem) throw new InvalidArgumentError(method, problem);
}
