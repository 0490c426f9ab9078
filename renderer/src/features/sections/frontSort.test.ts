import { describe, expect, it } from 'vitest';
import { parseSort } from './frontSort';

describe('parseSort', () => {
  it('reads the remembered sort, newest first for anything unknown', () => {
    expect(parseSort('oldest')).toBe('oldest');
    expect(parseSort('newest')).toBe('newest');
    expect(parseSort(null)).toBe('newest');
    expect(parseSort('sideways')).toBe('newest');
  });
});
