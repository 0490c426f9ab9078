// Text and URL helpers used by feed normalization.
import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText, resolveHttpUrl, textToHtml, truncateText } from './text';

describe('decodeEntities', () => {
  it.each([
    ['a &amp; b', 'a & b'],
    ['&amp;amp;', '&amp;'],
    ['&lt;b&gt; &quot;q&quot; &apos;s&apos;', '<b> "q" \'s\''],
    ['&#8217;&#x201C;&#X201D;', '’“”'],
    ['caf&eacute; &hellip; &mdash;', 'café … —'],
    ['&#150; &#128;', '– €'], // C1 references map through windows-1252
    ['AT&T and R&D', 'AT&T and R&D'],
    ['&amp', '&'],
    ['&notin; &not x', '∉ ¬ x'],
    ['&#0; &#xD800;', '\ufffd \ufffd'],
    ['no references', 'no references'],
    ['&unknownentity;', '&unknownentity;'],
  ])('%j -> %j', (input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });
});

describe('htmlToText', () => {
  it.each([
    ['<p>One</p><p>Two<br>Three</p>', 'One Two Three'],
    ['Tom &amp; <b>Jerry</b>', 'Tom & Jerry'],
    ['<script>alert(1)</script>Kept<style>p{}</style>', 'Kept'],
    ['<!-- note -->Kept <!-- unterminated', 'Kept'],
    ['Rates < 2% and 5<10', 'Rates < 2% and 5<10'],
    ['<img src=x onerror=alert(1)>Text', 'Text'],
    ['  lots   of \n\t space\u00a0here ', 'lots of space here'],
    ['&lt;b&gt;escaped markup stays text&lt;/b&gt;', '<b>escaped markup stays text</b>'],
    [null, ''],
  ])('%j -> %j', (input, expected) => {
    expect(htmlToText(input)).toBe(expected);
  });
});

describe('resolveHttpUrl', () => {
  it.each<[unknown, string | null, string | null]>([
    ['/a/b?c=1', 'https://x.example/feed', 'https://x.example/a/b?c=1'],
    ['//cdn.example/p.jpg', 'https://x.example/', 'https://cdn.example/p.jpg'],
    ['  https://x.example/sp ace  ', null, 'https://x.example/sp%20ace'],
    ['java\nscript:alert(1)', 'https://x.example/', null],
    ['\u0001javascript:alert(1)', 'https://x.example/', null],
    ['JAVASCRIPT:alert(1)', null, null],
    ['data:image/png;base64,AAAA', null, null],
    ['file:///etc/passwd', null, null],
    ['relative/without/base', null, null],
    [42, 'https://x.example/', null],
    ['', 'https://x.example/', null],
  ])('%j against %j', (href, base, expected) => {
    expect(resolveHttpUrl(href, base)).toBe(expected);
  });
});

describe('textToHtml / truncateText', () => {
  it('escapes and paragraphs plain text', () => {
    expect(textToHtml('a < b & c\nnext line\n\nsecond')).toBe('<p>a &lt; b &amp; c<br>next line</p>\n<p>second</p>');
  });
  it('cuts at a word boundary with an ellipsis', () => {
    expect(truncateText('alpha beta gamma delta', 18)).toBe('alpha beta gamma…');
    expect(truncateText('short', 12)).toBe('short');
  });
});
