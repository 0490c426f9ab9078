import { describe, expect, it } from 'vitest';
import { dateFromLabelledText, normalizeDate } from './dates';

describe('normalizeDate', () => {
  it.each([
    ['2024-02-16', '2024-02-16'],
    ['2024-02-16T00:30:00+02:00', '2024-02-16T00:30:00+02:00'],
    ['2024-02-16T00:30+0200', '2024-02-16T00:30:00+02:00'],
    ['2024-02-16T09:30:00.000Z', '2024-02-16T09:30:00.000Z'],
    ['2024-02-16 09:30:00', '2024-02-16T09:30:00'],
    ['16 February 2024', '2024-02-16'],
    ['Friday, 16 February 2024', '2024-02-16'],
    ['16th Feb. 2024', '2024-02-16'],
    ['February 16, 2024', '2024-02-16'],
    ['Sept 3, 2023', '2023-09-03'],
    ['Sat, Dec 16 2023 02:02:33 PM', '2023-12-16'],
    ['2020/1/10 14:28:00', '2020-01-10'],
    ['Fri, 16 Feb 2024 09:30:00 GMT', '2024-02-16T09:30:00Z'],
    ['Fri, 16 Feb 2024 00:30:00 +0200', '2024-02-16T00:30:00+02:00'],
    ['2022-05-05T22:12:00 UTC', '2022-05-05T22:12:00Z'],
    ['2022-01-27T12:45:36.270+01', '2022-01-27T12:45:36.270+01:00'],
    ['2018-11-28CET11:59:00+0100', '2018-11-28'],
    ['2024-02-30', null],
    ['31 June 2024', null],
    ['yesterday', null],
    ['', null],
    [null, null],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });
});

describe('dateFromLabelledText', () => {
  it('finds the publish and update dates in page text', () => {
    const text = 'News > City\nHeadline\nBy Someone\nPublished 16 February 2024\nUpdated: 17 February 2024 10:00\nBody';
    expect(dateFromLabelledText(text, 'published')).toBe('2024-02-16');
    expect(dateFromLabelledText(text, 'updated')).toBe('2024-02-17');
    expect(dateFromLabelledText('Published\n16 February\n2024', 'published')).toBe('2024-02-16');
    expect(dateFromLabelledText('No date here at all', 'published')).toBeNull();
  });
});
