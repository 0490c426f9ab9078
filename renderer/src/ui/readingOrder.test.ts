import { describe, expect, it } from 'vitest';
import { neighbours } from './readingOrder';

describe('neighbours', () => {
  const order = { label: 'All articles', ids: ['a', 'b', 'c'] };
  it('finds previous and next', () => {
    expect(neighbours(order, 'b')).toEqual({ previous: 'a', next: 'c' });
    expect(neighbours(order, 'a')).toEqual({ previous: null, next: 'b' });
    expect(neighbours(order, 'c')).toEqual({ previous: 'b', next: null });
  });
  it('is empty for an unlisted id or no order', () => {
    expect(neighbours(order, 'z')).toEqual({ previous: null, next: null });
    expect(neighbours(null, 'a')).toEqual({ previous: null, next: null });
  });
});
