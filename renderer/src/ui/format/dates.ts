/**
 * Date formatting for the reader. Dates are shown in the day they were written in: the calendar
 * date and wall time of the ISO string itself (its own offset), so "2024-02-16" or
 * "2024-02-16T00:00:00Z" reads "16 February 2024" in every time zone, never the 15th.
 * Written out by hand in the app's one locale (en-GB, word for word as Intl has it; dates.test.ts
 * compares): the first Intl formatter of a page costs 60-180 ms of ICU start-up in Chromium, and
 * every card on the first front shows a date.
 */

/** Calendar fields as written in an ISO 8601 string. */
export interface WrittenDate {
  year: number;
  month: number;
  day: number;
  /** Null for a date-only value. */
  hour: number | null;
  minute: number | null;
}

const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/** "16 February 2024" / "16 Feb 2024" (en-GB: day, month, year). */
function dayMonthYear(w: WrittenDate, months: readonly string[]): string {
  const d = asUtcDate(w); // normalised as a formatter would see it (31 April is 1 May)
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** en-GB past relative time, numeric 'auto': "today", "yesterday", "3 hours ago". */
function ago(count: number, unit: 'minute' | 'hour' | 'day'): string {
  if (unit === 'day' && count === 0) return 'today';
  if (unit === 'day' && count === 1) return 'yesterday';
  return `${count} ${unit}${count === 1 ? '' : 's'} ago`;
}

/** Reads the calendar date (and time) written in an ISO string; null when it is not one. */
export function readWrittenDate(iso: string | null | undefined): WrittenDate | null {
  if (!iso) return null;
  const m = ISO_PATTERN.exec(iso.trim());
  if (m) {
    const [, y, mo, d, h, mi] = m;
    const fields: WrittenDate = {
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour: h === undefined ? null : Number(h),
      minute: mi === undefined ? null : Number(mi),
    };
    if (fields.month < 1 || fields.month > 12 || fields.day < 1 || fields.day > 31) return null;
    return fields;
  }
  // Not ISO-shaped: fall back to the engine's parser and read the result in UTC.
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const date = new Date(t);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
  };
}

function asUtcDate(w: WrittenDate): Date {
  return new Date(Date.UTC(w.year, w.month - 1, w.day, 12));
}

/** "16 February 2024", or null when the value is missing or unreadable. */
export function formatLongDate(iso: string | null | undefined): string | null {
  const w = readWrittenDate(iso);
  return w ? dayMonthYear(w, MONTHS) : null;
}

/** "16 Feb 2024". */
export function formatShortDate(iso: string | null | undefined): string | null {
  const w = readWrittenDate(iso);
  return w ? dayMonthYear(w, SHORT_MONTHS) : null;
}

/** "16 February 2024, 14:05" (the time only when the value has one). */
export function formatLongDateTime(iso: string | null | undefined): string | null {
  const w = readWrittenDate(iso);
  if (!w) return null;
  const date = dayMonthYear(w, MONTHS);
  if (w.hour === null || w.minute === null) return date;
  return `${date}, ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}

/** True when the two values name different moments (or only one of them exists). */
export function differentMoments(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return a !== b;
  return ta !== tb;
}

/** The "Updated …" text when updatedAt differs from publishedAt, else null. */
export function formatUpdated(publishedAt: string | null, updatedAt: string | null): string | null {
  if (!updatedAt) return null;
  if (publishedAt && !differentMoments(publishedAt, updatedAt)) return null;
  const sameDay = publishedAt && formatLongDate(publishedAt) === formatLongDate(updatedAt);
  return sameDay ? formatLongDateTime(updatedAt) : formatLongDate(updatedAt);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 minutes ago", "3 hours ago", "yesterday", "4 days ago", else "16 Feb 2024". */
export function formatRelative(iso: string | null | undefined, now: number = Date.now()): string | null {
  const w = readWrittenDate(iso);
  if (!w || !iso) return null;
  if (w.hour === null) {
    // Date only: compare calendar days with today's UTC date.
    const today = new Date(now);
    const days = Math.round(
      (Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - Date.UTC(w.year, w.month - 1, w.day)) / DAY,
    );
    if (days >= 0 && days < 7) return ago(days, 'day');
    return formatShortDate(iso);
  }
  const diff = now - Date.parse(iso);
  if (Number.isNaN(diff)) return formatShortDate(iso);
  if (diff < -MINUTE) return formatShortDate(iso);
  if (diff < MINUTE) return 'just now';
  if (diff < HOUR) return ago(Math.floor(diff / MINUTE), 'minute');
  if (diff < DAY) return ago(Math.floor(diff / HOUR), 'hour');
  if (diff < 7 * DAY) return ago(Math.floor(diff / DAY), 'day');
  return formatShortDate(iso);
}
