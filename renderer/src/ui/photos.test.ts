import { describe, expect, it } from 'vitest';
import { creditText, photoUrl } from './photos';

describe('photoUrl', () => {
  it('accepts plain cache names only', () => {
    expect(photoUrl('3f9a.jpg')).toBe('/photos/3f9a.jpg');
    expect(photoUrl(null)).toBeNull();
    expect(photoUrl('../index.json')).toBeNull();
    expect(photoUrl('a/b.jpg')).toBeNull();
    expect(photoUrl('https://example.com/a.jpg')).toBeNull();
  });
});

describe('creditText', () => {
  it('removes a repeated Photo: prefix', () => {
    expect(creditText('Photo: X/ @PALMENA_IC')).toBe('X/ @PALMENA_IC');
    expect(creditText('Reuters')).toBe('Reuters');
  });
});
