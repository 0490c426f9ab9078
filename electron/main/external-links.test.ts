import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from './external-links';

describe('isAllowedExternalUrl', () => {
  const allowed = [
    'https://example.org/news/2024/story',
    'http://example.org/',
    'https://example.org:8443/a?b=c#d',
    'mailto:editor@example.org',
    'HTTPS://EXAMPLE.ORG/',
  ];
  const refused: unknown[] = [
    'file:///etc/passwd',
    'file://server/share',
    'smb://server/share',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '\u2000javascript:alert(1)',
    ' https://example.org/',
    'https://example.org/\n',
    'ms-msdt:/id PCWDiagnostic',
    'ms-settings:',
    'search-ms:query=x',
    'vscode://file/etc/passwd',
    'app://reader/index.html',
    'data:text/html,<script>alert(1)</script>',
    'blob:https://example.org/uuid',
    'ftp://example.org/file',
    'chrome://settings',
    'about:blank',
    '//example.org/protocol-relative',
    '/relative/path',
    'not a url',
    '',
    'https://user:pass@example.org/',
    `https://example.org/${'a'.repeat(5000)}`,
    null,
    undefined,
    42,
    { href: 'https://example.org' },
  ];

  it.each(allowed)('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each(refused.map((u) => [String(u).slice(0, 60), u]))('refuses %s', (_label, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
