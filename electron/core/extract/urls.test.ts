import { describe, expect, it } from 'vitest';
import { Readability } from '@mozilla/readability';
import { parsePage } from './dom';
import { bestSrcsetCandidate, parseSrcset, resolveUrl } from './urls';

const BASE = 'https://site.example.test/a/b.html';

describe('resolveUrl', () => {
  it.each([
    ['/x/y', 'https://site.example.test/x/y'],
    ['c.jpg', 'https://site.example.test/a/c.jpg'],
    ['../c.jpg', 'https://site.example.test/c.jpg'],
    ['//cdn.example.test/p.jpg', 'https://cdn.example.test/p.jpg'],
    ['  https://ok.example.test/  ', 'https://ok.example.test/'],
    ['javascript:alert(1)', null],
    [' JaVaScRiPt:alert(1)', null],
    ['\u2000javascript:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['java\u200bscript:alert(1)', null],
    ['\u0001https://ok.example.test/', null],
    ['data:image/png;base64,AAAA', null],
    ['file:///etc/passwd', null],
    ['ftp://x.example.test/', null],
    ['mailto:desk@example.test', null],
    ['http://', null],
    ['', null],
    [null, null],
  ])('%j -> %j', (raw, expected) => {
    expect(resolveUrl(raw, BASE)).toBe(expected);
  });

  it('accepts mailto only when asked', () => {
    expect(resolveUrl('mailto:desk@example.test', BASE, ['http:', 'https:', 'mailto:'])).toBe('mailto:desk@example.test');
  });
});

describe('srcset', () => {
  it('parses candidates and picks the largest', () => {
    const c = parseSrcset('a-320.jpg 320w, a-1280.jpg 1280w,a-640.jpg 640w');
    expect(c.map((x) => x.url)).toEqual(['a-320.jpg', 'a-1280.jpg', 'a-640.jpg']);
    expect(bestSrcsetCandidate(c)?.url).toBe('a-1280.jpg');
    expect(bestSrcsetCandidate(parseSrcset('a.jpg, a@2x.jpg 2x'))?.url).toBe('a@2x.jpg');
    expect(parseSrcset('https://x.example.test/a,b.jpg 1x')).toEqual([{ url: 'https://x.example.test/a,b.jpg', descriptor: '1x' }]);
    expect(parseSrcset('')).toEqual([]);
  });
});

describe('parsePage', () => {
  it('gives linkedom documents the base URL Readability resolves links with', () => {
    const para = 'A long enough paragraph about the harbour and its boats, written to satisfy the extractor. '.repeat(6);
    const { document, baseUrl } = parsePage(
      `<html><head><base href="/media/"></head><body><article><p>${para}<a href="story.html">link</a><img src="p.jpg"></p><p>${para}</p></article></body></html>`,
      'https://site.example.test/news/page.html',
    );
    expect(baseUrl).toBe('https://site.example.test/media/');
    expect(document.baseURI).toBe('https://site.example.test/media/');
    expect(document.documentURI).toBe('https://site.example.test/news/page.html');
    const parsed = new Readability(document as never).parse();
    expect(parsed?.content).toContain('href="https://site.example.test/media/story.html"');
    expect(parsed?.content).toContain('src="https://site.example.test/media/p.jpg"');
  });
});
