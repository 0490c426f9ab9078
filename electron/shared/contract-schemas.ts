/**
 * The building blocks of the contract's argument schemas (valibot), each failing with one plain
 * phrase ("expected a string", "empty id"), and the limits they enforce. The limits are plain data
 * so the Settings screen shows the same ranges the hosts accept (SETTINGS_LIMITS).
 */
import * as v from 'valibot';

/** Ranges of the numeric settings (whole numbers); Settings reads these for its inputs. */
export const SETTINGS_LIMITS = {
  keepDays: { min: 1, max: 3650 },
  maxPerSource: { min: 1, max: 100_000 },
  keepNewest: { min: 0, max: 10_000 },
  /** Or null: no budget. */
  storageBudgetMb: { min: 50, max: 1_000_000 },
  /** Or 0: no scheduled sync. */
  refreshMinutes: { min: 5, max: 1440 },
} as const;

/** Sections a desktop notification may be raised for, and the longest section key. */
export const NOTIFY_SECTIONS_LIMITS = { maxItems: 200, maxLength: 300 } as const;

export const MAX_ID_LENGTH = 200;
export const MAX_SECTION_LENGTH = 1000;
export const MAX_TITLE_LENGTH = 300;
export const MAX_URL_LENGTH = 4096;
export const MAX_SEARCH_TEXT = 500;
/** An OPML document: up to 2 MiB of text. */
export const MAX_OPML_LENGTH = 2 * 1024 * 1024;

/** Largest serialized argument a host accepts (bytes), unless a channel declares its own. */
export const MAX_ARG_BYTES = 64 * 1024;

export const str = (max: number) => v.pipe(v.string('expected a string'), v.maxLength(max, `string longer than ${max}`));

/** An article or source id: 1-200 characters (one that names nothing is the host's 404). */
export const id = v.pipe(
  v.string('expected a string'),
  v.maxLength(MAX_ID_LENGTH, `string longer than ${MAX_ID_LENGTH}`),
  v.nonEmpty('empty id'),
);

export const bool = v.boolean('expected a boolean');

export const int = (min: number, max: number) => {
  const message = `expected an integer ${min}..${max}`;
  return v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));
};

export const oneOf = <const T extends readonly [string, ...string[]]>(...values: T) =>
  v.picklist(values, `expected one of ${values.join(', ')}`);

/** An array of at most `maxItems` strings of at most `maxLength` characters each. */
export const strList = (maxItems: number, maxLength: number) =>
  v.pipe(v.array(str(maxLength), 'expected an array'), v.maxLength(maxItems, `more than ${maxItems} items`));

/** The argument of a channel that takes none. */
export const none = v.nullish(v.never('expected no argument'));

const isPlainObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** A plain object with exactly these fields (an unknown field is refused by name). */
export const object = <const E extends v.ObjectEntries>(entries: E) =>
  v.pipe(v.custom<Record<string, unknown>>(isPlainObject, 'expected an object'), v.strictObject(entries));

const urlOf = (schemes: readonly string[], problem: string) =>
  v.pipe(
    str(MAX_URL_LENGTH),
    v.check((text) => URL.canParse(text), 'not a URL'),
    v.check((text) => !URL.canParse(text) || schemes.includes(new URL(text).protocol), problem),
  );

/** A link the system browser may open: http, https or mailto. */
export const linkUrl = urlOf(['http:', 'https:', 'mailto:'], 'unsupported URL scheme');
/** A feed or page address: http or https. */
export const httpUrl = urlOf(['http:', 'https:'], 'expected an http(s) URL');

export const articleQuery = object({
  section: v.optional(str(MAX_SECTION_LENGTH)),
  saved: v.optional(bool),
  limit: v.optional(int(1, 100_000)),
  offset: v.optional(int(0, 10_000_000)),
  sort: v.optional(oneOf('newest', 'oldest')),
});

/** 0 (off) or a whole number min..max. */
const offOr = (min: number, max: number) => {
  const message = `expected 0 (off) or an integer ${min}..${max}`;
  return v.pipe(v.number(message), v.check((n) => n === 0 || (Number.isInteger(n) && n >= min && n <= max), message));
};

const { keepDays, maxPerSource, keepNewest, storageBudgetMb, refreshMinutes } = SETTINGS_LIMITS;

export const settingsPatch = object({
  keepDays: v.optional(int(keepDays.min, keepDays.max)),
  maxPerSource: v.optional(int(maxPerSource.min, maxPerSource.max)),
  keepNewest: v.optional(int(keepNewest.min, keepNewest.max)),
  storageBudgetMb: v.optional(v.nullable(int(storageBudgetMb.min, storageBudgetMb.max))),
  notifySections: v.optional(strList(NOTIFY_SECTIONS_LIMITS.maxItems, NOTIFY_SECTIONS_LIMITS.maxLength)),
  refreshMinutes: v.optional(offOr(refreshMinutes.min, refreshMinutes.max)),
  downloadPhotos: v.optional(bool),
});

/** A channel's result type (checked by TypeScript; the core produces it, so no runtime check). */
export interface Returns<T> {
  readonly __result?: T;
}
export const returns = <T>(): Returns<T> => ({});

/** Describes the first problem of a failed parse in plain words: `field: problem`. */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((item) => String(item.key));
  if (issue.type === 'strict_object' && keys.length > 0) {
    const key = keys.pop()!;
    const where = keys.length ? `${keys.join('.')}: ` : '';
    return issue.expected === 'never' ? `${where}unknown field "${key}"` : `${where}missing field "${key}"`;
  }
  return keys.length ? `${keys.join('.')}: ${issue.message}` : issue.message;
}
