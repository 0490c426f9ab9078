import { describe, expect, it } from 'vitest';
import { formatCount } from './count';

describe('formatCount', () => {
  it('groups thousands as en-GB does', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 50_000, 999_999, 1_234_567, -4_200]) {
      expect(formatCount(n)).toBe(n.toLocaleString('en-GB'));
    }
  });
});
