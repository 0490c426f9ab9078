import { describe, expect, it } from 'vitest';
import { trimPositions } from './readingPosition';

describe('trimPositions', () => {
  it('keeps the newest entries only', () => {
    const positions = { a: 1, b: 2, c: 3, d: 4 };
    expect(trimPositions(positions, 2)).toEqual({ c: 3, d: 4 });
    expect(trimPositions(positions, 10)).toEqual(positions);
  });
  it('drops values that are not numbers', () => {
    expect(trimPositions({ a: 1, b: 'x' as unknown as number, c: Number.NaN })).toEqual({ a: 1 });
  });
});
