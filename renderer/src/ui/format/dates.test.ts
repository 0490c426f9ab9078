import { describe, expect, it } from 'vitest';
import { formatLongDate, formatLongDateTime, formatRelative, formatShortDate, formatUpdated, readWrittenDate } from './dates';

describe('formatLongDate', () => {
  it('formats a date-only value as written, without shifting the day', () => {
    expect(formatLongDate('2024-02-16')).toBe('16 February 2024');
  });
  it('keeps midnight UTC on its own day', () => {
    expect(formatLongDate('2024-02-16T00:00:00Z')).toBe('16 February 2024');
    expect(formatLongDate('2024-02-16T00:00:00.000Z')).toBe('16 February 2024');
  });
  it('uses the day written in the value for other offsets', () => {
    expect(formatLongDate('2024-02-16T23:30:00-05:00')).toBe('16 February 2024');
    expect(formatLongDate('2024-02-16T01:00:00+09:00')).toBe('16 February 2024');
  });
  it('returns null for missing or unreadable values', () => {
    expect(formatLongDate(null)).toBeNull();
    expect(formatLongDate('')).toBeNull();
    expect(formatLongDate('not a date')).toBeNull();
    expect(formatLongDate('2024-13-40')).toBeNull();
  });
  it('falls back to the engine parser for non-ISO values', () => {
    expect(formatLongDate('Fri, 16 Feb 2024 10:00:00 GMT')).toBe('16 February 2024');
  });
});

describe('other formats', () => {
  it('formats short dates and date-times', () => {
    expect(formatShortDate('2024-02-16')).toBe('16 Feb 2024');
    expect(formatLongDateTime('2024-02-16T14:05:00Z')).toBe('16 February 2024, 14:05');
    expect(formatLongDateTime('2024-02-16')).toBe('16 February 2024');
  });
  it('reads the written fields', () => {
    expect(readWrittenDate('2024-02-16T09:07:00+02:00')).toEqual({ year: 2024, month: 2, day: 16, hour: 9, minute: 7 });
  });
});

describe('formatUpdated', () => {
  it('is null when there is no update or it equals the publish time', () => {
    expect(formatUpdated('2024-02-16T10:00:00Z', null)).toBeNull();
    expect(formatUpdated('2024-02-16T10:00:00Z', '2024-02-16T10:00:00.000Z')).toBeNull();
  });
  it('shows the time for a same-day update and the date otherwise', () => {
    expect(formatUpdated('2024-02-16T10:00:00Z', '2024-02-16T15:30:00Z')).toBe('16 February 2024, 15:30');
    expect(formatUpdated('2024-02-16T10:00:00Z', '2024-02-18T08:00:00Z')).toBe('18 February 2024');
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2024-02-20T12:00:00Z');
  it('describes recent times', () => {
    expect(formatRelative('2024-02-20T11:59:40Z', now)).toBe('just now');
    expect(formatRelative('2024-02-20T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatRelative('2024-02-20T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelative('2024-02-19T09:00:00Z', now)).toBe('yesterday');
    expect(formatRelative('2024-02-16T09:00:00Z', now)).toBe('4 days ago');
  });
  it('falls back to a short date for old or future values', () => {
    expect(formatRelative('2024-01-02T09:00:00Z', now)).toBe('2 Jan 2024');
    expect(formatRelative('2024-03-01T09:00:00Z', now)).toBe('1 Mar 2024');
  });
  it('counts date-only values in calendar days', () => {
    expect(formatRelative('2024-02-20', now)).toBe('today');
    expect(formatRelative('2024-02-16', now)).toBe('4 days ago');
    expect(formatRelative(null, now)).toBeNull();
  });
});

describe('the hand-written en-GB wording', () => {
  // dates.ts avoids Intl (its first use in a page costs 60-180 ms of ICU start-up); it must read
  // word for word what Intl's en-GB formatters read.
  const long = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const short = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });

  it('names every month as Intl does, long and short (Sept included)', () => {
    for (let month = 1; month <= 12; month++) {
      for (const day of [1, 9, 28]) {
        const iso = `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const noon = new Date(Date.UTC(2024, month - 1, day, 12));
        expect(formatLongDate(iso)).toBe(long.format(noon));
        expect(formatShortDate(iso)).toBe(short.format(noon));
      }
    }
    expect(formatShortDate('2024-04-31')).toBe(short.format(new Date(Date.UTC(2024, 3, 31, 12)))); // 1 May
  });

  it('words relative times as Intl does', () => {
    const now = Date.parse('2024-02-16T12:00:00Z');
    for (const minutes of [1, 2, 59]) {
      expect(formatRelative(new Date(now - minutes * 60_000).toISOString(), now)).toBe(relative.format(-minutes, 'minute'));
    }
    for (const hours of [1, 2, 23]) {
      expect(formatRelative(new Date(now - hours * 3_600_000).toISOString(), now)).toBe(relative.format(-hours, 'hour'));
    }
    for (const days of [1, 2, 6]) {
      expect(formatRelative(new Date(now - days * 86_400_000).toISOString(), now)).toBe(relative.format(-days, 'day'));
      expect(formatRelative(`2024-02-${String(16 - days).padStart(2, '0')}`, now)).toBe(relative.format(-days, 'day'));
    }
    expect(formatRelative('2024-02-16', now)).toBe(relative.format(0, 'day'));
  });
});
