// parseFeedDate: every date form feeds are known to publish, and the ones it must refuse.
import { describe, expect, it } from 'vitest';
import { dateToTime, parseFeedDate } from './dates';

const parsed: [string, string][] = [
  // RFC 822 / 2822
  ['Sat, 16 Dec 2023 14:02:33 GMT', '2023-12-16T14:02:33Z'],
  ['Sat, 16 Dec 2023 14:02:33 +0000', '2023-12-16T14:02:33Z'],
  ['Sat, 16 Dec 2023 14:02:33 EST', '2023-12-16T14:02:33-05:00'],
  ['Fri, 14 Jul 2023 09:00:00 PDT', '2023-07-14T09:00:00-07:00'],
  ['Fri, 14 Jul 2023 09:00 CEST', '2023-07-14T09:00:00+02:00'],
  ['Tue, 05 Mar 2024 23:59:59 +0530', '2024-03-05T23:59:59+05:30'],
  ['Tue, 5 Mar 2024 01:00:00 -0800 (PST)', '2024-03-05T01:00:00-08:00'],
  ['16 Dec 23 14:02 GMT', '2023-12-16T14:02:00Z'],
  ['Thu, 01 Jan 70 00:00:00 GMT', '1970-01-01T00:00:00Z'],
  ['Wed, 02 Oct 02 08:00:00 EST', '2002-10-02T08:00:00-05:00'],
  ['Mon, 1 Jan 2024 10:00:00 UT', '2024-01-01T10:00:00Z'],
  ['Sat, 16 Dec 2023 14:02:60 GMT', '2023-12-16T14:02:59Z'],
  // ISO 8601
  ['2024-02-16T10:00:00Z', '2024-02-16T10:00:00Z'],
  ['2024-02-16T10:00:00.123Z', '2024-02-16T10:00:00.123Z'],
  ['2024-02-16T10:00:00+01:00', '2024-02-16T10:00:00+01:00'],
  ['2024-02-16T00:30:00+0100', '2024-02-16T00:30:00+01:00'],
  ['2024-02-16T10:00+01', '2024-02-16T10:00:00+01:00'],
  ['2024-02-16 10:00:00', '2024-02-16T10:00:00Z'],
  ['2024-02-16t10:00:00z', '2024-02-16T10:00:00Z'],
  ['2024-02-16T10:00:00 EST', '2024-02-16T10:00:00-05:00'],
  ['2024-02-16', '2024-02-16'],
  ['  2024-2-6  ', '2024-02-06'],
  // Sloppy forms
  ['Sat, Dec 16 2023 02:02:33 PM', '2023-12-16T14:02:33Z'],
  ['Sat, Dec 16 2023 12:02:33 AM', '2023-12-16T00:02:33Z'],
  ['Dec 16, 2023 12:15 pm EST', '2023-12-16T12:15:00-05:00'],
  ['2020/1/10 14:28:00', '2020-01-10T14:28:00Z'],
  ['2020/01/10', '2020-01-10'],
  ['16 February 2024', '2024-02-16'],
  ['February 16, 2024', '2024-02-16'],
  ['February 16th, 2024 at 9:15 a.m.', '2024-02-16T09:15:00Z'],
  ['Friday, 16th of February 2024', '2024-02-16'],
  ['16.02.2024 10:00', '2024-02-16T10:00:00Z'],
  ['16/02/2024', '2024-02-16'],
  ['02/16/2024', '2024-02-16'],
  ['16-Feb-2024 08:00:00 GMT', '2024-02-16T08:00:00Z'],
  ['Feb. 16, 2024', '2024-02-16'],
  ['Sept 3 2024 7:05 pm GMT+2', '2024-09-03T19:05:00+02:00'],
];

const refused: unknown[] = [
  '',
  '   ',
  'yesterday',
  'not a date at all',
  '2024-13-01',
  '2024-02-30',
  'Sat, 31 Feb 2023 10:00:00 GMT',
  '2024-02-16T25:00:00Z',
  '2024-02-16T10:00:00+99:00',
  'Sat, 16 Dec 2023 14:02:33 XYZ',
  '13:00 PM Dec 16 2023',
  '16 2024',
  'Dec 2023',
  '12345',
  null,
  undefined,
  42,
  {},
  'x'.repeat(10_000),
];

describe('parseFeedDate', () => {
  it.each(parsed)('%s -> %s', (input, expected) => {
    expect(parseFeedDate(input)).toBe(expected);
  });

  it.each(refused.map((value) => [value]))('refuses %s', (value) => {
    expect(parseFeedDate(value)).toBeNull();
  });

  it('keeps the instant right (compare with dateToTime)', () => {
    expect(dateToTime(parseFeedDate('Sat, 16 Dec 2023 14:02:33 EST'))).toBe(Date.UTC(2023, 11, 16, 19, 2, 33));
    expect(dateToTime(parseFeedDate('16 February 2024'))).toBe(Date.UTC(2024, 1, 16));
    expect(dateToTime(null)).toBeNull();
  });

  it('accepts a Date object', () => {
    expect(parseFeedDate(new Date(Date.UTC(2024, 1, 16, 10)))).toBe('2024-02-16T10:00:00.000Z');
    expect(parseFeedDate(new Date(Number.NaN))).toBeNull();
  });
});
