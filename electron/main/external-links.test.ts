import { describe, expect, it } from 'vitest';
import { externalUrlToOpen, isAllowedExternalUrl } from './external-links';

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

describe('externalUrlToOpen: mailto: keeps only the addresses and the subject', () => {
  it.each([
    ['mailto:editor@example.org', 'mailto:editor@example.org'],
    ['mailto:editor@example.org?subject=Hello%20there', 'mailto:editor@example.org?subject=Hello%20there'],
    ['mailto:editor@example.org?attach=/etc/passwd', 'mailto:editor@example.org'],
    ['mailto:editor@example.org?subject=Tip&attach=C:%5CUsers%5Cme%5C.ssh%5Cid_rsa&attachment=~/.ssh/id_rsa', 'mailto:editor@example.org?subject=Tip'],
    ['mailto:editor@example.org?body=hi&cc=spy@evil.example&bcc=spy@evil.example&subject=S', 'mailto:editor@example.org?subject=S'],
    ['mailto:a@example.org,b@example.org?subject=Two', 'mailto:a@example.org,b@example.org?subject=Two'],
    ['mailto:editor@example.org?subject=Line%0D%0ABcc:%20spy@evil.example', 'mailto:editor@example.org?subject=Line%20Bcc%3A%20spy%40evil.example'],
    ['MAILTO:editor@example.org?ATTACH=/etc/passwd&SUBJECT=Up', 'mailto:editor@example.org?subject=Up'],
  ])('%s -> %s', (url, expected) => {
    expect(externalUrlToOpen(url)).toBe(expected);
  });

  it.each(['mailto:?subject=no%20address', 'mailto:?attach=/etc/passwd', 'mailto:not-an-address', 'mailto:a@example.org%3Fattach=/etc/passwd', 'mailto:%E0%A4%A'])(
    'refuses %s',
    (url) => {
      expect(externalUrlToOpen(url)).toBeNull();
    },
  );

  it('hands http(s) links over unchanged', () => {
    expect(externalUrlToOpen('https://example.org/a?b=c#d')).toBe('https://example.org/a?b=c#d');
  });
});
