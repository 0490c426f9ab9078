import { describe, expect, it } from 'vitest';
import { isExternalUrl, sameUrl } from './links';

describe('isExternalUrl', () => {
  it('accepts http(s) and mailto only', () => {
    expect(isExternalUrl('https://example.com/a')).toBe(true);
    expect(isExternalUrl('mailto:a@example.com')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'ms-msdt:x', '/relative', '', null])
      expect(isExternalUrl(bad)).toBe(false);
  });
});

describe('sameUrl', () => {
  it('ignores trailing slash and hash', () => {
    expect(sameUrl('https://Example.com/a/#x', 'https://example.com/a')).toBe(true);
    expect(sameUrl('https://example.com/a', 'https://example.com/b')).toBe(false);
  });
});
