import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { applyPreferences, DEFAULT_PREFERENCES, parsePreferences } from './preferences';

describe('parsePreferences', () => {
  it('reads stored choices', () => {
    expect(parsePreferences('{"theme":"dark","textSize":"large"}')).toEqual({ theme: 'dark', textSize: 'large' });
  });
  it('falls back to defaults for missing, broken or unknown values', () => {
    expect(parsePreferences(null)).toEqual(DEFAULT_PREFERENCES);
    expect(parsePreferences('{not json')).toEqual(DEFAULT_PREFERENCES);
    expect(parsePreferences('{"theme":"neon","textSize":"large"}')).toEqual({ theme: 'system', textSize: 'large' });
    expect(parsePreferences('{"__proto__":{"theme":"dark"}}')).toEqual(DEFAULT_PREFERENCES);
  });
});

describe('applyPreferences', () => {
  it('sets and clears the attributes the CSS reads', () => {
    const root = new JSDOM('').window.document.documentElement;
    applyPreferences({ theme: 'dark', textSize: 'x-large' }, root);
    expect(root.getAttribute('data-theme')).toBe('dark');
    expect(root.getAttribute('data-text-size')).toBe('x-large');
    applyPreferences({ theme: 'system', textSize: 'medium' }, root);
    expect(root.hasAttribute('data-theme')).toBe(false);
    expect(root.hasAttribute('data-text-size')).toBe(false);
  });
});
