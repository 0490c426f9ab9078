import { describe, expect, it } from 'vitest';
import { formatClock, formatFullClock } from './clock';

describe('formatClock', () => {
  it('shows only the time today and the day too otherwise, in local time', () => {
    const now = new Date(2026, 10, 28, 9, 0).getTime();
    expect(formatClock(new Date(2026, 10, 28, 14, 5).toISOString(), now)).toBe('14:05');
    expect(formatClock(new Date(2026, 10, 29, 7, 30).toISOString(), now)).toBe('29 Nov, 07:30');
  });
  it('gives null for missing or unreadable values', () => {
    expect(formatClock(null)).toBeNull();
    expect(formatClock('soon')).toBeNull();
    expect(formatFullClock(undefined)).toBeNull();
    expect(formatFullClock(new Date(2026, 10, 28, 14, 5).toISOString())).toMatch(/28 November 2026.*14:05/);
  });
});
