/** formatBytes: units, rounding at unit edges, odd input. */
import { describe, expect, it } from 'vitest';
import { formatBytes } from './bytes';

describe('formatBytes', () => {
  it('counts small sizes in bytes', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(999)).toBe('999 bytes');
  });

  it('uses decimal units with one decimal below 100', () => {
    expect(formatBytes(1000)).toBe('1 kB');
    expect(formatBytes(1530)).toBe('1.5 kB');
    expect(formatBytes(12_400_000)).toBe('12.4 MB');
    expect(formatBytes(123_456_789)).toBe('123 MB');
    expect(formatBytes(3_000_000_000)).toBe('3 GB');
  });

  it('moves to the next unit when rounding reaches 1000', () => {
    expect(formatBytes(999_950)).toBe('1 MB');
    expect(formatBytes(999_400)).toBe('999 kB');
  });

  it('shows a dash for values that are not sizes', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });
});
